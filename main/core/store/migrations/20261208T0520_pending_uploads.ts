/**
 * pending_uploads: a file a user sent (api/uploads.ts) and has not yet added as evidence, per user and
 * hash (application/pendingUploads.ts). In the database, not in memory, so a restart between the upload
 * and 添加证据 loses nothing: the bytes are already in the blob store. Local to this desk, like drafts:
 * never synced; it goes into a backup with the blobs it names.
 */
export const sql = `
CREATE TABLE pending_uploads (
  -- the order of arrival: beyond 500 per user the oldest go
  seq INTEGER PRIMARY KEY,
  user_id TEXT NOT NULL,
  hash TEXT NOT NULL,
  -- the UploadedFile (common/uploads.ts) as JSON, checked when read
  file_json TEXT NOT NULL,
  -- milliseconds since 1970 by the core's clock; older than a day: dropped
  uploaded_at INTEGER NOT NULL,
  UNIQUE (user_id, hash)
);
CREATE INDEX pending_uploads_age ON pending_uploads (uploaded_at);
`;
