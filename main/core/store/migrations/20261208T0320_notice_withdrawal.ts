/**
 * 通知公告 the publisher withdrew (撤回) after this desk received them: kept, marked with when and why, so
 * a reader sees 已撤回 rather than a notice silently gone. Null while in force.
 */
export const sql = `
ALTER TABLE notices ADD COLUMN withdrawn_at TEXT;
ALTER TABLE notices ADD COLUMN withdraw_reason TEXT;
`;
