/**
 * Files received by the upload route (common/uploads.ts) and not yet named by `evidence.add`, per user.
 * Only the user who sent a file may add it as evidence: a hash alone is no permission (anyone who
 * learned the hash of another case's file could otherwise bind it into a case of his and read it).
 * Kept in memory: an upload is followed by its `evidence.add` within seconds; after a restart or a
 * day the file is asked for again (the blob itself stays, unreferenced and harmless, like any blob
 * whose action failed).
 */
import type { UploadedFile } from '#common/uploads.js';

const maxAgeMs = 24 * 60 * 60 * 1000;
/** Enough for a batch of photos; a runaway client cannot grow the map without end. */
const maxPerUser = 500;

interface Pending {
  file: UploadedFile;
  at: number;
}

export class PendingUploads {
  private readonly byUser = new Map<string, Map<string, Pending>>();

  add(userId: string, file: UploadedFile, now: number): void {
    const mine = this.byUser.get(userId) ?? new Map<string, Pending>();
    this.byUser.set(userId, mine);
    mine.delete(file.hash); // the newest name and kind win, and move to the end of the order
    mine.set(file.hash, { file, at: now });
    for (const [hash, p] of mine) if (mine.size > maxPerUser || now - p.at > maxAgeMs) mine.delete(hash);
  }

  /** The user's upload of that hash, if he sent it within the last day. */
  get(userId: string, hash: string, now: number): UploadedFile | null {
    const p = this.byUser.get(userId)?.get(hash);
    return p && now - p.at <= maxAgeMs ? p.file : null;
  }

  remove(userId: string, hash: string): void {
    this.byUser.get(userId)?.delete(hash);
  }
}

const registries = new WeakMap<object, PendingUploads>();

/** The one registry of a core (keyed by its services, so two test cores never share uploads). */
export function pendingUploads(services: object): PendingUploads {
  let r = registries.get(services);
  if (!r) {
    r = new PendingUploads();
    registries.set(services, r);
  }
  return r;
}
