CREATE INDEX auth_audit_at ON auth_audit(at);

CREATE INDEX auth_audit_username ON auth_audit(username);

CREATE INDEX case_deadlines_due ON case_deadlines (bureau_id, met, closed, due_on);

CREATE INDEX case_events_hlc ON case_events (hlc);

CREATE INDEX case_positions_position ON case_positions (position, bureau_id, closed, updated_at, officer_ids, case_id);

CREATE INDEX cases_closed_updated ON cases(closed, updated_at DESC, id);

CREATE INDEX cases_enterprise ON cases(enterprise_id, filed_on);

CREATE INDEX cases_list ON cases (bureau_id, updated_at DESC, id, closed, node, officer_ids, number, party_name, violation_name, filed_on);

CREATE INDEX cases_scope ON cases (bureau_id, updated_at, officer_ids);

CREATE INDEX cases_updated ON cases(updated_at DESC, id);

CREATE INDEX dossier_packages_case ON dossier_packages (case_id);

CREATE INDEX enterprises_county_code ON enterprises(county_code);

CREATE INDEX enterprises_name ON enterprises(name);

CREATE UNIQUE INDEX enterprises_search_seq ON enterprises(search_seq);

CREATE INDEX field_assignments_case ON field_assignments (case_id) WHERE case_id IS NOT NULL;

CREATE INDEX field_assignments_pending ON field_assignments (uploaded) WHERE uploaded = 0;

CREATE INDEX law_articles_by_number ON law_articles(law_id, number, sub, effective_from);

CREATE INDEX notice_reads_pending ON notice_reads (uploaded) WHERE uploaded = 0;

CREATE INDEX notices_published ON notices (published_at);

CREATE INDEX pending_uploads_age ON pending_uploads (uploaded_at);

CREATE INDEX sessions_user ON sessions(user_id);

CREATE INDEX sync_conflicts_open ON sync_conflicts (resolved_at, case_id);

CREATE INDEX thumbnails_thumb ON thumbnails (thumb_hash);

CREATE TABLE auth_audit (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  at TEXT NOT NULL,
  event TEXT NOT NULL,                -- setup | login | logout | lockout | passwordChange | passwordReset
  outcome TEXT NOT NULL,              -- ok | failed | locked | refused
  username TEXT NOT NULL,
  user_id TEXT,
  actor_id TEXT,                      -- who acted on the account, when not its owner (a reset)
  device TEXT NOT NULL,
  detail TEXT NOT NULL
);

CREATE TABLE blobs (hash TEXT PRIMARY KEY, size INTEGER NOT NULL, mime_type TEXT NOT NULL, created_at TEXT NOT NULL);

CREATE TABLE bureaus (id TEXT PRIMARY KEY, name TEXT NOT NULL, abbreviation TEXT NOT NULL, county TEXT);

