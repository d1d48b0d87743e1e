/**
 * Rules the legality checklist (合法性审查, legality/review.ts) already decides: the 评查 counts a failed,
 * applicable check once, under its area, with the check's own message. Checks of the decision are read as
 * they stood on the decision's day; those of 结案 as the case stands.
 */
import type { LegalityReview } from '#common/schemas/cases.js';
import type { Finding, ReviewFacts } from './facts.js';

/** Rule id → the checklist and the check it reads. */
export const legalityRuleChecks: Record<string, { point: 'decision' | 'closing' | 'either'; check: string }> = {
  officersCertified: { point: 'either', check: 'officersOnRecords' },
  basisAndBand: { point: 'decision', check: 'basisAndBand' },
  lawOfActDate: { point: 'decision', check: 'lawOfActDate' },
  noticeServed: { point: 'decision', check: 'noticeServed' },
  defencePeriodElapsed: { point: 'decision', check: 'defencePeriodElapsed' },
  hearingOffered: { point: 'decision', check: 'hearingOffered' },
  noIncreaseAfterDefence: { point: 'decision', check: 'noIncreaseAfterDefence' },
  legalReview: { point: 'decision', check: 'legalReview' },
  collectiveDiscussion: { point: 'decision', check: 'collectiveDiscussion' },
  summaryLimit: { point: 'decision', check: 'summaryLimit' },
  documentsNumbered: { point: 'either', check: 'documentsNumbered' },
  decisionServed: { point: 'closing', check: 'decisionServed' },
  executed: { point: 'closing', check: 'executed' },
  executionFiled: { point: 'closing', check: 'executionFiled' },
  tracksEnded: { point: 'closing', check: 'tracksEnded' },
};

function reviewFor(facts: ReviewFacts, point: 'decision' | 'closing' | 'either'): LegalityReview | null {
  if (point === 'either') return facts.legality.closing ?? facts.legality.decision;
  return facts.legality[point];
}

export function legalityFindings(facts: ReviewFacts, ruleId: string): Finding[] {
  const spec = legalityRuleChecks[ruleId];
  if (!spec) return [];
  const c = reviewFor(facts, spec.point)?.checks.find((x) => x.id === spec.check);
  if (!c?.applicable || c.passed) return [];
  return [{ message: c.message || c.name, page: null }];
}
