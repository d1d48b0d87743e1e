/**
 * the case list is filtered by who may see a case (api/caseAccess.ts). Reading the bureau
 * and the officers out of every case's JSON made a page of 10,000 cases take ~200 ms, so the
 * projection keeps them as plain columns, written with the rest of the row (CaseProjection.save).
 * officer_ids is ",off-01,off-02,": instr(officer_ids, ",off-01,") needs no JSON.
 */
export const sql = `
ALTER TABLE cases ADD COLUMN bureau_id TEXT NOT NULL DEFAULT '';
ALTER TABLE cases ADD COLUMN officer_ids TEXT NOT NULL DEFAULT '';
UPDATE cases SET
  bureau_id = coalesce(json_extract(state, '$.bureauId'), ''),
  officer_ids = ',' || coalesce((SELECT group_concat(json_extract(o.value, '$.id'), ',') FROM json_each(state, '$.officers') o), '') || ',';
-- Covering for the filter: the list walks it in updated_at order and reads officer_ids from it, never the wide row.
CREATE INDEX cases_scope ON cases (bureau_id, updated_at, officer_ids);
`;
