/**
 * 负责人决定继续办理 past a failed legality review (处罚法 art. 57): how long the written reason must be.
 * Here in `common/` so the core's rule (domain/procedure/override.ts) and the dialog that asks for the
 * reason (renderer OverrideDialog) read one number and cannot drift apart.
 */
export const minOverrideReason = 10;
