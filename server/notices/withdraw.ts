/**
 * 撤回 a 通知公告: only its publishing bureau's 负责人 or 系统管理员 may, once, with a reason. The notice
 * stays with its deliveries and read receipts (the record of who had it and read it); desks stop receiving
 * it and those that had it mark it 已撤回 at their next sync.
 */
import type { Admin } from '../auth/admin.js';
import type { ServerContext } from '../http/context.js';
import { ServerError } from '../http/errors.js';

export async function withdrawNotice(ctx: ServerContext, viewer: Admin, id: string, reason: string): Promise<void> {
  const row = (
    await ctx.pool.query<{ bureau_id: string; title: string; withdrawn_at: Date | null }>(
      'SELECT bureau_id, title, withdrawn_at FROM notices WHERE id = $1',
      [id],
    )
  ).rows[0];
  if (!row) throw new ServerError('NOT_FOUND', '没有这条通知公告');
  // The publisher is the bureau that published it: a bureau above it did not, and may not speak for it.
  if (row.bureau_id !== viewer.bureauId)
    throw new ServerError('FORBIDDEN_BUREAU', `《${row.title}》由其他单位发布，只有发布单位可以撤回`);
  const r = await ctx.pool.query(
    `UPDATE notices SET withdrawn_at = $2, withdrawn_by = $3, withdraw_reason = $4
      WHERE id = $1 AND withdrawn_at IS NULL`,
    [id, ctx.now(), viewer.id, reason],
  );
  if (r.rowCount !== 1) throw new ServerError('VALIDATION', `《${row.title}》已经撤回，不能再次撤回`);
}
