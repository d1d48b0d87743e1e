/**
 * Accounts.
 * - Sessions are keyed by the SHA-256 of their token: the raw token lives only with the client, so a
 *   copy of the database logs nobody in. They carry their last use, for the idle and absolute expiry.
 *   The old table held raw tokens: it is dropped, not converted (a session is no record; everyone
 *   logs in again once after the upgrade).
 * - Users: a password an administrator reset must be changed at the next login; when it last changed.
 * - Bureaus: the county (GB/T 2260 code) chosen at the first-run setup.
 * - Login throttle per username (known or not, so a lock tells nothing about who exists), kept in
 *   SQLite so that a restart does not reset it.
 * - The audit log of logins, failures, locks and password events: append-only, like case_events.
 */
export const sql = `
DROP TABLE sessions;
CREATE TABLE sessions (
  token_hash TEXT PRIMARY KEY,        -- hex SHA-256 of the token handed to the client
  user_id TEXT NOT NULL REFERENCES users(id),
  created_at TEXT NOT NULL,
  last_seen_at TEXT NOT NULL,
  device TEXT NOT NULL
);
CREATE INDEX sessions_user ON sessions(user_id);

ALTER TABLE users ADD COLUMN must_change_password INTEGER NOT NULL DEFAULT 0;
ALTER TABLE users ADD COLUMN password_changed_at TEXT;
ALTER TABLE bureaus ADD COLUMN county TEXT;

CREATE TABLE login_throttle (
  username TEXT PRIMARY KEY,          -- as typed (trimmed), whether or not such a user exists
  failures INTEGER NOT NULL,
  lockouts INTEGER NOT NULL,
  locked_until TEXT,
  updated_at TEXT NOT NULL
);

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
CREATE INDEX auth_audit_at ON auth_audit(at);
CREATE INDEX auth_audit_username ON auth_audit(username);
CREATE TRIGGER auth_audit_no_update BEFORE UPDATE ON auth_audit BEGIN SELECT RAISE(ABORT, 'auth_audit is append-only'); END;
CREATE TRIGGER auth_audit_no_delete BEFORE DELETE ON auth_audit BEGIN SELECT RAISE(ABORT, 'auth_audit is append-only'); END;
-- INSERT OR REPLACE deletes without firing the delete trigger: an insert may never reuse an id.
CREATE TRIGGER auth_audit_no_replace BEFORE INSERT ON auth_audit WHEN EXISTS (SELECT 1 FROM auth_audit WHERE id = NEW.id)
BEGIN SELECT RAISE(ABORT, 'auth_audit is append-only'); END;
`;
