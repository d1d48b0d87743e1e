/**
 * The `pending_uploads` table: files a user sent and has not yet added as evidence, one row per user
 * and hash. Every query names the user, so one user's upload is never read or removed by another. The
 * rules (a day, 500 per user) and the check of the stored JSON are application/pendingUploads.ts's.
 */
import type { Db } from './db.js';

/**
 * Stores the user's upload of `hash` as the newest in his order of arrival (a row for the same hash is
 * replaced: the newest name and kind win); then drops every row uploaded before `dropBefore` and the
 * user's rows beyond his newest `keep`.
 */
export function putPendingUpload(
  db: Db,
  row: { userId: string; hash: string; fileJson: string; at: number },
  limits: { dropBefore: number; keep: number },
): void {
  db.transaction(() => {
    db.prepare('DELETE FROM pending_uploads WHERE user_id = ? AND hash = ?').run(row.userId, row.hash);
    db.prepare('INSERT INTO pending_uploads (user_id, hash, file_json, uploaded_at) VALUES (?, ?, ?, ?)').run(
      row.userId,
      row.hash,
      row.fileJson,
      row.at,
    );
    db.prepare('DELETE FROM pending_uploads WHERE uploaded_at < ?').run(limits.dropBefore);
    db.prepare(
      `DELETE FROM pending_uploads WHERE user_id = ? AND seq NOT IN
        (SELECT seq FROM pending_uploads WHERE user_id = ? ORDER BY seq DESC LIMIT ?)`,
    ).run(row.userId, row.userId, limits.keep);
  })();
}

/** The stored JSON of the user's upload of `hash`, if uploaded at or after `notBefore`. */
export function readPendingUpload(db: Db, userId: string, hash: string, notBefore: number): string | null {
  const json = db
    .prepare('SELECT file_json FROM pending_uploads WHERE user_id = ? AND hash = ? AND uploaded_at >= ?')
    .pluck()
    .get(userId, hash, notBefore) as string | undefined;
  return json ?? null;
}

export function deletePendingUpload(db: Db, userId: string, hash: string): void {
  db.prepare('DELETE FROM pending_uploads WHERE user_id = ? AND hash = ?').run(userId, hash);
}
