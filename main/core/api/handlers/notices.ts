/** notices.*: 通知公告 received at sync (application/notices.ts). */
import { listNotices, readNotice, unreadNotices } from '#core/application/notices.js';
import type { HandlerMap } from '../types.js';
import { requireUser } from '../types.js';

export const noticeHandlers: HandlerMap<'notices.list' | 'notices.read' | 'notices.unread'> = {
  'notices.list': (_input, ctx) => listNotices(ctx.services, requireUser(ctx)),
  'notices.read': (input, ctx) => readNotice(ctx.services, requireUser(ctx), input.noticeId),
  'notices.unread': (_input, ctx) => unreadNotices(ctx.services, requireUser(ctx)),
};
