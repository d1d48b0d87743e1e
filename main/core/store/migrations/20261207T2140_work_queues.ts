/**
 * Each role's own work first, fast with 10,000 cases. Filters and 到期提醒 used to read every case's
 * JSON state (a 156 MB table); these rows are derived from it and written with the projection, in
 * the same transaction (CaseProjection.save), so they never disagree with it:
 * - case_deadlines: every deadline of every case as a row (due date, met, whose), read by
 *   deadlines.overview and the navigation's counts without evaluating a single case;
 * - case_positions: where each case (main procedure and each running track) stands, as
 *   `procedure@version#node`, read by the queues (待我审批 / 待我审核);
 * both carry the few case columns their reads filter on, so those reads never touch the wide row.
 * - cases_list: a covering index for the case list's filters (open/closed, node, number, party).
 * - case_events_hlc: the clock resumes from the newest stamp at start; read from the index, not a scan.
 * Filled for existing cases at start (core.ts `rederiveCaseRowsIfStale`).
 */
export const sql = `
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
CREATE INDEX case_deadlines_due ON case_deadlines (bureau_id, met, closed, due_on);
CREATE TABLE case_positions (
  case_id TEXT NOT NULL, track TEXT NOT NULL, position TEXT NOT NULL,
  bureau_id TEXT NOT NULL, officer_ids TEXT NOT NULL, closed INTEGER NOT NULL, updated_at TEXT NOT NULL,
  PRIMARY KEY (case_id, track)
);
CREATE INDEX case_positions_position ON case_positions (position, bureau_id, closed, updated_at, officer_ids, case_id);
CREATE INDEX cases_list ON cases (bureau_id, updated_at DESC, id, closed, node, officer_ids, number, party_name, violation_name, filed_on);
CREATE INDEX case_events_hlc ON case_events (hlc);
`;