CREATE TABLE case_deadlines (
  case_id TEXT NOT NULL, ord INTEGER NOT NULL, track TEXT NOT NULL, deadline_id TEXT NOT NULL,
  owner TEXT NOT NULL,                -- bureau | party (the procedure data's deadline owner)
  due_on TEXT NOT NULL, met INTEGER NOT NULL,
  slides INTEGER NOT NULL,            -- 1: paused while suspended and the suspension still runs: due date moves daily
  bureau_id TEXT NOT NULL, officer_ids TEXT NOT NULL, closed INTEGER NOT NULL,
  case_number TEXT NOT NULL, party_name TEXT NOT NULL, track_name TEXT NOT NULL,
  view TEXT NOT NULL,                 -- the deadline as the case page shows it, without today's status (JSON)
  PRIMARY KEY (case_id, ord)
);

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

CREATE TABLE case_positions (
  case_id TEXT NOT NULL, track TEXT NOT NULL, position TEXT NOT NULL,
  bureau_id TEXT NOT NULL, officer_ids TEXT NOT NULL, closed INTEGER NOT NULL, updated_at TEXT NOT NULL,
  PRIMARY KEY (case_id, track)
);

CREATE TABLE cases (
  id TEXT PRIMARY KEY, number TEXT NOT NULL UNIQUE, party_name TEXT NOT NULL, violation_name TEXT NOT NULL,
  node TEXT NOT NULL, filed_on TEXT NOT NULL, updated_at TEXT NOT NULL, closed INTEGER NOT NULL,
  version INTEGER NOT NULL, state TEXT NOT NULL
, enterprise_id TEXT GENERATED ALWAYS AS (json_extract(state, '$.party.enterpriseId')) VIRTUAL, bureau_id TEXT NOT NULL DEFAULT '', officer_ids TEXT NOT NULL DEFAULT '');

CREATE TABLE derived_pdfs (docx_hash TEXT NOT NULL, engine TEXT NOT NULL, pdf_hash TEXT NOT NULL, pages INTEGER NOT NULL,
  PRIMARY KEY (docx_hash, engine));

CREATE TABLE discretion_benchmarks (
  seq INTEGER PRIMARY KEY,
  version TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  source TEXT NOT NULL,              -- file names of the import, or 随软件发布
  shipped INTEGER NOT NULL,          -- 1: resources/discretion/violations.json of this release
  content_hash TEXT NOT NULL,        -- SHA-256 of the canonical JSON: the same table again changes nothing
  content TEXT NOT NULL,             -- the benchmark as JSON (common/schemas/discretion.ts)
  type_count INTEGER NOT NULL,
  imported_at TEXT NOT NULL,
  imported_by TEXT NOT NULL
);

CREATE TABLE dossier_packages (
  package_hash TEXT PRIMARY KEY,
  case_id TEXT NOT NULL,
  source_hash TEXT NOT NULL,
  made_at TEXT NOT NULL,
  made_by TEXT NOT NULL
);

CREATE TABLE drafts (
  user_id TEXT NOT NULL,
  case_id TEXT NOT NULL,
  form TEXT NOT NULL,
  values_json TEXT NOT NULL,
  saved_at TEXT NOT NULL,
  PRIMARY KEY (user_id, case_id, form)
) WITHOUT ROWID;

CREATE TABLE enterprises (
  id TEXT PRIMARY KEY, name TEXT NOT NULL, uscc TEXT NOT NULL UNIQUE, legal_representative TEXT NOT NULL,
  address TEXT NOT NULL, county TEXT NOT NULL
, county_code TEXT NOT NULL DEFAULT '', industry_code TEXT NOT NULL DEFAULT '', longitude REAL, latitude REAL, permit_numbers TEXT NOT NULL DEFAULT '[]', key_polluter TEXT NOT NULL DEFAULT '[]', initials TEXT NOT NULL DEFAULT '', fingerprint TEXT NOT NULL DEFAULT '', source TEXT NOT NULL DEFAULT '', imported_at TEXT, search_seq INTEGER);

CREATE VIRTUAL TABLE enterprises_fts USING fts5(
  name, legal_representative, address, initials, rep_initials,
  content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 0'
);

CREATE TABLE 'enterprises_fts_config'(k PRIMARY KEY, v) WITHOUT ROWID;

CREATE TABLE 'enterprises_fts_data'(id INTEGER PRIMARY KEY, block BLOB);

CREATE TABLE 'enterprises_fts_docsize'(id INTEGER PRIMARY KEY, sz BLOB, origin INTEGER);

CREATE TABLE 'enterprises_fts_idx'(segid, term, pgno, PRIMARY KEY(segid, term)) WITHOUT ROWID;

CREATE TABLE field_assignments (
  id TEXT PRIMARY KEY,
  task_id TEXT NOT NULL,
  task_name TEXT NOT NULL,
  issued_by TEXT NOT NULL,
  period_from TEXT NOT NULL,
  period_to TEXT NOT NULL,
  position INTEGER NOT NULL,
  uscc TEXT NOT NULL,
  enterprise_name TEXT NOT NULL,
  officers_json TEXT NOT NULL,
  server_status TEXT NOT NULL,
  inspected_on TEXT,
  findings TEXT,
  result TEXT CHECK (result IN ('clean', 'issues')),
  recorded_by TEXT,
  recorded_at TEXT,
  case_id TEXT,
  case_number TEXT,
  uploaded INTEGER NOT NULL DEFAULT 1,
  upload_error TEXT,
  received_at TEXT NOT NULL
, checklist_json TEXT);

CREATE TABLE law_articles (
  id INTEGER PRIMARY KEY,
  version_id INTEGER NOT NULL REFERENCES law_versions(id),
  law_id TEXT NOT NULL REFERENCES laws(id),
  number INTEGER NOT NULL,
  sub INTEGER NOT NULL,              -- N of 第X条之N; 0 otherwise
  label TEXT NOT NULL,
  chapter TEXT NOT NULL,
  text TEXT NOT NULL,
  paragraphs TEXT NOT NULL,          -- JSON [{text, items: [{number, label, text}]}]
  effective_from TEXT NOT NULL,      -- copied from the version, kept in step by the import
  effective_to TEXT,
  UNIQUE (version_id, number, sub)
);

CREATE VIRTUAL TABLE law_articles_fts USING fts5(text, content='law_articles', content_rowid='id', tokenize='trigram');

CREATE TABLE 'law_articles_fts_config'(k PRIMARY KEY, v) WITHOUT ROWID;

CREATE TABLE 'law_articles_fts_data'(id INTEGER PRIMARY KEY, block BLOB);

CREATE TABLE 'law_articles_fts_docsize'(id INTEGER PRIMARY KEY, sz BLOB);

CREATE TABLE 'law_articles_fts_idx'(segid, term, pgno, PRIMARY KEY(segid, term)) WITHOUT ROWID;

CREATE TABLE law_versions (
  id INTEGER PRIMARY KEY,
  law_id TEXT NOT NULL REFERENCES laws(id),
  part TEXT NOT NULL,                -- subtitle of a law split over several files; '' otherwise
  version_date TEXT NOT NULL,
  effective_from TEXT NOT NULL,
  effective_from_source TEXT NOT NULL,
  effective_to TEXT,                 -- last day in force (inclusive); NULL while in force
  history TEXT NOT NULL,             -- JSON [{date, event}]
  preamble TEXT NOT NULL,
  source_name TEXT NOT NULL,
  source_hash TEXT NOT NULL,         -- SHA-256 of the imported file: the same file again changes nothing
  article_count INTEGER NOT NULL,
  imported_at TEXT NOT NULL,
  UNIQUE (law_id, version_date, part)
);

CREATE TABLE laws (
  id TEXT PRIMARY KEY,               -- the short name, e.g. 大气污染防治法 (lawKey)
  full_name TEXT NOT NULL
);

CREATE TABLE login_throttle (
  username TEXT PRIMARY KEY,          -- as typed (trimmed), whether or not such a user exists
  failures INTEGER NOT NULL,
  lockouts INTEGER NOT NULL,
  locked_until TEXT,
  updated_at TEXT NOT NULL
);

CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);

