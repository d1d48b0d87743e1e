/**
 * 通知公告: notices and files the province or a prefecture publishes to the bureaus below it — the
 * contract between the portal, the server and the workstation's sync client. A notice is addressed to
 * bureaus; a county receives those addressed to it or to a bureau above it. Read receipts (who read it,
 * when) go up at the next sync and are shown to the publisher per bureau.
 */
import { z } from 'zod';
import { base64File, isoInstant, plainText, sha256 } from '../schemas/primitives.js';

const bureauId = z.string().regex(/^\d{6}$/, '单位代码应为6位行政区划代码');

/** One attachment at most 8 MB, a notice's at most 12 MB (the request stays under the server's 16 MB). */
export const maxNoticeFileBytes = 8 * 1024 * 1024;
export const maxNoticeFilesBytes = 12 * 1024 * 1024;

export const noticeAttachmentInput = z
  .object({
    name: plainText(200, '附件名称')
      .trim()
      .min(1, '请填写附件名称')
      .refine((s) => !/[\\/]/.test(s), '附件名称不能含有“/”或“\\”'),
    type: plainText(100, '附件类型').default('application/octet-stream'),
    contentBase64: base64File(maxNoticeFileBytes, '附件', '附件为空文件'),
  })
  .strict();

export const publishNoticeInput = z
  .object({
    title: plainText(200, '标题').trim().min(1, '请填写标题'),
    // Line breaks and tabs are the text's own; other control characters are refused (plainText).
    body: plainText(20000, '正文').refine((s) => s.trim().length > 0, '请填写正文'),
    /** The bureaus it is addressed to (each with all below it): the publisher's own, or bureaus below it. */
    audience: z
      .array(bureauId)
      .min(1, '请至少选择一个发送单位')
      .max(100, '发送单位不超过100个')
      .refine((a) => new Set(a).size === a.length, '发送单位不能重复'),
    attachments: z.array(noticeAttachmentInput).max(10, '附件不超过10个').default([]),
  })
  .strict();
export type PublishNoticeInput = z.input<typeof publishNoticeInput>;

export const noticeAttachment = z.object({
  sha256,
  name: z.string(),
  size: z.number().int().nonnegative(),
  type: z.string(),
});
export type NoticeAttachment = z.infer<typeof noticeAttachment>;

/** A notice as a workstation receives it. */
export const syncNotice = z.object({
  id: z.string().min(1).max(64),
  title: z.string(),
  body: z.string(),
  publisher: z.string(),
  publishedBy: z.string(),
  publishedAt: isoInstant,
  attachments: z.array(noticeAttachment),
});
export type SyncNotice = z.infer<typeof syncNotice>;
/** A notice the county received and its publisher withdrew since: the desk keeps it, marked 已撤回. */
export const syncNoticeWithdrawal = z.object({
  id: z.string().min(1).max(64),
  withdrawnAt: isoInstant,
  reason: z.string(),
});
export type SyncNoticeWithdrawal = z.infer<typeof syncNoticeWithdrawal>;
export const syncNoticesOutput = z.object({
  notices: z.array(syncNotice),
  // Absent from a server that cannot withdraw notices yet.
  withdrawn: z.array(syncNoticeWithdrawal).default([]),
});

/** 撤回 a notice: by its publishing bureau, with the reason the desks will show. */
export const withdrawNoticeInput = z
  .object({
    reason: plainText(500, '撤回理由')
      .transform((s) => s.trim())
      .refine((s) => s.length > 0, '请填写撤回理由'),
  })
  .strict();

export const noticeReceiptsInput = z
  .object({
    receipts: z
      .array(
        z
          .object({
            noticeId: z.string().min(1).max(64),
            userId: z.string().min(1).max(64),
            userName: plainText(100, '姓名').min(1),
            readAt: isoInstant.max(40),
          })
          .strict(),
      )
      .max(1000),
  })
  .strict();
export const noticeReceiptsOutput = z.object({
  accepted: z.array(z.object({ noticeId: z.string(), userId: z.string() })),
  refused: z.array(z.object({ noticeId: z.string(), userId: z.string(), reason: z.string() })),
});

/** The publisher's view. */
export interface NoticeSummary {
  id: string;
  title: string;
  publisher: { id: string; name: string };
  publishedBy: string;
  publishedAt: string;
  audience: Array<{ id: string; name: string }>;
  attachments: NoticeAttachment[];
  /** Counties it reaches, those whose desks received it, those where someone read it. */
  counties: number;
  delivered: number;
  read: number;
  /** 已撤回: when, by whom, why; null while in force. */
  withdrawn: { at: string; by: string; reason: string } | null;
}

export interface NoticeDetail extends NoticeSummary {
  body: string;
  /** Every county it reaches: when a desk first received it, and who read it when. */
  bureaus: Array<{
    id: string;
    name: string;
    deliveredAt: string | null;
    readers: Array<{ name: string; readAt: string }>;
  }>;
}

export const noticeIdParam = z.object({ id: z.string().min(1).max(64) });
