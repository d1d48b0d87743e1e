/**
 * Files into the core as bytes (common/uploads.ts): the web host's PUT /files/upload and the desktop
 * app's upload of a file chosen in the system dialog both call this, beside `dispatch`. The session and
 * the role are checked as for `evidence.add` before a byte is read; the file is then streamed into the
 * blob store (hashed on the way, never held whole), its first bytes checked against its name and the
 * evidence kind, its size against the limit, and, when the sender said which SHA-256 it has, its hash.
 * Any failure — the sender went away, too large, wrong type, wrong hash — leaves no file behind
 * (BlobStore.putStream removes its temporary file) and is a value with a Chinese message, never a throw.
 */
import { Transform, type Readable } from 'node:stream';
import { AppError } from '#common/errors.js';
import { checkEvidenceFile, sniffBytes } from '#common/evidenceFiles.js';
import { maxEvidenceBytes } from '#common/schemas/documents.js';
import { maxUploadBytes, parseUploadMeta, uploadTooLargeMessage, type UploadedFile } from '#common/uploads.js';
import type { ErrorValue } from '#common/errors.js';
import { operations } from '#common/operations.js';
import type { Services } from '../services.js';
import { toErrorValue } from '../errorValue.js';
import { pendingUploads } from '#core/application/pendingUploads.js';
import { callerOf } from './sessionGate.js';

export type UploadReply = { ok: true; value: UploadedFile } | { ok: false; error: ErrorValue };

export interface UploadOptions {
  /** The size the sender announced (Content-Length, the file's size on disk): refused at once when over the limit. */
  declaredSize?: number;
  /** Tests lower it; the default is the contract's limit. */
  limit?: number;
}

/** Photos and scans as pictures are read whole later (their thumbnail, their check), so they stay small. */
const imageLimit = maxEvidenceBytes;
const imageTooLarge = `图片不能超过${maxEvidenceBytes / 1024 / 1024}MB，请压缩后上传（录像、录音等其他文件不受此限）`;

export async function receiveUpload(
  services: Services,
  rawMeta: unknown,
  source: Readable,
  token: string | null,
  opts: UploadOptions = {},
): Promise<UploadReply> {
  const limit = opts.limit ?? maxUploadBytes;
  try {
    const parsed = parseUploadMeta(rawMeta);
    if (!parsed.ok) throw new AppError('VALIDATION', parsed.message);
    const { meta } = parsed;
    const user = callerOf(services, 'evidence.add', true, token)!;
    const access: unknown = operations['evidence.add'].access;
    if (!Array.isArray(access) || !access.some((r) => user.roles.includes(r))) throw new AppError('FORBIDDEN_ROLE');
    if (opts.declaredSize !== undefined && opts.declaredSize > limit)
      throw new AppError('FILE_TOO_LARGE', uploadTooLargeMessage);
    if (opts.declaredSize === 0) throw new AppError('VALIDATION', `“${meta.fileName}”是空文件，不能作为证据上传`);

    let size = 0;
    let head: Buffer[] = [];
    let headSize = 0;
    let mimeType: string | null = null;
    let image = false;
    const check = (): void => {
      const c = checkEvidenceFile(meta.fileName, Buffer.concat(head).subarray(0, sniffBytes), meta.kind);
      head = [];
      if (!c.ok)
        throw new AppError(meta.kind === 'photo' ? 'NOT_AN_IMAGE' : 'VALIDATION', c.message, [
          { path: 'file', message: c.message },
        ]);
      mimeType = c.mimeType;
      image = c.format === 'jpeg' || c.format === 'png';
    };
    const gate = new Transform({
      transform(chunk: Buffer, _enc, done) {
        try {
          size += chunk.length;
          if (size > limit) throw new AppError('FILE_TOO_LARGE', uploadTooLargeMessage);
          if (mimeType === null) {
            head.push(chunk);
            headSize += chunk.length;
            if (headSize >= sniffBytes) check();
          }
          if (image && size > imageLimit) throw new AppError('FILE_TOO_LARGE', imageTooLarge);
          done(null, chunk);
        } catch (e) {
          done(e as Error);
        }
      },
      flush(done) {
        try {
          if (size === 0) throw new AppError('VALIDATION', `“${meta.fileName}”是空文件，不能作为证据上传`);
          if (mimeType === null) check();
          done();
        } catch (e) {
          done(e as Error);
        }
      },
    });
    source.on('error', (e) => gate.destroy(e));
    let stored: { hash: string; size: number };
    try {
      stored = await services.blobs.putStream(
        source.pipe(gate),
        () => mimeType ?? 'application/octet-stream',
        meta.sha256,
      );
    } catch (e) {
      if (e instanceof AppError && e.code === 'INTEGRITY')
        throw new AppError(
          'INTEGRITY',
          `“${meta.fileName}”在传输中发生变化：收到的内容与其校验值不符，未保存，请重新上传`,
        );
      if (e instanceof AppError) throw e;
      if (source.destroyed || (e as { code?: string }).code === 'ECONNRESET' || /aborted/i.test(String(e)))
        throw new AppError('VALIDATION', `“${meta.fileName}”的上传已中断，未保存任何内容，请重新上传`);
      throw e;
    }
    const file: UploadedFile = {
      hash: stored.hash,
      size: stored.size,
      mimeType: mimeType ?? 'application/octet-stream',
      fileName: meta.fileName,
      kind: meta.kind,
    };
    pendingUploads(services).add(user.id, file, services.clock.now().getTime());
    return { ok: true, value: file };
  } catch (e) {
    return { ok: false, error: toErrorValue(e) };
  }
}
