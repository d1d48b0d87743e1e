/**
 * Files received by the upload route (common/uploads.ts) and not yet named by `evidence.add`, per user.
 * Only the user who sent a file may add it as evidence: a hash alone is no permission (anyone who
 * learned the hash of another case's file could otherwise bind it into a case of his and read it).
 * Kept in the workstation's database (store/pendingUploads.ts), so a crash or restart between the upload
 * and 添加证据 does not make the clerk send a 2 GB recording again: its bytes are already in the blob
 * store. After a day the file is asked for again (the blob itself stays, unreferenced and harmless, like
 * any blob whose action failed). Local to this desk: never synced.
 */
import { parseUploadMeta, type UploadedFile } from '#common/uploads.js';
import type { Db } from '#core/store/db.js';
import { deletePendingUpload, putPendingUpload, readPendingUpload } from '#core/store/pendingUploads.js';

const maxAgeMs = 24 * 60 * 60 * 1000;
/** Enough for a batch of photos; a runaway client cannot grow the table without end. */
const maxPerUser = 500;

/**
 * The stored file if it is one for `hash` with every field of an UploadedFile sound, else null: a row
 * damaged or written by another version is ignored (the file is uploaded again), never a crash.
 */
function storedFile(json: string, hash: string): UploadedFile | null {
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return null;
  }
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return null;
  const f = raw as Record<string, unknown>;
  const meta = parseUploadMeta({ fileName: f.fileName, kind: f.kind });
  if (!meta.ok || meta.meta.fileName !== f.fileName) return null;
  if (f.hash !== hash || typeof f.mimeType !== 'string' || f.mimeType === '') return null;
  if (typeof f.size !== 'number' || !Number.isSafeInteger(f.size) || f.size < 0) return null;
  return { hash, size: f.size, mimeType: f.mimeType, fileName: meta.meta.fileName, kind: meta.meta.kind };
}

export class PendingUploads {
  constructor(private readonly db: Db) {}

  /** The newest name and kind win for the same hash; the day-old and the user's beyond 500 (oldest first) go. */
  add(userId: string, file: UploadedFile, now: number): void {
    const fileJson = JSON.stringify({
      hash: file.hash,
      size: file.size,
      mimeType: file.mimeType,
      fileName: file.fileName,
      kind: file.kind,
    } satisfies UploadedFile);
    putPendingUpload(
      this.db,
      { userId, hash: file.hash, fileJson, at: now },
      { dropBefore: now - maxAgeMs, keep: maxPerUser },
    );
  }

  /** The user's upload of that hash, if he sent it within the last day. */
  get(userId: string, hash: string, now: number): UploadedFile | null {
    const json = readPendingUpload(this.db, userId, hash, now - maxAgeMs);
    return json === null ? null : storedFile(json, hash);
  }

  remove(userId: string, hash: string): void {
    deletePendingUpload(this.db, userId, hash);
  }
}

/** The registry of a core: its database (after `backup.restore`, the restored one). */
export function pendingUploads(services: { db: Db }): PendingUploads {
  return new PendingUploads(services.db);
}
