/**
 * Files of cases (docs/server.md "Files"): uploaded with the tus protocol (`@tus/server`, `@tus/file-store`),
 * so a cut link resumes at the offset the server holds; stored content-addressed under `<filesDir>/blobs`.
 * - The device is authenticated before tus sees the request; an upload's id is `<device>-<sha256>`, so a
 *   device finds its interrupted upload again (HEAD gives the offset) and never touches another's.
 * - Partial uploads stay on this server's disk (`<filesDir>/uploads`) whatever the store: a county link cuts
 *   often, and the offset must survive. When the last byte is in, the SHA-256 is computed: a mismatch is
 *   refused (FILE_HASH_MISMATCH), the partial upload removed, and the device sends the file again; a match
 *   moves it into the blob store (`blobStore.ts`: disk, or an S3-compatible bucket). The finished local file
 *   is removed whatever happens, so a device never finds a "complete" upload the store does not hold.
 * - `POST /api/sync/files/status` tells which files the server holds for the device's bureau;
 *   `GET /api/sync/files/:sha256` gives one of them, for a workstation of that bureau only.
 */
import { createHash } from 'node:crypto';
import { createReadStream, mkdirSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Server as TusServer } from '@tus/server';
import { FileStore } from '@tus/file-store';
import { fileStatusInput, sha256Hex, uploadId, uploadPath } from '#common/sync/files.js';
import { requireDevice, type Device } from '../auth/device.js';
import { errorBody, parseWith, ServerError, statusOf } from '../http/errors.js';
import type { ServerContext } from '../http/context.js';
import type { ServerBlobStore } from './blobStore.js';

export { blobPath } from './diskBlobStore.js';

/** A 50 MB video is common; a whole hearing recorded is the largest a case holds. */
const maxFileBytes = 2 * 1024 ** 3;
/** The device each request was authenticated as (before tus sees it), by its Node request. */
const devices = new WeakMap<object, Device>();

const refusal = (code: 'FILE_HASH_MISMATCH' | 'VALIDATION' | 'FORBIDDEN_CASE' | 'INTERNAL', message: string) => ({
  status_code: statusOf[code],
  body: JSON.stringify(errorBody(code, message)),
});

function deviceOf(req: { runtime?: { node?: { req?: object } } }): Device {
  const d = req.runtime?.node?.req ? devices.get(req.runtime.node.req) : undefined;
  if (!d) throw { status_code: 401, body: JSON.stringify(errorBody('DEVICE_UNKNOWN', '本工作站尚未登记或凭据无效')) };
  return d;
}

async function sha256Of(path: string): Promise<string> {
  const h = createHash('sha256');
  await pipeline(createReadStream(path), h);
  return h.digest('hex');
}

/** Into the store; a store that fails (a bucket down) is the server's fault, and the device tries again later. */
async function storeFinished(store: ServerBlobStore, sha256: string, path: string): Promise<void> {
  try {
    await store.putFile(sha256, path);
  } catch (e) {
    console.error('[anjuan-server] 文件未能存入文件存储：', e instanceof Error ? e.message : e);
    throw refusal('INTERNAL', '服务器暂时无法保存文件，本次上传未保留，下次同步时将重新上传');
  }
}

export function fileRoutes(app: FastifyInstance, ctx: ServerContext, filesDir: string, store: ServerBlobStore): void {
  const uploads = join(filesDir, 'uploads');
  mkdirSync(uploads, { recursive: true, mode: 0o700 });
  const tus = new TusServer({
    path: uploadPath,
    datastore: new FileStore({ directory: uploads }),
    maxSize: maxFileBytes,
    relativeLocation: true,
    namingFunction: (req, metadata) => {
      const sha = metadata?.sha256 ?? '';
      if (!sha256Hex.safeParse(sha).success) throw refusal('VALIDATION', '上传文件缺少有效的 SHA-256 哈希值');
      return uploadId(deviceOf(req).id, sha);
    },
    onIncomingRequest: async (req, id) => {
      // POST creates (no id yet); every other request names an upload, which must be this device's.
      if (req.method !== 'POST' && !id.startsWith(`${deviceOf(req).id}-`))
        throw refusal('FORBIDDEN_CASE', '该上传不属于本工作站');
    },
    onUploadFinish: async (req, upload) => {
      const path = join(uploads, upload.id);
      const expected = upload.metadata?.sha256 ?? '';
      let actual: string;
      let size: number;
      try {
        actual = await sha256Of(path);
        if (actual !== expected)
          throw refusal('FILE_HASH_MISMATCH', '上传的文件内容与其哈希值不符（传输中损坏），服务器拒收，请重新上传');
        size = statSync(path).size;
        await storeFinished(store, actual, path);
      } finally {
        rmSync(path, { force: true });
        rmSync(`${path}.json`, { force: true });
      }
      const now = ctx.now();
      await ctx.pool.query(
        'INSERT INTO files (sha256, size, mime_type, stored_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING',
        [actual, size, upload.metadata?.type || 'application/octet-stream', now],
      );
      await ctx.pool.query(
        'INSERT INTO file_bureaus (sha256, bureau_id, device_id, uploaded_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING',
        [actual, deviceOf(req).bureauId, deviceOf(req).id, now],
      );
      return {};
    },
  });

  app.register(async (scope) => {
    // tus bodies are read by tus itself, as a stream, not by Fastify (nor limited by its JSON body limit).
    scope.addContentTypeParser('application/offset+octet-stream', (_req, _payload, done) => done(null));
    const handler = async (req: FastifyRequest, reply: FastifyReply) => {
      const device = await requireDevice(ctx, req);
      devices.set(req.raw, device);
      reply.hijack();
      await tus.handle(req.raw, reply.raw);
    };
    scope.all(uploadPath, handler);
    scope.all(`${uploadPath}/*`, handler);
  });

  app.post('/api/sync/files/status', async (req) => {
    const device = await requireDevice(ctx, req);
    const { hashes } = parseWith(fileStatusInput, req.body);
    const rows = await ctx.pool.query<{ sha256: string }>(
      'SELECT sha256 FROM file_bureaus WHERE bureau_id = $1 AND sha256 = ANY($2)',
      [device.bureauId, hashes],
    );
    return { held: rows.rows.map((r) => r.sha256) };
  });

  app.get('/api/sync/files/:sha256', async (req, reply) => {
    const device = await requireDevice(ctx, req);
    const sha = parseWith(sha256Hex, (req.params as { sha256: string }).sha256, '文件：');
    const r = await ctx.pool.query<{ mime_type: string; size: string }>(
      `SELECT f.mime_type, f.size FROM files f JOIN file_bureaus b ON b.sha256 = f.sha256
       WHERE f.sha256 = $1 AND b.bureau_id = $2`,
      [sha, device.bureauId],
    );
    const row = r.rows[0];
    // A row whose blob the store lacks (a bucket emptied by hand) answers as absent, not with a broken stream.
    const stream = row ? await store.read(sha) : null;
    if (!row || !stream) throw new ServerError('NOT_FOUND', '服务器上没有本单位的这个文件');
    reply.header('content-type', row.mime_type).header('content-length', row.size);
    return reply.send(stream);
  });
}
