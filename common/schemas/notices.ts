/** 通知公告 on the workstation: the notices received at sync, read offline, with their files. */
import { z } from 'zod';
import { key } from './primitives.js';

export const noticeView = z.object({
  id: z.string(),
  title: z.string(),
  body: z.string(),
  /** The publishing bureau and the person who published it. */
  publisher: z.string(),
  publishedBy: z.string(),
  publishedAt: z.string(),
  receivedAt: z.string(),
  /** When the caller read it; null: unread. */
  readAt: z.string().nullable(),
  /** 已撤回 by the publisher after this desk received it: when and why; null while in force. */
  withdrawn: z.object({ at: z.string(), reason: z.string() }).nullable(),
  attachments: z.array(
    z.object({
      sha256: z.string(),
      name: z.string(),
      size: z.number(),
      type: z.string(),
      /** The file is on this desk (false until a sync brought it). */
      available: z.boolean(),
    }),
  ),
});
export type NoticeView = z.infer<typeof noticeView>;

export const noticeRef = z.object({ noticeId: key(64, '通知标识') });
export const noticeUnread = z.object({ unread: z.number().int().nonnegative() });
