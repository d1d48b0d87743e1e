-- Files of cases (evidence, documents), content-addressed on disk under the data folder (files/blobs/ab/cdef…).
-- A row exists only once the bytes are on disk with their SHA-256 checked; a bureau may read a file once
-- one of its devices uploaded it (file_bureaus): knowing a hash is not having the file.
CREATE TABLE files (
  sha256 text PRIMARY KEY CHECK (sha256 ~ '^[0-9a-f]{64}$'),
  size bigint NOT NULL CHECK (size >= 0),
  mime_type text NOT NULL,
  stored_at timestamptz NOT NULL
);
CREATE TABLE file_bureaus (
  sha256 text NOT NULL REFERENCES files(sha256),
  bureau_id text NOT NULL REFERENCES bureaus(id),
  device_id text NOT NULL REFERENCES devices(id),
  uploaded_at timestamptz NOT NULL,
  PRIMARY KEY (sha256, bureau_id)
);
