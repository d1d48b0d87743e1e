/**
 * 未使用编号 for the portal (负责人 and 系统管理员, over their own subtree): the 案号/文号 reserved for
 * the desks of a year and never given (server/numbers/unused.ts).
 */
import type { FastifyInstance } from 'fastify';
import { unusedNumbersQuery } from '#common/sync/unusedNumbers.js';
import { requireSession } from '../auth/admin.js';
import { parseWith, ServerError } from '../http/errors.js';
import type { ServerContext } from '../http/context.js';
import { unusedNumbers } from '../numbers/unused.js';
import { supervisionRoles } from './supervision.js';

export function unusedNumberRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.get('/api/supervision/numbers/unused', async (req) => {
    const viewer = await requireSession(ctx, req, supervisionRoles);
    const { year, bureauId } = parseWith(unusedNumbersQuery, req.query);
    const id = bureauId ?? viewer.bureauId;
    if (!ctx.bureaus.get(id)) throw new ServerError('NOT_FOUND', `没有代码为 ${id} 的单位`);
    if (!ctx.bureaus.isWithin(id, viewer.bureauId))
      throw new ServerError('FORBIDDEN_BUREAU', '无权查看该单位的编号：只能查看本单位及下级单位的编号');
    return unusedNumbers(ctx, ctx.bureaus.subtree(id), year);
  });
}
