/**
 * 通知公告 over HTTP: the portal's requests (负责人 and 系统管理员 of the province or a prefecture) to publish a
 * notice with its attachments and to see who read it; the county desk's requests (device credential) to
 * receive the notices and their files and to send up its read receipts.
 */
import type { FastifyInstance } from 'fastify';
import { noticeIdParam, noticeReceiptsInput, publishNoticeInput, withdrawNoticeInput } from '#common/sync/notices.js';
import { sha256Hex } from '#common/sync/files.js';
import { requireSession } from '../auth/admin.js';
import { requireDevice } from '../auth/device.js';
import type { ServerBlobStore } from '../files/blobStore.js';
import type { ServerContext } from '../http/context.js';
import { parseWith, ServerError } from '../http/errors.js';
import { noticeFileFor, noticesForDevice, recordReceipts } from '../notices/deviceNotices.js';
import { publishNotice } from '../notices/publish.js';
import { listNotices, noticeDetail } from '../notices/views.js';
import { withdrawNotice } from '../notices/withdraw.js';
import { supervisionRoles } from './supervision.js';

export function noticeRoutes(app: FastifyInstance, ctx: ServerContext, store: ServerBlobStore | undefined): void {
  app.post('/api/notices', async (req, reply) => {
    const viewer = await requireSession(ctx, req, supervisionRoles);
    const created = await publishNotice(ctx, viewer, parseWith(publishNoticeInput, req.body), store);
    reply.status(201);
    return noticeDetail(ctx, viewer, created.id);
  });

  // The bureaus a viewer may address: its own (which reaches all below it) and every one below.
  app.get('/api/notices/audience', async (req) => {
    const viewer = await requireSession(ctx, req, supervisionRoles);
    return {
      bureaus: ctx.bureaus
        .subtree(viewer.bureauId)
        .map((id) => ctx.bureaus.get(id)!)
        .sort((a, b) => (a.id < b.id ? -1 : 1)),
    };
  });

  app.get('/api/notices', async (req) => listNotices(ctx, await requireSession(ctx, req, supervisionRoles)));

  app.get('/api/notices/:id', async (req) => {
    const viewer = await requireSession(ctx, req, supervisionRoles);
    return noticeDetail(ctx, viewer, parseWith(noticeIdParam, req.params).id);
  });

  app.post('/api/notices/:id/withdraw', async (req) => {
    const viewer = await requireSession(ctx, req, supervisionRoles);
    const { id } = parseWith(noticeIdParam, req.params);
    await withdrawNotice(ctx, viewer, id, parseWith(withdrawNoticeInput, req.body).reason);
    return noticeDetail(ctx, viewer, id);
  });

  app.get('/api/sync/notices', async (req) => noticesForDevice(ctx, await requireDevice(ctx, req)));

  app.post('/api/sync/notices/receipts', async (req) => {
    const device = await requireDevice(ctx, req);
    return recordReceipts(ctx, device, parseWith(noticeReceiptsInput, req.body));
  });

  app.get('/api/sync/notices/files/:sha256', async (req, reply) => {
    const device = await requireDevice(ctx, req);
    const sha = parseWith(sha256Hex, (req.params as { sha256: string }).sha256, '文件：');
    const file = await noticeFileFor(ctx, device, sha);
    const stream = file && store ? await store.read(sha) : null;
    if (!file || !stream) throw new ServerError('NOT_FOUND', '服务器上没有本单位收到的这个通知附件');
    reply.header('content-type', 'application/octet-stream').header('content-length', String(file.size));
    return reply.send(stream);
  });
}
