/**
 * What a reviewer or head approves, on the case page at 案件审查, 法制审核 and the approvals: read
 * from the case's record (the 调查报告's facts, the evidence on file, the applied provision of the
 * act's date, the proposed penalty, the 裁量 calculation) and the legality checklist — never re-typed.
 */
import { z } from 'zod';
import { discretionRecord } from './actions.js';
import { legalityReview } from './cases.js';
import { yuan } from './primitives.js';

export const reviewSummaryItem = z.object({
  /** The document's or the evidence's id. */
  id: z.string(),
  /** 现场照片, 录音 … or the record's document name (现场检查（勘察）笔录). */
  kind: z.string(),
  description: z.string(),
  /** The day it was taken or made. */
  on: z.string(),
});

export const reviewSummary = z.object({
  /** The node the case waits at (案件审查, 法制审核, 决定审批 …). */
  nodeName: z.string(),
  facts: z.string(),
  evidence: z.array(reviewSummaryItem),
  legalBasis: z.object({
    violation: z.string(),
    breached: z.array(z.string()),
    /** The provision applied (of the act's date, or the lighter later law). */
    penaltyProvision: z.string(),
    bandText: z.string(),
    /** The comparison of old and new law in legal Chinese; '' when the law did not change. */
    statement: z.string(),
    /** Set while the law to apply cannot be decided on the data (a figure or a choice is missing). */
    undecided: z.string().nullable(),
  }),
  penalty: z.object({
    proposedFine: yuan,
    /** The fine the 告知书 told, once told. */
    noticedFine: yuan.nullable(),
    /** 处罚, 不予处罚 or 移送, and its fine, once a decision is drafted. */
    decision: z.object({ kind: z.string(), fine: yuan, warning: z.boolean() }).nullable(),
    reasoning: z.string(),
  }),
  discretion: discretionRecord.nullable(),
  legality: legalityReview,
});
export type ReviewSummary = z.infer<typeof reviewSummary>;
