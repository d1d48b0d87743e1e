/**
 * Publishing a 通知公告: the province or a prefecture (负责人 or 系统管理员) addresses it to its own bureau
 * or bureaus below it — never a neighbour's or a parent's; a county publishes none (it has no bureau below).
 * Attachments go into the server's file store with the case files (content-addressed, `files`), written
 * before the notice's transaction: a refused or failed notice leaves at most an unreferenced blob, never
 * a notice without its files.
 */
import { createHash } from 'node:crypto';
import { ulid } from 'ulid';
import { maxNoticeFilesBytes, type publishNoticeInput } from '#common/sync/notices.js';
import type { z } from 'zod';
import type { Admin } from '../auth/admin.js';
import { inTransaction } from '../db/pool.js';
import type { ServerBlobStore } from '../files/blobStore.js';
import type { ServerContext } from '../http/context.js';
import { ServerError } from '../http/errors.js';

type Input = z.infer<typeof publishNoticeInput>;

function decode(a: Input['attachments'][number]): Buffer {
  const bytes = Buffer.from(a.contentBase64, 'base64');
  // Node ignores characters outside the alphabet: a body that does not round-trip is not Base64.
  if (!bytes.length || bytes.toString('base64').replace(/=+$/, '') !== a.contentBase64.replace(/=+$/, ''))
    throw new ServerError('VALIDATION', `附件“${a.name}”的内容不是有效的 Base64 编码`);
  return bytes;
}

/** Into the case files' store under its hash; one already there (whole) is kept. */
async function storeBlob(store: ServerBlobStore, bytes: Buffer): Promise<string> {
  const sha = createHash('sha256').update(bytes).digest('hex');
  await store.putBytes(sha, bytes);
  return sha;
}

export async function publishNotice(
  ctx: ServerContext,
  viewer: Admin,
  input: Input,
  store: ServerBlobStore | undefined,
): Promise<{ id: string }> {
  const own = ctx.bureaus.get(viewer.bureauId);
  if (!own || own.level === 'county')
    throw new ServerError('FORBIDDEN_ROLE', '只有省级或市（州）级单位可以发布通知公告');
  for (const b of input.audience) {
    const target = ctx.bureaus.get(b);
    if (!target) throw new ServerError('VALIDATION', `没有代码为 ${b} 的单位`);
    if (!ctx.bureaus.isWithin(b, viewer.bureauId))
      throw new ServerError('FORBIDDEN_BUREAU', `${target.name}不在本单位管辖范围内，不能向其发布通知公告`);
  }
  const files = input.attachments.map((a) => ({ ...a, bytes: decode(a) }));
  const total = files.reduce((n, f) => n + f.bytes.length, 0);
  if (total > maxNoticeFilesBytes)
    throw new ServerError('VALIDATION', `附件合计过大（不超过${maxNoticeFilesBytes / 1024 / 1024}MB）`);
  if (files.length && !store) throw new ServerError('VALIDATION', '本服务器未配置文件存储，不能发布带附件的通知');
  const stored: Array<{ name: string; type: string; size: number; sha256: string }> = [];
  for (const f of files)
    stored.push({
      name: f.name,
      type: f.type || 'application/octet-stream',
      size: f.bytes.length,
      sha256: await storeBlob(store!, f.bytes),
    });
  const id = ulid();
  const now = ctx.now();
  await inTransaction(ctx.pool, async (tx) => {
    await tx.query(
      `INSERT INTO notices (id, bureau_id, title, body, audience, published_by, published_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7)`,
      [id, viewer.bureauId, input.title, input.body, [...input.audience].sort(), viewer.id, now],
    );
    for (const [i, f] of stored.entries()) {
      await tx.query(
        'INSERT INTO files (sha256, size, mime_type, stored_at) VALUES ($1, $2, $3, $4) ON CONFLICT DO NOTHING',
        [f.sha256, f.size, f.type, now],
      );
      await tx.query(
        `INSERT INTO notice_attachments (notice_id, position, sha256, name, mime_type, size)
         VALUES ($1, $2, $3, $4, $5, $6)`,
        [id, i, f.sha256, f.name, f.type, f.size],
      );
    }
  });
  return { id };
}
