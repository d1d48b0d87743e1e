/**
 * The server's HTTP application (Fastify). `buildServer` takes the pool and the rest of the context,
 * so tests start one on port 0 over their own PostgreSQL. JSON only (16 MB at most), every answer a
 * JSON value, every refusal `{ error: { code, message } }` in Chinese.
 */
import Fastify, { type FastifyInstance } from 'fastify';
import type pg from 'pg';
import { z } from 'zod';
import type { BureauView } from '#common/sync/enrolment.js';
import type { ProcedureDefinition } from '#core/domain/procedure/definition.js';
import { loadCalendar, loadProcedures, loadRuleResources } from '#core/services.js';
import { BureauTree } from './db/bureauTree.js';
import { maxClockAheadMs } from './sync/clock.js';
import { loadPublishedProcedures } from './sync/publishedProcedures.js';
import { loadPublishedRules, RuleData } from './reference/ruleFacts.js';
import { adminRoutes } from './routes/admin.js';
import { syncRoutes } from './routes/sync.js';
import { supervisionRoutes } from './routes/supervision.js';
import { fileRoutes } from './files/fileRoutes.js';
import type { ServerBlobStore } from './files/blobStore.js';
import { diskBlobStore } from './files/diskBlobStore.js';
import { taskRoutes } from './routes/tasks.js';
import { rankingRoutes } from './routes/ranking.js';
import { ledgerRoutes } from './routes/ledgers.js';
import { noticeRoutes } from './routes/notices.js';
import { updateFeedRoutes } from './routes/updates.js';
import { unusedNumberRoutes } from './routes/unusedNumbers.js';
import type { ServerContext } from './http/context.js';
import { errorBody, toReply } from './http/errors.js';

z.config(z.locales.zhCN());

export const defaultBodyLimit = 16 * 1024 * 1024;

export interface ServerOptions {
  pool: pg.Pool;
  procedures?: ReadonlyMap<string, ProcedureDefinition>;
  now?: () => Date;
  bodyLimit?: number;
  maxClockAheadMs?: number;
  /** Where case files are kept (`<data dir>/files`); without it the server takes no files. */
  filesDir?: string;
  /**
   * Where whole files go (an S3-compatible bucket); absent: `<filesDir>/blobs` on disk. Partial uploads
   * stay in `<filesDir>/uploads` either way.
   */
  fileStore?: ServerBlobStore;
  /** The workstations' signed update feed (`<data dir>/updates`), served at /updates/<file>; without it none. */
  updatesDir?: string;
  /** False only in tests that seed synthetic case histories: pushed events are then not judged by the guards. */
  judgeGuards?: boolean;
}

/** The data the guards read, loaded by the workstation's own loaders; published versions are added to it. */
function shippedRules(): RuleData {
  const r = loadRuleResources();
  return new RuleData({
    law: { articleMap: r.lawData.articleMap, periods: r.lawData, temporal: r.lawData.temporal },
    hearingThreshold: r.hearingThreshold,
    benchmark: r.benchmark,
    numberedTypes: r.numberedTypes,
    documentTypeNames: r.documentTypeNames,
    calendarWith: (published) => loadCalendar(undefined, undefined, published),
  });
}

export async function buildServer(opts: ServerOptions): Promise<FastifyInstance> {
  const bureaus = (
    await opts.pool.query<{ id: string; name: string; level: BureauView['level']; parent_id: string | null }>(
      'SELECT id, name, level, parent_id FROM bureaus',
    )
  ).rows.map((b) => ({ id: b.id, name: b.name, level: b.level, parentId: b.parent_id }));
  const ctx: ServerContext = {
    pool: opts.pool,
    bureaus: new BureauTree(bureaus),
    procedures: new Map(opts.procedures ?? loadProcedures()),
    now: opts.now ?? (() => new Date()),
    maxClockAheadMs: opts.maxClockAheadMs ?? maxClockAheadMs,
    rules: shippedRules(),
    judgeGuards: opts.judgeGuards ?? true,
  };
  await loadPublishedProcedures(opts.pool, ctx.procedures);
  await loadPublishedRules(opts.pool, ctx.rules); // calendars and benchmarks published before this start
  const app = Fastify({
    bodyLimit: opts.bodyLimit ?? defaultBodyLimit,
    logger: false,
    onProtoPoisoning: 'error',
    onConstructorPoisoning: 'error',
    return503OnClosing: true,
    forceCloseConnections: true,
  });
  // JSON only: a text body is refused as such (415), not read as a string.
  app.removeContentTypeParser('text/plain');
  app.setErrorHandler((e, _req, reply) => {
    const { status, body } = toReply(e);
    void reply.status(status).send(body);
  });
  app.setNotFoundHandler((req, reply) => {
    void reply
      .status(404)
      .send(errorBody('NOT_FOUND', `没有这个地址：${req.method} ${req.url.split('?')[0]!.slice(0, 200)}`));
  });
  app.addHook('onSend', async (_req, reply, payload) => {
    reply.header('Cache-Control', 'no-store');
    reply.header('X-Content-Type-Options', 'nosniff');
    return payload;
  });
  adminRoutes(app, ctx);
  syncRoutes(app, ctx);
  const calendar = loadCalendar();
  supervisionRoutes(app, ctx, calendar);
  rankingRoutes(app, ctx, calendar); // 绩效排行
  ledgerRoutes(app, ctx, calendar); // 台账
  taskRoutes(app, ctx); // 现场检查任务 (双随机)
  const fileStore = opts.fileStore ?? (opts.filesDir ? diskBlobStore(opts.filesDir) : undefined);
  noticeRoutes(app, ctx, fileStore); // 通知公告: published down, read receipts up
  if (opts.filesDir && fileStore) fileRoutes(app, ctx, opts.filesDir, fileStore);
  if (opts.updatesDir) updateFeedRoutes(app, opts.updatesDir);
  unusedNumberRoutes(app, ctx); // 未使用的案号、文号 (year end)
  app.get('/api/health', async () => ({ ok: true, serverTime: ctx.now().toISOString() }));
  return app;
}
