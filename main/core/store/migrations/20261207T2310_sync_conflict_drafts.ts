/**
 * A sync conflict says what the other desk did first (`theirs`), whose action was kept (`actor_id`),
 * the action whose form's draft (the actor's) now holds its typed data (`draft`, JSON: action, its
 * name, track and form key), and how it ended: `redone` (the clerk performed that action again from
 * the draft) or `discarded` (he threw it away, confirmed), by whom. A resolved conflict stays: its
 * kept data is never deleted.
 */
export const sql = `
ALTER TABLE sync_conflicts ADD COLUMN theirs TEXT NOT NULL DEFAULT '';
ALTER TABLE sync_conflicts ADD COLUMN actor_id TEXT;
ALTER TABLE sync_conflicts ADD COLUMN draft TEXT;
ALTER TABLE sync_conflicts ADD COLUMN resolution TEXT;
ALTER TABLE sync_conflicts ADD COLUMN resolved_by TEXT;
`;
