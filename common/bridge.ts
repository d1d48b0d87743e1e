/**
 * What the Electron preload exposes to the page as `window.anjuan` (contextBridge).
 * The web host has no bridge: the renderer then posts the same envelopes to `/api`.
 */
import type { Envelope, Reply } from './client.js';
import type { FileBytes, FileRequest } from './files.js';
import type { UploadedFile } from './uploads.js';
import type { UploadKind } from './evidenceFiles.js';

/** A file the user chose in the system dialog: the shell keeps its path; the page knows it by `pickId`. */
export interface PickedFile {
  pickId: string;
  fileName: string;
  size: number;
}

export interface PrintRequest {
  title: string;
  /** The PDF to print, as produced by `documents.pdf` / `dossier.build`, read as bytes (common/files.ts). */
  pdf: Uint8Array;
}

export interface AnjuanBridge {
  readonly platform: 'electron';
  send(envelope: Envelope): Promise<Reply<unknown>>;
  /** A stored file as bytes (never Base64): the same request and access rule as the web host's GET /files/…. */
  readFile(request: FileRequest, token: string | null): Promise<Reply<FileBytes>>;
  /** Opens the system print dialog (printer, copies) for the PDF, rendered A4 in a hidden window. */
  printPdf(request: PrintRequest): Promise<{ ok: boolean; message?: string }>;
  /**
   * Evidence files in (common/uploads.ts): the system dialog, filtered to the kind's formats (null: cancelled),
   * then the chosen file read by the core process from disk as a stream — the page never holds its bytes
   * and never names a path. Absent on an older shell: the page then sends the file itself.
   */
  pickFile?(kind: UploadKind): Promise<Reply<PickedFile | null>>;
  uploadPicked?(request: { pickId: string; kind: UploadKind; token: string | null }): Promise<Reply<UploadedFile>>;
}

/** Web host protocol: POST this path with an `Envelope` as JSON; the answer is a `Reply` as JSON. */
export const webApiPath = '/api';
