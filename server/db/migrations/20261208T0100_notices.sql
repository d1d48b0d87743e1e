-- 通知公告: notices the province or a prefecture publishes to bureaus below it, their attachments (kept in
-- the file store with the case files: `files`, blobs/ab/cdef…), when each county's desks first received
-- them, and who read them when (read receipts sent up by the desks). Published notices never change.
CREATE TABLE notices (
  id text PRIMARY KEY,
  bureau_id text NOT NULL REFERENCES bureaus(id),
  title text NOT NULL,
  body text NOT NULL,
  -- Addressed bureaus; each reaches every bureau below it.
  audience text[] NOT NULL,
  published_by text NOT NULL REFERENCES users(id),
  published_at timestamptz NOT NULL
);
CREATE INDEX notices_audience ON notices USING gin (audience);

CREATE TABLE notice_attachments (
  notice_id text NOT NULL REFERENCES notices(id),
  position integer NOT NULL,
  sha256 text NOT NULL REFERENCES files(sha256),
  name text NOT NULL,
  mime_type text NOT NULL,
  size bigint NOT NULL,
  PRIMARY KEY (notice_id, position)
);

-- The first time a desk of a county received the notice at a sync.
CREATE TABLE notice_deliveries (
  notice_id text NOT NULL REFERENCES notices(id),
  bureau_id text NOT NULL REFERENCES bureaus(id),
  device_id text NOT NULL REFERENCES devices(id),
  delivered_at timestamptz NOT NULL,
  PRIMARY KEY (notice_id, bureau_id)
);

-- Who read it, when (the desk's time of reading), kept once per user; the desk that sent it and when.
CREATE TABLE notice_receipts (
  notice_id text NOT NULL REFERENCES notices(id),
  bureau_id text NOT NULL REFERENCES bureaus(id),
  user_id text NOT NULL,
  user_name text NOT NULL,
  read_at timestamptz NOT NULL,
  device_id text NOT NULL REFERENCES devices(id),
  received_at timestamptz NOT NULL,
  PRIMARY KEY (notice_id, user_id)
);
