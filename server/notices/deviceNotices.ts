/**
 * The county desk's side of 通知公告: at each sync it receives the notices addressed to its county or to a
 * bureau above it (the newest 1,000), which records the county's first delivery; it fetches their
 * attachments; and it sends up who read which notice when. A receipt for a notice the county does not
 * receive, or read in the future, is refused with the reason; one sent again is acknowledged and kept once.
 * A withdrawn notice is no longer sent (nor its files); a county that had received it is told, with the
 * reason, so its desks mark it 已撤回; its read receipts are still taken.
 */
import type { z } from 'zod';
import type { noticeReceiptsInput, SyncNotice, SyncNoticeWithdrawal } from '#common/sync/notices.js';
import type { Device } from '../auth/device.js';
import type { ServerContext } from '../http/context.js';
import { attachmentsOf, selfAndAbove } from './views.js';

export async function noticesForDevice(
  ctx: ServerContext,
  device: Device,
): Promise<{ notices: SyncNotice[]; withdrawn: SyncNoticeWithdrawal[] }> {
  const withdrawn = (
    await ctx.pool.query<{ id: string; withdrawn_at: Date; withdraw_reason: string }>(
      `SELECT n.id, n.withdrawn_at, n.withdraw_reason FROM notices n
        WHERE n.withdrawn_at IS NOT NULL AND n.audience && $1::text[]
          AND EXISTS (SELECT 1 FROM notice_deliveries d WHERE d.notice_id = n.id AND d.bureau_id = $2)
        ORDER BY n.withdrawn_at DESC, n.id DESC LIMIT 1000`,
      [selfAndAbove(ctx, device.bureauId), device.bureauId],
    )
  ).rows.map((r) => ({ id: r.id, withdrawnAt: r.withdrawn_at.toISOString(), reason: r.withdraw_reason }));
  const rows = (
    await ctx.pool.query<{
      id: string;
      bureau_id: string;
      title: string;
      body: string;
      published_at: Date;
      published_by: string;
    }>(
      `SELECT n.id, n.bureau_id, n.title, n.body, n.published_at, u.name AS published_by
         FROM notices n JOIN users u ON u.id = n.published_by
        WHERE n.audience && $1::text[] AND n.withdrawn_at IS NULL ORDER BY n.published_at DESC, n.id DESC LIMIT 1000`,
      [selfAndAbove(ctx, device.bureauId)],
    )
  ).rows;
  if (!rows.length) return { notices: [], withdrawn };
  await ctx.pool.query(
    `INSERT INTO notice_deliveries (notice_id, bureau_id, device_id, delivered_at)
     SELECT unnest($1::text[]), $2, $3, $4 ON CONFLICT DO NOTHING`,
    [rows.map((r) => r.id), device.bureauId, device.id, ctx.now()],
  );
  const files = await attachmentsOf(
    ctx,
    rows.map((r) => r.id),
  );
  return {
    notices: rows.map((r) => ({
      id: r.id,
      title: r.title,
      body: r.body,
      publisher: ctx.bureaus.get(r.bureau_id)?.name ?? r.bureau_id,
      publishedBy: r.published_by,
      publishedAt: r.published_at.toISOString(),
      attachments: files.get(r.id) ?? [],
    })),
    withdrawn,
  };
}

/** Whether the device's county receives this notice. */
async function reaches(ctx: ServerContext, device: Device, noticeId: string): Promise<{ publishedAt: Date } | null> {
  const r = await ctx.pool.query<{ published_at: Date }>(
    'SELECT published_at FROM notices WHERE id = $1 AND audience && $2::text[]',
    [noticeId, selfAndAbove(ctx, device.bureauId)],
  );
  return r.rows[0] ? { publishedAt: r.rows[0].published_at } : null;
}

export async function recordReceipts(
  ctx: ServerContext,
  device: Device,
  input: z.infer<typeof noticeReceiptsInput>,
): Promise<{
  accepted: Array<{ noticeId: string; userId: string }>;
  refused: Array<{ noticeId: string; userId: string; reason: string }>;
}> {
  const accepted: Array<{ noticeId: string; userId: string }> = [];
  const refused: Array<{ noticeId: string; userId: string; reason: string }> = [];
  const now = ctx.now();
  for (const r of input.receipts) {
    const refuse = (reason: string) => refused.push({ noticeId: r.noticeId, userId: r.userId, reason });
    const readAt = new Date(r.readAt);
    if (Number.isNaN(readAt.getTime())) {
      refuse('阅读时间无效');
      continue;
    }
    if (!(await reaches(ctx, device, r.noticeId))) {
      refuse('本单位没有收到这条通知公告');
      continue;
    }
    if (readAt.getTime() > now.getTime() + ctx.maxClockAheadMs) {
      refuse('阅读时间晚于服务器当前时间，请校准电脑的日期和时间');
      continue;
    }
    await ctx.pool.query(
      `INSERT INTO notice_receipts (notice_id, bureau_id, user_id, user_name, read_at, device_id, received_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7) ON CONFLICT DO NOTHING`,
      [r.noticeId, device.bureauId, r.userId, r.userName, readAt, device.id, now],
    );
    accepted.push({ noticeId: r.noticeId, userId: r.userId });
  }
  return { accepted, refused };
}

/** An attachment of a notice the device's county receives, or null. */
export async function noticeFileFor(
  ctx: ServerContext,
  device: Device,
  sha256: string,
): Promise<{ type: string; size: number } | null> {
  const r = await ctx.pool.query<{ mime_type: string; size: string }>(
    `SELECT a.mime_type, a.size FROM notice_attachments a JOIN notices n ON n.id = a.notice_id
      WHERE a.sha256 = $1 AND n.audience && $2::text[] AND n.withdrawn_at IS NULL LIMIT 1`,
    [sha256, selfAndAbove(ctx, device.bureauId)],
  );
  return r.rows[0] ? { type: r.rows[0].mime_type, size: Number(r.rows[0].size) } : null;
}
