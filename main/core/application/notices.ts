/**
 * 通知公告 on the desk: every user reads the notices the county received (they are addressed to the
 * bureau, not to a role), offline once a sync brought them. Opening one records the reader and the time
 * (the first time only); the receipt goes up at the next sync and the publisher sees it.
 */
import { AppError } from '#common/errors.js';
import type { NoticeView } from '#common/schemas/notices.js';
import type { Services } from '#core/services.js';
import type { UserRow } from '#core/store/directory.js';
import { NoticeStore, type NoticeRow } from '#core/store/notices.js';

function view(services: Services, r: NoticeRow): NoticeView {
  return {
    id: r.id,
    title: r.title,
    body: r.body,
    publisher: r.publisher,
    publishedBy: r.publishedBy,
    publishedAt: r.publishedAt,
    receivedAt: r.receivedAt,
    readAt: r.readAt,
    withdrawn: r.withdrawnAt ? { at: r.withdrawnAt, reason: r.withdrawReason ?? '' } : null,
    attachments: r.attachments.map((a) => ({ ...a, available: services.blobs.has(a.sha256) })),
  };
}

export function listNotices(services: Services, user: UserRow): NoticeView[] {
  return new NoticeStore(services.db).all(user.id).map((r) => view(services, r));
}

export function readNotice(services: Services, user: UserRow, noticeId: string): NoticeView {
  const store = new NoticeStore(services.db);
  if (!store.get(noticeId, user.id)) throw new AppError('NOT_FOUND', '没有这条通知公告（可能尚未同步到本机）');
  store.markRead(noticeId, user.id, user.name, services.clock.now().toISOString());
  return view(services, store.get(noticeId, user.id)!);
}

export function unreadNotices(services: Services, user: UserRow): { unread: number } {
  return { unread: new NoticeStore(services.db).unreadCount(user.id) };
}