CREATE TABLE notice_reads (
  notice_id TEXT NOT NULL REFERENCES notices(id),
  user_id TEXT NOT NULL,
  user_name TEXT NOT NULL,
  read_at TEXT NOT NULL,
  uploaded INTEGER NOT NULL DEFAULT 0,
  upload_error TEXT,
  PRIMARY KEY (notice_id, user_id)
);

CREATE TABLE notices (
  id TEXT PRIMARY KEY,
  title TEXT NOT NULL,
  body TEXT NOT NULL,
  publisher TEXT NOT NULL,
  published_by TEXT NOT NULL,
  published_at TEXT NOT NULL,
  attachments_json TEXT NOT NULL,
  received_at TEXT NOT NULL
, withdrawn_at TEXT, withdraw_reason TEXT);

CREATE TABLE ocr_files (
  file_hash TEXT PRIMARY KEY,
  pages INTEGER NOT NULL,
  unreadable INTEGER NOT NULL,
  -- why the whole file could not be read (corrupt, encrypted); NULL when its pages were read
  failure TEXT,
  done_at TEXT NOT NULL
);

CREATE TABLE ocr_pages (
  file_hash TEXT NOT NULL, page INTEGER NOT NULL,
  status TEXT NOT NULL CHECK (status IN ('read', 'unreadable')),
  text TEXT NOT NULL, engine TEXT NOT NULL, read_at TEXT NOT NULL,
  PRIMARY KEY (file_hash, page)
);

