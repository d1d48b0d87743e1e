/**
 * Supervision: the dashboards of a bureau's subtree, the cases behind a figure, a case's events, and
 * the portal page that shows them (dist/portal, built by scripts/build.mjs from portal/).
 * Who may look: 负责人 (head) and 系统管理员 (admin) of any level, each over its own bureau and those
 * below — supervising the cases is the heads' work; administrators already list the cases of their subtree.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { FastifyInstance } from 'fastify';
import { caseIdParam, caseListQuery, dashboardQuery, supervisionLoginInput } from '#common/sync/supervision.js';
import type { Role } from '#common/roles.js';
import type { WorkingCalendar } from '#core/domain/calendar.js';
import { login, requireSession } from '../auth/admin.js';
import { parseWith, ServerError } from '../http/errors.js';
import type { ServerContext } from '../http/context.js';
import { buildDashboard, caseEventsFor, listCases, type SupervisionContext } from '../supervision/dashboard.js';

export const supervisionRoles: readonly Role[] = ['head', 'admin'];

const portalDir = fileURLToPath(new URL('../../dist/portal/', import.meta.url));
/** The portal's files: a fixed list, so no request path ever reaches the file system. */
const portalFiles: Record<string, string> = {
  'index.html': 'text/html; charset=utf-8',
  'portal.js': 'text/javascript; charset=utf-8',
};

export function supervisionRoutes(app: FastifyInstance, server: ServerContext, calendar: WorkingCalendar): void {
  const ctx: SupervisionContext = { ...server, calendar };

  app.post('/api/supervision/login', async (req) => {
    const input = parseWith(supervisionLoginInput, req.body);
    const { token, admin } = await login(server, input.username, input.password, supervisionRoles);
    return {
      token,
      user: {
        id: admin.id,
        username: admin.username,
        name: admin.name,
        roles: admin.roles,
        bureau: server.bureaus.get(admin.bureauId)!,
      },
    };
  });

  app.get('/api/supervision/dashboard', async (req) => {
    const viewer = await requireSession(server, req, supervisionRoles);
    const q = parseWith(dashboardQuery, req.query);
    return buildDashboard(ctx, viewer, q.bureauId);
  });

  app.get('/api/supervision/cases', async (req) => {
    const viewer = await requireSession(server, req, supervisionRoles);
    const q = parseWith(caseListQuery, req.query);
    return listCases(ctx, viewer, q);
  });

  app.get('/api/supervision/cases/:id/events', async (req) => {
    const viewer = await requireSession(server, req, supervisionRoles);
    const { id } = parseWith(caseIdParam, req.params);
    return caseEventsFor(ctx, viewer, id);
  });

  app.get('/portal', async (_req, reply) => reply.redirect('/portal/'));
  app.get('/portal/*', async (req, reply) => {
    const name = (req.params as { '*': string })['*'] || 'index.html';
    const type = portalFiles[name];
    const file = join(portalDir, name);
    if (!type || !existsSync(file))
      throw new ServerError(
        'NOT_FOUND',
        type ? '监督平台页面尚未构建：请先运行 npm run build' : `没有这个地址：GET /portal/${name.slice(0, 100)}`,
      );
    // Emotion (MUI) writes its styles into <style> elements: inline styles are allowed, scripts only from here.
    reply.header(
      'Content-Security-Policy',
      "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; frame-ancestors 'none'",
    );
    reply.type(type);
    return readFileSync(file);
  });
}
