/**
 * What a host holds of the core (the utilityProcess, the web host, the CLI, the tests), as types
 * only: `core.ts` opens one, and `restartableCore.ts` wraps it to close and reopen the database
 * behind the same object — neither imports the other for it.
 */
import type { Readable } from 'node:stream';
import type { Envelope, Reply } from '#common/client.js';
import type { FileReply } from './api/files.js';
import type { UploadOptions, UploadReply } from './api/uploads.js';
import type { Services } from './services.js';

export interface Core {
  dispatch(envelope: Envelope): Promise<Reply<unknown>>;
  /** A stored file as bytes, for the web host's GET /files/… and the desktop app's file channel (common/files.ts). */
  file(request: unknown, token: string | null): Promise<FileReply>;
  /** An evidence file in as a stream, for the web host's PUT /files/upload and the desktop app (common/uploads.ts). */
  upload(meta: unknown, source: Readable, token: string | null, opts?: UploadOptions): Promise<UploadReply>;
  services: Services;
  close(): Promise<void>;
}
