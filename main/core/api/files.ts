/**
 * Files out of the core as bytes (common/files.ts): the one entry the web host's GET /files/… and the
 * desktop app's file channel call, beside `dispatch`. The same checks as an operation — the session
 * (as for `blobs.read`), then who may read the file (fileAccess.ts) — and every failure a value
 * with a Chinese message, never a throw. The file itself is opened, not read: the web host streams
 * it, the IPC relay reads it whole (both checked against its hash).
 */
import type { Readable } from 'node:stream';
import { AppError, type ErrorValue } from '#common/errors.js';
import { parseFileRequest } from '#common/files.js';
import type { Services } from '../services.js';
import { toErrorValue } from '../errorValue.js';
import { checkFileAccess } from '#core/application/fileAccess.js';
import { callerOf } from './sessionGate.js';

export interface OpenedFile {
  /** The file served: the thumbnail's own hash for `variant: 'thumb'`. */
  hash: string;
  mimeType: string;
  size: number;
  /** Streamed, checked on the way (a damaged file fails the stream before its last bytes). */
  stream(): Readable;
  /** Read whole and checked. */
  bytes(): Buffer;
}

export type FileReply = { ok: true; value: OpenedFile } | { ok: false; error: ErrorValue };

export async function openFile(services: Services, raw: unknown, token: string | null): Promise<FileReply> {
  try {
    const req = parseFileRequest(raw);
    if (!req) throw new AppError('VALIDATION', '文件请求格式不正确：应为64位文件标识，可附案件标识');
    const user = callerOf(services, 'blobs.read', true, token)!;
    checkFileAccess(services, user, req);
    let hash = req.hash;
    if (req.variant === 'thumb') {
      // No thumbnail (sharp unavailable, an odd image): the photo itself, never a broken picture.
      hash = (await services.thumbnails.of(req.hash))?.hash ?? req.hash;
    }
    const size = services.blobs.size(hash);
    return {
      ok: true,
      value: {
        hash,
        mimeType: services.blobs.mimeType(hash),
        size,
        stream: () => services.blobs.openStream(hash).stream,
        bytes: () => services.blobs.get(hash),
      },
    };
  } catch (e) {
    return { ok: false, error: toErrorValue(e) };
  }
}