CREATE TABLE officers (
  id TEXT PRIMARY KEY, bureau_id TEXT NOT NULL REFERENCES bureaus(id), name TEXT NOT NULL,
  certificate_no TEXT NOT NULL UNIQUE, certificate_valid_until TEXT NOT NULL
);

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

CREATE TABLE requests (request_id TEXT PRIMARY KEY, op TEXT NOT NULL, result TEXT NOT NULL, created_at TEXT NOT NULL);

CREATE TABLE schema_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL);

CREATE TABLE search_cases (
  case_id TEXT PRIMARY KEY, bureau_id TEXT NOT NULL, officer_ids TEXT NOT NULL, closed INTEGER NOT NULL,
  year INTEGER NOT NULL, violation_id TEXT NOT NULL, party_name TEXT NOT NULL, number TEXT NOT NULL,
  violation_name TEXT NOT NULL, filed_on TEXT NOT NULL
);

CREATE TABLE search_docs (
  id INTEGER PRIMARY KEY,
  case_id TEXT NOT NULL,
  source TEXT NOT NULL,               -- unique within the case: case | party | doc:<id> | evidence:<id> | ocr:<evidence id>:<page>
  kind TEXT NOT NULL CHECK (kind IN ('case', 'party', 'document', 'evidence', 'ocr')),
  ref TEXT,                           -- the document's or the evidence item's id
  title TEXT NOT NULL,                -- 《行政处罚决定书》, a file name …
  page INTEGER,                       -- an OCR'd page
  content_hash TEXT NOT NULL,         -- what the row was made from (a DOCX's hash, a caption's)
  length INTEGER NOT NULL,            -- characters of the text (the order's length normalisation)
  UNIQUE (case_id, source)
);

CREATE VIRTUAL TABLE search_fts USING fts5(words, chars, scope, content='', contentless_delete=1, tokenize='unicode61 remove_diacritics 2');

CREATE TABLE 'search_fts_config'(k PRIMARY KEY, v) WITHOUT ROWID;

CREATE TABLE 'search_fts_data'(id INTEGER PRIMARY KEY, block BLOB);

CREATE TABLE 'search_fts_docsize'(id INTEGER PRIMARY KEY, sz BLOB, origin INTEGER);

CREATE TABLE 'search_fts_idx'(segid, term, pgno, PRIMARY KEY(segid, term)) WITHOUT ROWID;

CREATE TABLE search_texts (doc_id INTEGER PRIMARY KEY, text TEXT NOT NULL);

CREATE TABLE sequences (bureau_id TEXT NOT NULL, kind TEXT NOT NULL, year INTEGER NOT NULL, last INTEGER NOT NULL,
  PRIMARY KEY (bureau_id, kind, year));

CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,        -- hex SHA-256 of the token handed to the client
  user_id TEXT NOT NULL REFERENCES users(id),
  created_at TEXT NOT NULL,
  last_seen_at TEXT NOT NULL,
  device TEXT NOT NULL
);

