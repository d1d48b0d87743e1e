/**
 * 通知公告 in a sync round: first the read receipts of this desk go up (who read which notice when), then
 * the notices addressed to the county or a bureau above it come down, then every attachment not yet here
 * is fetched into the blob store, its hash checked — so a notice and its files open offline once received.
 * A receipt the server refuses keeps its reason and is not resent; a file that fails is fetched next round.
 */
import { createHash } from 'node:crypto';
import { noticeReceiptsOutput, syncNoticesOutput } from '#common/sync/notices.js';
import { NoticeStore } from '#core/store/notices.js';
import { joinUrl, SyncFailure, type FetchFn, type SyncHttp } from './http.js';
import type { SyncParts } from './integrate.js';

export interface NoticeFileLink {
  serverUrl: string;
  credential: string;
  fetch: FetchFn;
}

export async function syncNotices(
  parts: SyncParts,
  http: SyncHttp,
  link: NoticeFileLink,
  at: string,
): Promise<string[]> {
  const store = new NoticeStore(parts.services.db);
  const lines: string[] = [];
  const pending = store.pendingReads();
  for (let i = 0; i < pending.length; i += 1000) {
    const reply = await http.request('POST', '/api/sync/notices/receipts', noticeReceiptsOutput, {
      receipts: pending.slice(i, i + 1000),
    });
    store.acknowledge(reply.accepted, reply.refused);
    for (const r of reply.refused) lines.push(`通知公告阅读记录未被服务器接受：${r.reason}`);
  }
  const down = await http.request('GET', '/api/sync/notices', syncNoticesOutput);
  const added = store.receive(down.notices, at);
  const withdrawn = store.withdraw(down.withdrawn);
  if (withdrawn.length)
    lines.push(
      `发布单位撤回通知公告${withdrawn.length}条：${withdrawn
        .map((t) => `《${t}》`)
        .slice(0, 3)
        .join('、')}${withdrawn.length > 3 ? '等' : ''}`,
    );
  if (added.length)
    lines.push(
      `收到通知公告${added.length}条：${added
        .map((n) => `《${n.title}》`)
        .slice(0, 3)
        .join('、')}${added.length > 3 ? '等' : ''}`,
    );
  let failed = 0;
  // A withdrawn notice's files are no longer served: those not here yet are not asked for.
  for (const hash of store.attachmentHashes({ inForce: true })) {
    if (parts.services.blobs.has(hash)) continue;
    if (!(await download(link, parts, hash))) failed++;
  }
  if (failed) lines.push(`${failed}个通知附件本次未能下载，下次同步时继续`);
  return lines;
}

async function download(link: NoticeFileLink, parts: SyncParts, hash: string): Promise<boolean> {
  let res: Response;
  try {
    res = await link.fetch(joinUrl(link.serverUrl, `/api/sync/notices/files/${hash}`), {
      method: 'GET',
      headers: { authorization: `Bearer ${link.credential}` },
      signal: AbortSignal.timeout(10 * 60_000),
    });
    if (!res.ok) {
      await res.body?.cancel();
      return false;
    }
    const bytes = Buffer.from(await res.arrayBuffer());
    // Only the bytes the notice names are stored: a damaged transfer is fetched again next round.
    if (createHash('sha256').update(bytes).digest('hex') !== hash) return false;
    parts.services.blobs.put(bytes, new NoticeStore(parts.services.db).attachmentType(hash));
    return true;
  } catch {
    throw new SyncFailure('network', 'NETWORK', `下载通知附件时连接中断（${link.serverUrl}），稍后将自动重试`);
  }
}
