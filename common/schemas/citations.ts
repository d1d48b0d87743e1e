/**
 * resources/laws/citations.json: the articles documents and procedures cite for each purpose
 * (现场检查的职权, 查封扣押, 按日连续处罚 …), dated, so that a document cites the law in force on the
 * day the authority acts and no law's name is written in code or in a template script.
 *
 * A purpose has dated entries that follow each other without a gap or an overlap, the newest open
 * (`to: null`); a purpose whose basis depends on the case (移送行政拘留: one per situation) has
 * `items`, each with its own entries.
 */
import { z } from 'zod';
import { isoDate } from './primitives.js';

const bookTitle = z.string().regex(/^《[^《》]+》$/, '法律名称应写在书名号内，如《中华人民共和国环境保护法》');

export const citationEntry = z.object({
  /** First day the entry applies. */
  from: isoDate,
  /** Last day it applies (inclusive); null while in force. */
  to: isoDate.nullable(),
  law: bookTitle,
  /** 第二十四条, 第五十九条第一款, 第六十三条第三项. */
  article: z.string().min(2),
  /** Short wording of the provision, for the reader of this file and the UI; never printed. */
  text: z.string().optional(),
  /** Rules cited with the article (…和《环境保护主管部门实施按日连续处罚办法》). */
  with: z.array(bookTitle).optional(),
  /**
   * The power sits in each penalty clause of the same law (e.g. 限制生产、停产整治 under the Code):
   * when the case's penalty article is of this law, cite that article instead of this one.
   */
  caseArticleFirst: z.boolean().optional(),
  source: z.string().min(1),
  /** Checked against the published text and the correspondence confirmed. */
  verified: z.boolean(),
  note: z.string().optional(),
});
export type CitationEntry = z.infer<typeof citationEntry>;

const entryList = (min: number) =>
  z
    .array(citationEntry)
    .min(min, '至少要有一项')
    .superRefine((list, ctx) => {
      list.forEach((e, i) => {
        if (e.to !== null && e.to < e.from)
          ctx.addIssue({ code: 'custom', path: [i, 'to'], message: `截止日期（${e.to}）早于起始日期（${e.from}）` });
        const next = list[i + 1];
        if (next) {
          if (e.to === null) ctx.addIssue({ code: 'custom', path: [i, 'to'], message: '只有最后一项可以没有截止日期' });
          else if (dayAfter(e.to) !== next.from)
            ctx.addIssue({
              code: 'custom',
              path: [i + 1, 'from'],
              message: `应紧接上一项（${e.to}）的次日开始，而不是 ${next.from}（不得有空档或重叠）`,
            });
        }
      });
    });

const dayAfter = (d: string): string => new Date(Date.parse(`${d}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);

export const citationItem = z.object({
  /** The situation as the clerk names it (the choice on the form), e.g. 逃避监管排放污染物. */
  label: z.string().min(1),
  name: z.string().min(1),
  entries: entryList(1),
});

export const citationPurpose = z
  .object({
    name: z.string().min(1),
    /** The general basis; may be empty when only the items apply. */
    entries: entryList(0),
    items: z.record(z.string().regex(/^[a-zA-Z][a-zA-Z0-9]*$/), citationItem).optional(),
  })
  .refine((p) => p.entries.length > 0 || Object.keys(p.items ?? {}).length > 0, '既没有条文也没有分项');

export const citationsFile = z.object({
  $comment: z.string().optional(),
  version: z.string().min(1),
  purposes: z.record(z.string().regex(/^[a-zA-Z][a-zA-Z0-9]*$/, '用途名只能由字母和数字组成'), citationPurpose),
});
export type CitationsFile = z.infer<typeof citationsFile>;
export type CitationPurpose = z.infer<typeof citationPurpose>;
