-- The provincial server's first schema (docs/server.md). Migrations are additive: a later change is a new file.

-- Bureaus: the province, its 9 prefectures and 88 counties (resources/regions/gb2260.json), by GB/T 2260 code.
CREATE TABLE bureaus (
  id text PRIMARY KEY,
  name text NOT NULL,
  level text NOT NULL CHECK (level IN ('province', 'prefecture', 'county')),
  parent_id text REFERENCES bureaus(id)
);

-- Users: roles as the workstation names them (common/roles.ts); the password hash in the workstation's
-- own format (main/core/store/passwords.ts) so a workstation can cache it and check a login offline.
CREATE TABLE users (
  id text PRIMARY KEY,
  bureau_id text NOT NULL REFERENCES bureaus(id),
  username text NOT NULL UNIQUE,
  name text NOT NULL,
  roles text[] NOT NULL,
  certificate_no text UNIQUE,            -- 执法证号
  certificate_valid_until date,
  password_hash text NOT NULL,
  created_at timestamptz NOT NULL,
  disabled_at timestamptz,
  -- Login throttle (main/core/domain/accountRules.ts)
  login_failures integer NOT NULL DEFAULT 0,
  login_lockouts integer NOT NULL DEFAULT 0,
  locked_until timestamptz
);

-- An administrator's sessions: only the SHA-256 of the token.
CREATE TABLE admin_sessions (
  token_hash text PRIMARY KEY,
  user_id text NOT NULL REFERENCES users(id),
  created_at timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL
);

-- Enrolled workstations: the credential's SHA-256; last_mutation_id is updated in the push's transaction.
CREATE TABLE devices (
  id text PRIMARY KEY,
  bureau_id text NOT NULL REFERENCES bureaus(id),
  name text NOT NULL,
  credential_hash text NOT NULL UNIQUE,
  enrolled_at timestamptz NOT NULL,
  enrolled_by text NOT NULL REFERENCES users(id),
  revoked_at timestamptz,
  revoked_by text REFERENCES users(id),
  last_mutation_id bigint NOT NULL DEFAULT 0,
  last_seen_at timestamptz
);

-- One-time enrolment codes: only their SHA-256; used once.
CREATE TABLE enrolment_codes (
  code_hash text PRIMARY KEY,
  bureau_id text NOT NULL REFERENCES bureaus(id),
  issued_by text NOT NULL REFERENCES users(id),
  issued_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  used_at timestamptz,
  device_id text REFERENCES devices(id)
);

-- Cases: which bureau a case belongs to, the head of its chain and its projection (the workstation's reducer).
CREATE TABLE cases (
  id text PRIMARY KEY,
  bureau_id text NOT NULL REFERENCES bureaus(id),
  number text,
  head_seq integer NOT NULL,
  head_hash text NOT NULL,
  state jsonb NOT NULL,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
-- 案号 unique within a bureau.
CREATE UNIQUE INDEX cases_bureau_number ON cases (bureau_id, number) WHERE number IS NOT NULL;
CREATE INDEX cases_bureau ON cases (bureau_id, id);

-- Case events: the workstation's fields, plus the bureau, the device that pushed it and the pull cursor.
CREATE TABLE case_events (
  server_seq bigserial PRIMARY KEY,
  id text NOT NULL UNIQUE,
  case_id text NOT NULL REFERENCES cases(id),
  seq integer NOT NULL,
  type text NOT NULL,
  payload jsonb NOT NULL,
  actor_id text NOT NULL,
  actor_name text NOT NULL,
  device text NOT NULL,
  hlc text NOT NULL,
  at text NOT NULL,
  prev_hash text NOT NULL,
  hash text NOT NULL,
  bureau_id text NOT NULL REFERENCES bureaus(id),
  device_id text NOT NULL REFERENCES devices(id),
  received_at timestamptz NOT NULL,
  UNIQUE (case_id, seq)
);
CREATE INDEX case_events_bureau_cursor ON case_events (bureau_id, server_seq);

-- The log is append-only here as on the workstation: no UPDATE, no DELETE, no TRUNCATE.
CREATE FUNCTION case_events_append_only() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'case_events is append-only';
END;
$$;
CREATE TRIGGER case_events_no_update BEFORE UPDATE OR DELETE ON case_events FOR EACH ROW EXECUTE FUNCTION case_events_append_only();
CREATE TRIGGER case_events_no_truncate BEFORE TRUNCATE ON case_events FOR EACH STATEMENT EXECUTE FUNCTION case_events_append_only();

-- Reference data (procedures, benchmark, calendars, templates …) published by the province, by version.
CREATE TABLE reference_data (
  seq bigserial PRIMARY KEY,
  kind text NOT NULL,
  version text NOT NULL,
  payload jsonb NOT NULL,
  published_at timestamptz NOT NULL,
  UNIQUE (kind, version)
);

-- Number blocks: each bureau's yearly sequences, handed out to workstations in blocks (docs/decisions.md).
CREATE TABLE number_sequences (
  bureau_id text NOT NULL REFERENCES bureaus(id),
  sequence_key text NOT NULL,
  last_reserved integer NOT NULL,
  PRIMARY KEY (bureau_id, sequence_key)
);
CREATE TABLE number_blocks (
  id bigserial PRIMARY KEY,
  bureau_id text NOT NULL REFERENCES bureaus(id),
  sequence_key text NOT NULL,
  start_no integer NOT NULL,
  end_no integer NOT NULL CHECK (end_no >= start_no),
  device_id text NOT NULL REFERENCES devices(id),
  reserved_at timestamptz NOT NULL,
  UNIQUE (bureau_id, sequence_key, start_no)
);
