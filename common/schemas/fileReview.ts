/**
 * 案卷评查: the criteria (resources/review/criteria.*.json — data, versioned), the result of one run on a
 * case's dossier (stored in a `review.ran` event), the reviewer's answer to each deduction, and the scores a
 * head reads for the bureau's archived cases.
 *
 * The eight areas are those of the ministry's file-review guide (环境行政处罚案卷评查, 环办〔2012〕98号 as
 * ../shared/domain.md reports it). The guide's own point table is not in our sources: the points of each
 * area and each deduction are ours (`weights.verified: false`), each with where it comes from.
 */
import { z } from 'zod';
import { isoDate, key, plainText } from './primitives.js';

export const reviewAreaIds = [
  'subject',
  'facts',
  'evidence',
  'law',
  'procedure',
  'documents',
  'execution',
  'archiving',
] as const;
export type ReviewAreaId = (typeof reviewAreaIds)[number];

/** A text the law requires a document to contain, found in its text by any of `anyOf`. */
export const requiredContent = z.object({
  what: z.string().min(1),
  anyOf: z.array(z.string().min(1)).min(1),
  article: z.string().min(1),
});

export const reviewRule = z.object({
  /** Stable id: a deduction names it, and the evaluator has one detector per id. */
  id: z.string().regex(/^[a-z][A-Za-z]+$/),
  /** What it checks, in Chinese, as the 评查表 prints it. */
  checks: z.string().min(1),
  /** Points deducted for each finding (a missing 送达回证, a catalog row off …). */
  deduction: z.number().positive(),
  /** At most this many points for the rule, whatever the number of findings (default: the area's points). */
  max: z.number().positive().optional(),
  /** The article or the guide's item the rule rests on. */
  basis: z.string().min(1),
  /** For `requiredContents`: per document type, what its text must say. */
  contents: z.record(z.string(), z.array(requiredContent)).optional(),
  /** For `repealedArticle`: the document types whose text is read for the articles they cite. */
  documentTypes: z.array(z.string()).optional(),
});
export type ReviewRule = z.infer<typeof reviewRule>;

export const reviewArea = z.object({
  id: z.enum(reviewAreaIds),
  name: z.string().min(1),
  points: z.number().positive(),
  /** Where the area's points come from. */
  weightSource: z.string().min(1),
  rules: z.array(reviewRule).min(1),
});

export const reviewCriteria = z
  .object({
    version: z.string().min(1),
    name: z.string().min(1),
    source: z.string().min(1),
    weights: z.object({ verified: z.boolean(), note: z.string().min(1) }),
    areas: z.array(reviewArea).length(reviewAreaIds.length),
  })
  .superRefine((c, ctx) => {
    const areas = new Set(c.areas.map((a) => a.id));
    for (const id of reviewAreaIds)
      if (!areas.has(id)) ctx.addIssue({ code: 'custom', message: `评查标准缺少评查项目“${id}”` });
    const seen = new Set<string>();
    for (const r of c.areas.flatMap((a) => a.rules)) {
      if (seen.has(r.id)) ctx.addIssue({ code: 'custom', message: `评查规则“${r.id}”重复` });
      seen.add(r.id);
    }
  });
export type ReviewCriteria = z.infer<typeof reviewCriteria>;

export const reviewDeduction = z.object({
  /** `rule:n` — stable within one run; the answer names it. */
  id: z.string(),
  rule: z.string(),
  area: z.enum(reviewAreaIds),
  /** What the rule checks (from the criteria) and what was found. */
  checks: z.string(),
  message: z.string(),
  points: z.number(),
  basis: z.string(),
  /** Where it is seen: 正卷第3页, 副卷卷内目录第2行 …; null when no page shows it (a missing document). */
  page: z.string().nullable(),
});
export type ReviewDeduction = z.infer<typeof reviewDeduction>;

export const reviewAreaScore = z.object({
  id: z.enum(reviewAreaIds),
  name: z.string(),
  points: z.number(),
  score: z.number(),
});

export const reviewResult = z.object({
  criteriaVersion: z.string(),
  /** The day it ran and the binding it read (its time; null when never bound). */
  ranOn: isoDate,
  dossierBuiltAt: z.string().nullable(),
  score: z.number(),
  max: z.number(),
  areas: z.array(reviewAreaScore),
  deductions: z.array(reviewDeduction),
  weightsVerified: z.boolean(),
});
export type ReviewResult = z.infer<typeof reviewResult>;

export const reviewVerdicts = ['accept', 'dispute'] as const;
export const reviewResponse = z.object({
  deductionId: z.string(),
  verdict: z.enum(reviewVerdicts),
  reason: z.string(),
  by: z.string(),
  byName: z.string(),
  at: z.string(),
});
export type ReviewResponse = z.infer<typeof reviewResponse>;

/** The case's last review and the answers given to its deductions (the last answer per deduction counts). */
export const fileReviewState = z.object({
  result: reviewResult,
  responses: z.array(reviewResponse),
});
export type FileReviewState = z.infer<typeof fileReviewState>;

export const reviewRespondInput = z.object({
  caseId: key(64, '案件标识'),
  deductionId: key(100, '扣分项'),
  verdict: z.enum(reviewVerdicts, { error: '请选择认可或者有异议' }),
  reason: plainText(1000, '理由')
    .transform((s) => s.trim())
    .refine((s) => s.length > 0, '请填写理由'),
});

export const reviewScoreRow = z.object({
  caseId: z.string(),
  number: z.string(),
  partyName: z.string(),
  violationName: z.string(),
  archivedOn: z.string().nullable(),
  /** null: archived without a review. */
  score: z.number().nullable(),
  max: z.number().nullable(),
  ranOn: z.string().nullable(),
  deductions: z.number().int(),
  disputed: z.number().int(),
});
export type ReviewScoreRow = z.infer<typeof reviewScoreRow>;