CREATE TABLE sync_conflicts (
  id TEXT PRIMARY KEY, case_id TEXT NOT NULL, case_number TEXT NOT NULL, kind TEXT NOT NULL, summary TEXT NOT NULL,
  reason TEXT NOT NULL, kept TEXT NOT NULL, created_at TEXT NOT NULL, resolved_at TEXT
, theirs TEXT NOT NULL DEFAULT '', actor_id TEXT, draft TEXT, resolution TEXT, resolved_by TEXT);

CREATE TABLE sync_enrolment (
  id INTEGER PRIMARY KEY CHECK (id = 1),
  server_url TEXT NOT NULL,
  device_id TEXT NOT NULL,
  device_name TEXT NOT NULL,
  credential TEXT NOT NULL,
  bureau_id TEXT NOT NULL,
  bureau_name TEXT NOT NULL,
  enrolled_at TEXT NOT NULL,
  enrolled_by TEXT NOT NULL,
  cursor INTEGER NOT NULL DEFAULT 0,
  cursor_event_id TEXT,
  ref_cursor INTEGER NOT NULL DEFAULT 0,
  last_mutation_id INTEGER NOT NULL DEFAULT 0,
  users_seen INTEGER NOT NULL DEFAULT 0,
  last_good_sync TEXT,
  last_error TEXT,
  stopped TEXT,
  changes TEXT NOT NULL DEFAULT '[]'
, users_etag TEXT);

CREATE TABLE sync_files (hash TEXT PRIMARY KEY, size INTEGER NOT NULL, confirmed_at TEXT NOT NULL);

CREATE TABLE sync_heads (case_id TEXT PRIMARY KEY, seq INTEGER NOT NULL, hash TEXT NOT NULL);

CREATE TABLE sync_mutations (
  mutation_id INTEGER PRIMARY KEY, case_id TEXT NOT NULL, from_seq INTEGER NOT NULL, to_seq INTEGER NOT NULL
);

CREATE TABLE sync_number_blocks (
  kind TEXT NOT NULL, year INTEGER NOT NULL, start_no INTEGER NOT NULL, end_no INTEGER NOT NULL,
  next_no INTEGER NOT NULL, reserved_at TEXT NOT NULL,
  PRIMARY KEY (kind, year, start_no),
  CHECK (end_no >= start_no AND next_no >= start_no AND next_no <= end_no + 1)
);

CREATE TABLE sync_reference (
  seq INTEGER PRIMARY KEY, kind TEXT NOT NULL, version TEXT NOT NULL, payload TEXT NOT NULL,
  published_at TEXT NOT NULL, received_at TEXT NOT NULL
, applied_at TEXT, refused TEXT);

CREATE TABLE sync_superseded_events (
  id TEXT PRIMARY KEY, case_id TEXT NOT NULL, case_seq INTEGER NOT NULL, type TEXT NOT NULL, payload TEXT NOT NULL,
  actor_id TEXT NOT NULL, actor_name TEXT NOT NULL, device TEXT NOT NULL, hlc TEXT NOT NULL, at TEXT NOT NULL,
  prev_hash TEXT NOT NULL, hash TEXT NOT NULL, superseded_at TEXT NOT NULL, outcome TEXT NOT NULL
);

CREATE TABLE thumbnails (source_hash TEXT PRIMARY KEY, thumb_hash TEXT NOT NULL, width INTEGER NOT NULL, height INTEGER NOT NULL);

CREATE TABLE users (
  id TEXT PRIMARY KEY, bureau_id TEXT NOT NULL REFERENCES bureaus(id), username TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL, roles TEXT NOT NULL, password_hash TEXT NOT NULL, officer_id TEXT REFERENCES officers(id)
, must_change_password INTEGER NOT NULL DEFAULT 0, password_changed_at TEXT, disabled_at TEXT);

CREATE TRIGGER auth_audit_no_delete BEFORE DELETE ON auth_audit BEGIN SELECT RAISE(ABORT, 'auth_audit is append-only'); END;

CREATE TRIGGER auth_audit_no_replace BEFORE INSERT ON auth_audit WHEN EXISTS (SELECT 1 FROM auth_audit WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'auth_audit is append-only'); END;

