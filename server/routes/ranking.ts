/**
 * 绩效排行: the ranking of a viewer's subtree (负责人 and 系统管理员, as the dashboards) and the province
 * administrator's publication of new weights.
 */
import type { FastifyInstance } from 'fastify';
import { rankingQuery, rankingWeights } from '#common/sync/ranking.js';
import type { WorkingCalendar } from '#core/domain/calendar.js';
import { requireAdmin, requireSession } from '../auth/admin.js';
import { parseWith } from '../http/errors.js';
import type { ServerContext } from '../http/context.js';
import { buildRanking, publishWeights, weightsInForce } from '../supervision/ranking.js';
import { supervisionRoles } from './supervision.js';

export function rankingRoutes(app: FastifyInstance, server: ServerContext, calendar: WorkingCalendar): void {
  const ctx = { ...server, calendar };

  app.get('/api/supervision/ranking', async (req) => {
    const viewer = await requireSession(server, req, supervisionRoles);
    return buildRanking(ctx, viewer, parseWith(rankingQuery, req.query));
  });

  app.get('/api/supervision/ranking-weights', async (req) => {
    await requireSession(server, req, supervisionRoles);
    return weightsInForce(ctx);
  });

  app.post('/api/admin/ranking-weights', async (req, reply) => {
    const admin = await requireAdmin(server, req);
    const weights = parseWith(rankingWeights, req.body);
    reply.status(201);
    return publishWeights(ctx, admin, weights);
  });
}
