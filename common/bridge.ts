/**
 * What the Electron preload exposes to the page as `window.anjuan` (contextBridge).
 * The web host has no bridge: the renderer then posts the same envelopes to `/api`.
 */
import type { Envelope, Reply } from './client.js';
import type { FileBytes, FileRequest } from './files.js';

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
}

/** Web host protocol: POST this path with an `Envelope` as JSON; the answer is a `Reply` as JSON. */
export const webApiPath = '/api';