CREATE TRIGGER auth_audit_no_update BEFORE UPDATE ON auth_audit BEGIN SELECT RAISE(ABORT, 'auth_audit is append-only'); END;

CREATE TRIGGER case_events_no_delete BEFORE DELETE ON case_events
WHEN NOT EXISTS (SELECT 1 FROM sync_superseded_events s WHERE s.id = OLD.id AND s.hash = OLD.hash)
  OR OLD.case_seq <= COALESCE((SELECT h.seq FROM sync_heads h WHERE h.case_id = OLD.case_id), 0)
  BEGIN SELECT RAISE(ABORT, 'case_events is append-only'); END;

CREATE TRIGGER case_events_no_replace BEFORE INSERT ON case_events
WHEN EXISTS (SELECT 1 FROM case_events WHERE seq = NEW.seq)
  OR EXISTS (SELECT 1 FROM case_events WHERE id = NEW.id)
  OR EXISTS (SELECT 1 FROM case_events WHERE case_id = NEW.case_id AND case_seq = NEW.case_seq)
BEGIN SELECT RAISE(ABORT, 'case_events is append-only'); END;

CREATE TRIGGER case_events_no_update BEFORE UPDATE ON case_events
  BEGIN SELECT RAISE(ABORT, 'case_events is append-only'); END;

CREATE TRIGGER law_articles_fts_delete AFTER DELETE ON law_articles BEGIN
  INSERT INTO law_articles_fts (law_articles_fts, rowid, text) VALUES ('delete', old.id, old.text);
END;

CREATE TRIGGER law_articles_fts_insert AFTER INSERT ON law_articles BEGIN
  INSERT INTO law_articles_fts (rowid, text) VALUES (new.id, new.text);
END;

CREATE TRIGGER law_articles_fts_update AFTER UPDATE OF text ON law_articles BEGIN
  INSERT INTO law_articles_fts (law_articles_fts, rowid, text) VALUES ('delete', old.id, old.text);
  INSERT INTO law_articles_fts (rowid, text) VALUES (new.id, new.text);
END;

CREATE TRIGGER officers_forget_sync_etag_update AFTER UPDATE ON officers
WHEN OLD.id LIKE 'off-%' AND (OLD.name IS NOT NEW.name OR OLD.certificate_no IS NOT NEW.certificate_no
  OR OLD.certificate_valid_until IS NOT NEW.certificate_valid_until)
BEGIN UPDATE sync_enrolment SET users_etag = NULL WHERE users_etag IS NOT NULL; END;

CREATE TRIGGER sync_superseded_no_delete BEFORE DELETE ON sync_superseded_events
  BEGIN SELECT RAISE(ABORT, 'sync_superseded_events is append-only'); END;

CREATE TRIGGER sync_superseded_no_update BEFORE UPDATE ON sync_superseded_events
  BEGIN SELECT RAISE(ABORT, 'sync_superseded_events is append-only'); END;

CREATE TRIGGER users_forget_sync_etag_delete AFTER DELETE ON users
BEGIN UPDATE sync_enrolment SET users_etag = NULL WHERE users_etag IS NOT NULL; END;

CREATE TRIGGER users_forget_sync_etag_insert AFTER INSERT ON users
BEGIN UPDATE sync_enrolment SET users_etag = NULL WHERE users_etag IS NOT NULL; END;

CREATE TRIGGER users_forget_sync_etag_update AFTER UPDATE ON users
WHEN OLD.username IS NOT NEW.username OR OLD.name IS NOT NEW.name OR OLD.roles IS NOT NEW.roles
  OR OLD.password_hash IS NOT NEW.password_hash OR OLD.officer_id IS NOT NEW.officer_id
  OR OLD.disabled_at IS NOT NEW.disabled_at
BEGIN UPDATE sync_enrolment SET users_etag = NULL WHERE users_etag IS NOT NULL; END;
