/**
 * Drafts of forms not yet submitted, one per user, case and form (store/drafts.ts). `case_id` is ''
 * for a form with no case yet (立案): a NULL in a primary key would let the same draft be stored twice.
 * Not case events: a draft is nobody's act, is never synced and is deleted once it becomes one.
 */
export const sql = `
CREATE TABLE drafts (
  user_id TEXT NOT NULL,
  case_id TEXT NOT NULL,
  form TEXT NOT NULL,
  values_json TEXT NOT NULL,
  saved_at TEXT NOT NULL,
  PRIMARY KEY (user_id, case_id, form)
) WITHOUT ROWID;
`;
