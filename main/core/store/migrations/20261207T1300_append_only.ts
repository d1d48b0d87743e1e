/**
 * the case event log stays append-only against every write path. The UPDATE and DELETE
 * triggers (initial migration) do not see `INSERT OR REPLACE` / `REPLACE INTO`: SQLite's REPLACE
 * deletes the conflicting row without firing DELETE triggers (unless `recursive_triggers`, a setting
 * of each connection, which another program opening the file would not set). So an insert may never
 * reuse a row's seq, id or (case_id, case_seq). `INSERT … ON CONFLICT DO UPDATE` is stopped here too
 * (and by the UPDATE trigger). auth_audit has its own (20261207T1000_accounts: its only key is id).
 */
export const sql = `
CREATE TRIGGER case_events_no_replace BEFORE INSERT ON case_events
WHEN EXISTS (SELECT 1 FROM case_events WHERE seq = NEW.seq)
  OR EXISTS (SELECT 1 FROM case_events WHERE id = NEW.id)
  OR EXISTS (SELECT 1 FROM case_events WHERE case_id = NEW.case_id AND case_seq = NEW.case_seq)
BEGIN SELECT RAISE(ABORT, 'case_events is append-only'); END;
`;
