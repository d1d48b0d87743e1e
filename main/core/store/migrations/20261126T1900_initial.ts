/** The first schema. Migrations are additive and never edited once released (design rule 7). */
export const sql = `
CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
CREATE TABLE bureaus (id TEXT PRIMARY KEY, name TEXT NOT NULL, abbreviation TEXT NOT NULL);
CREATE TABLE officers (
  id TEXT PRIMARY KEY, bureau_id TEXT NOT NULL REFERENCES bureaus(id), name TEXT NOT NULL,
  certificate_no TEXT NOT NULL UNIQUE, certificate_valid_until TEXT NOT NULL
);
CREATE TABLE users (
  id TEXT PRIMARY KEY, bureau_id TEXT NOT NULL REFERENCES bureaus(id), username TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL, roles TEXT NOT NULL, password_hash TEXT NOT NULL, officer_id TEXT REFERENCES officers(id)
);
CREATE TABLE sessions (token TEXT PRIMARY KEY, user_id TEXT NOT NULL REFERENCES users(id), created_at TEXT NOT NULL);
CREATE TABLE enterprises (
  id TEXT PRIMARY KEY, name TEXT NOT NULL, uscc TEXT NOT NULL UNIQUE, legal_representative TEXT NOT NULL,
  address TEXT NOT NULL, county TEXT NOT NULL
);
CREATE INDEX enterprises_name ON enterprises(name);

-- The append-only log every case projection, the history and sync come from (design rule 3).
CREATE TABLE case_events (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  case_id TEXT NOT NULL,
  case_seq INTEGER NOT NULL,
  type TEXT NOT NULL,
  payload TEXT NOT NULL,
  actor_id TEXT NOT NULL,
  actor_name TEXT NOT NULL,
  device TEXT NOT NULL,
  hlc TEXT NOT NULL,
  at TEXT NOT NULL,
  prev_hash TEXT NOT NULL,
  hash TEXT NOT NULL,
  UNIQUE (case_id, case_seq)
);
CREATE TRIGGER case_events_no_update BEFORE UPDATE ON case_events
  BEGIN SELECT RAISE(ABORT, 'case_events is append-only'); END;
CREATE TRIGGER case_events_no_delete BEFORE DELETE ON case_events
  BEGIN SELECT RAISE(ABORT, 'case_events is append-only'); END;

-- Projections, rebuilt from case_events.
CREATE TABLE cases (
  id TEXT PRIMARY KEY, number TEXT NOT NULL UNIQUE, party_name TEXT NOT NULL, violation_name TEXT NOT NULL,
  node TEXT NOT NULL, filed_on TEXT NOT NULL, updated_at TEXT NOT NULL, closed INTEGER NOT NULL,
  version INTEGER NOT NULL, state TEXT NOT NULL
);
CREATE INDEX cases_updated ON cases(updated_at DESC, id);
CREATE INDEX cases_closed_updated ON cases(closed, updated_at DESC, id);

CREATE TABLE sequences (bureau_id TEXT NOT NULL, kind TEXT NOT NULL, year INTEGER NOT NULL, last INTEGER NOT NULL,
  PRIMARY KEY (bureau_id, kind, year));
CREATE TABLE blobs (hash TEXT PRIMARY KEY, size INTEGER NOT NULL, mime_type TEXT NOT NULL, created_at TEXT NOT NULL);
CREATE TABLE derived_pdfs (docx_hash TEXT NOT NULL, engine TEXT NOT NULL, pdf_hash TEXT NOT NULL, pages INTEGER NOT NULL,
  PRIMARY KEY (docx_hash, engine));
-- Idempotency: a retried submission with the same request id returns the first result.
CREATE TABLE requests (request_id TEXT PRIMARY KEY, op TEXT NOT NULL, result TEXT NOT NULL, created_at TEXT NOT NULL);
`;
