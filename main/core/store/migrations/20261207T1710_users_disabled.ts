/**
 * 用户管理: an administrator disables an account instead of deleting it (the user's name
 * and id stand in case histories and the audit log). A disabled account cannot log in.
 */
export const sql = `
ALTER TABLE users ADD COLUMN disabled_at TEXT;
`;
