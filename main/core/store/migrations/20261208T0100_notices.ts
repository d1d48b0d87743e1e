/**
 * 通知公告 received from the provincial server: the notice as published (never changed here), its
 * attachments' names and hashes (the bytes in the blob store, fetched at sync so they open offline), and
 * who read it on this desk when. `uploaded` = 0 until the server acknowledged the read receipt;
 * `upload_error` keeps its reason when it refused one.
 */
export const sql = `
CREATE TABLE notices (
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  body TEXT NOT NULL,
  publisher TEXT NOT NULL,
  published_by TEXT NOT NULL,
  published_at TEXT NOT NULL,
  attachments_json TEXT NOT NULL,
  received_at TEXT NOT NULL
);
CREATE INDEX notices_published ON notices (published_at);
CREATE TABLE notice_reads (
  notice_id TEXT NOT NULL REFERENCES notices(id),
  user_id TEXT NOT NULL,
  user_name TEXT NOT NULL,
  read_at TEXT NOT NULL,
  uploaded INTEGER NOT NULL DEFAULT 0,
  upload_error TEXT,
  PRIMARY KEY (notice_id, user_id)
);
CREATE INDEX notice_reads_pending ON notice_reads (uploaded) WHERE uploaded = 0;
`;
