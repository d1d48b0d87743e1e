/**
 * 通知公告 as the publisher sees them in the portal: the notices published by the viewer's bureau or a
 * bureau below it, each with the counties it reaches and, per county, when a desk first received it and
 * who read it when. Another subtree's notice is 403.
 */
import type { NoticeAttachment, NoticeDetail, NoticeSummary } from '#common/sync/notices.js';
import type { Admin } from '../auth/admin.js';
import type { ServerContext } from '../http/context.js';
import { ServerError } from '../http/errors.js';

interface NoticeRow {
  id: string;
  bureau_id: string;
  title: string;
  body: string;
  audience: string[];
  published_at: Date;
  published_by: string;
  withdrawn_at: Date | null;
  withdrawn_by: string | null;
  withdraw_reason: string | null;
}

/** The counties a notice reaches: every county-level bureau at or below one it is addressed to. */
export function countiesOf(ctx: ServerContext, audience: readonly string[]): string[] {
  const out = new Set<string>();
  for (const a of audience)
    for (const id of ctx.bureaus.subtree(a)) if (ctx.bureaus.get(id)?.level === 'county') out.add(id);
  return [...out].sort();
}

/** A bureau and every bureau above it: a county receives what is addressed to any of them. */
export function selfAndAbove(ctx: ServerContext, bureauId: string): string[] {
  const out: string[] = [];
  for (let b = ctx.bureaus.get(bureauId); b; b = b.parentId ? ctx.bureaus.get(b.parentId) : null) out.push(b.id);
  return out;
}

export async function attachmentsOf(
  ctx: ServerContext,
  ids: readonly string[],
): Promise<Map<string, NoticeAttachment[]>> {
  const rows = (
    await ctx.pool.query<{ notice_id: string; sha256: string; name: string; mime_type: string; size: string }>(
      `SELECT notice_id, sha256, name, mime_type, size FROM notice_attachments
        WHERE notice_id = ANY($1::text[]) ORDER BY notice_id, position`,
      [ids],
    )
  ).rows;
  const out = new Map<string, NoticeAttachment[]>();
  for (const r of rows) {
    const list = out.get(r.notice_id) ?? [];
    list.push({ sha256: r.sha256, name: r.name, type: r.mime_type, size: Number(r.size) });
    out.set(r.notice_id, list);
  }
  return out;
}

const selectNotices = `SELECT n.id, n.bureau_id, n.title, n.body, n.audience, n.published_at, u.name AS published_by,
    n.withdrawn_at, w.name AS withdrawn_by, n.withdraw_reason
  FROM notices n JOIN users u ON u.id = n.published_by LEFT JOIN users w ON w.id = n.withdrawn_by`;

async function summaries(ctx: ServerContext, rows: NoticeRow[]): Promise<Array<NoticeSummary & { body: string }>> {
  const ids = rows.map((r) => r.id);
  const files = await attachmentsOf(ctx, ids);
  const count = async (table: string) =>
    new Map(
      (
        await ctx.pool.query<{ notice_id: string; n: number }>(
          `SELECT notice_id, count(DISTINCT bureau_id)::int AS n FROM ${table} WHERE notice_id = ANY($1::text[]) GROUP BY notice_id`,
          [ids],
        )
      ).rows.map((r) => [r.notice_id, r.n]),
    );
  const delivered = await count('notice_deliveries');
  const read = await count('notice_receipts');
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    body: r.body,
    publisher: { id: r.bureau_id, name: ctx.bureaus.get(r.bureau_id)?.name ?? r.bureau_id },
    publishedBy: r.published_by,
    publishedAt: r.published_at.toISOString(),
    audience: r.audience.map((id) => ({ id, name: ctx.bureaus.get(id)?.name ?? id })),
    attachments: files.get(r.id) ?? [],
    counties: countiesOf(ctx, r.audience).length,
    delivered: delivered.get(r.id) ?? 0,
    read: read.get(r.id) ?? 0,
    withdrawn: r.withdrawn_at
      ? { at: r.withdrawn_at.toISOString(), by: r.withdrawn_by ?? '', reason: r.withdraw_reason ?? '' }
      : null,
  }));
}

export async function listNotices(ctx: ServerContext, viewer: Admin): Promise<{ notices: NoticeSummary[] }> {
  const rows = (
    await ctx.pool.query<NoticeRow>(
      `${selectNotices} WHERE n.bureau_id = ANY($1::text[]) ORDER BY n.published_at DESC, n.id DESC LIMIT 500`,
      [ctx.bureaus.subtree(viewer.bureauId)],
    )
  ).rows;
  return { notices: (await summaries(ctx, rows)).map(({ body: _body, ...s }) => s) };
}

export async function noticeDetail(ctx: ServerContext, viewer: Admin, id: string): Promise<NoticeDetail> {
  const row = (await ctx.pool.query<NoticeRow>(`${selectNotices} WHERE n.id = $1`, [id])).rows[0];
  if (!row) throw new ServerError('NOT_FOUND', '没有这条通知公告');
  if (!ctx.bureaus.isWithin(row.bureau_id, viewer.bureauId))
    throw new ServerError('FORBIDDEN_BUREAU', '这条通知公告由其他单位发布，无权查看其阅读情况');
  const [summary] = await summaries(ctx, [row]);
  const delivered = new Map(
    (
      await ctx.pool.query<{ bureau_id: string; delivered_at: Date }>(
        'SELECT bureau_id, delivered_at FROM notice_deliveries WHERE notice_id = $1',
        [id],
      )
    ).rows.map((r) => [r.bureau_id, r.delivered_at.toISOString()]),
  );
  const readers = new Map<string, Array<{ name: string; readAt: string }>>();
  for (const r of (
    await ctx.pool.query<{ bureau_id: string; user_name: string; read_at: Date }>(
      'SELECT bureau_id, user_name, read_at FROM notice_receipts WHERE notice_id = $1 ORDER BY read_at, user_name',
      [id],
    )
  ).rows) {
    const list = readers.get(r.bureau_id) ?? [];
    list.push({ name: r.user_name, readAt: r.read_at.toISOString() });
    readers.set(r.bureau_id, list);
  }
  return {
    ...summary!,
    bureaus: countiesOf(ctx, row.audience).map((b) => ({
      id: b,
      name: ctx.bureaus.get(b)?.name ?? b,
      deliveredAt: delivered.get(b) ?? null,
      readers: readers.get(b) ?? [],
    })),
  };
}
