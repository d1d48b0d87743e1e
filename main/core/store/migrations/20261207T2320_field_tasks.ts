/**
 * 现场检查任务 received from the provincial server (双随机): one row per assignment of this county —
 * the enterprise, its two officers (server user ids), the task — and what this desk recorded: the
 * inspection and the case opened from it. `uploaded` = 0 while the server has not acknowledged the
 * local result; `upload_error` keeps the server's reason when it refused one. Not case events: the
 * task is the province's, and the case opened from it keeps its own log.
 */
export const sql = `
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
);
CREATE INDEX field_assignments_pending ON field_assignments (uploaded) WHERE uploaded = 0;
CREATE INDEX field_assignments_case ON field_assignments (case_id) WHERE case_id IS NOT NULL;
`;
