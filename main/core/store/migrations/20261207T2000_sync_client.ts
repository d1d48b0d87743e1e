/**
 * The sync client's tables (main/core/sync/, docs/server.md "Sync client"):
 * - `sync_enrolment`: the one provincial server this workstation is enrolled with, its device
 *   credential (never shown again, never logged), the pull cursors, the device's mutation counter as
 *   the server acknowledged it, and the last round's outcome. One row at most.
 * - `sync_heads`: per case, the last event the server is known to hold (acknowledged or pulled); the
 *   local events after it are the outbox (pending). A table rather than a column on case_events,
 *   which is append-only and cannot be marked.
 * - `sync_mutations`: mutations sent and not yet acknowledged, kept so that a retry after a lost reply
 *   resends exactly the same events under the same id (the server skips ids it has applied).
 * - `sync_superseded_events`: local events that never reached the server and were replaced when another
 *   desk acted first (re-applied on the server's state, or kept as a conflict). Append-only: a verbatim
 *   copy of each, so the case's history loses nothing.
 * - `sync_conflicts`: pending actions that are no longer lawful on the server's state, or that the
 *   server refused, with the typed data, for the clerk to see. Never dropped.
 * - `sync_reference`: reference data versions received from the province (recorded; applied later).
 * The DELETE trigger of case_events is narrowed to let the rebase remove a pending event only once its
 * verbatim copy is in sync_superseded_events and only after the server's acknowledged head.
 */
export const sql = `
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
);
CREATE TABLE sync_heads (case_id TEXT PRIMARY KEY, seq INTEGER NOT NULL, hash TEXT NOT NULL);
CREATE TABLE sync_mutations (
  mutation_id INTEGER PRIMARY KEY, case_id TEXT NOT NULL, from_seq INTEGER NOT NULL, to_seq INTEGER NOT NULL
);
CREATE TABLE sync_superseded_events (
  id TEXT PRIMARY KEY, case_id TEXT NOT NULL, case_seq INTEGER NOT NULL, type TEXT NOT NULL, payload TEXT NOT NULL,
  actor_id TEXT NOT NULL, actor_name TEXT NOT NULL, device TEXT NOT NULL, hlc TEXT NOT NULL, at TEXT NOT NULL,
  prev_hash TEXT NOT NULL, hash TEXT NOT NULL, superseded_at TEXT NOT NULL, outcome TEXT NOT NULL
);
CREATE TRIGGER sync_superseded_no_update BEFORE UPDATE ON sync_superseded_events
  BEGIN SELECT RAISE(ABORT, 'sync_superseded_events is append-only'); END;
CREATE TRIGGER sync_superseded_no_delete BEFORE DELETE ON sync_superseded_events
  BEGIN SELECT RAISE(ABORT, 'sync_superseded_events is append-only'); END;
CREATE TABLE sync_conflicts (
  id TEXT PRIMARY KEY, case_id TEXT NOT NULL, case_number TEXT NOT NULL, kind TEXT NOT NULL, summary TEXT NOT NULL,
  reason TEXT NOT NULL, kept TEXT NOT NULL, created_at TEXT NOT NULL, resolved_at TEXT
);
CREATE INDEX sync_conflicts_open ON sync_conflicts (resolved_at, case_id);
CREATE TABLE sync_reference (
  seq INTEGER PRIMARY KEY, kind TEXT NOT NULL, version TEXT NOT NULL, payload TEXT NOT NULL,
  published_at TEXT NOT NULL, received_at TEXT NOT NULL
);
DROP TRIGGER case_events_no_delete;
CREATE TRIGGER case_events_no_delete BEFORE DELETE ON case_events
WHEN NOT EXISTS (SELECT 1 FROM sync_superseded_events s WHERE s.id = OLD.id AND s.hash = OLD.hash)
  OR OLD.case_seq <= COALESCE((SELECT h.seq FROM sync_heads h WHERE h.case_id = OLD.case_id), 0)
  BEGIN SELECT RAISE(ABORT, 'case_events is append-only'); END;
`;
