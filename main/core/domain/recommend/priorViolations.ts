/**
 * Prior penalties of the same party that count as repetition (再次违法): decided penalty cases
 * within the window of each repetition rule of the benchmark (data, with its source), before the
 * date of the new violation. The window counts from the prior decision's date — the 2023 judicial
 * interpretation on environmental crimes (art. 19) counts its 二年内 from the day the earlier penalty
 * took effect; the decision date is the nearest date the case holds. Pure.
 */
import type { PriorCase, RepetitionRule } from '#common/schemas/discretion.js';
import { addMonths } from '../dates.js';

export interface PriorQuery {
  /** The date of the new violation. */
  date: string;
  /** Category and type of the new violation, when known. */
  category: string | null;
  violationId: string | null;
}

export interface RuleOutcome {
  id: string;
  label: string;
  applies: boolean;
  caseIds: string[];
  windowFrom: string;
  effect: string;
  source: string;
  verified: boolean;
}

export const firstViolationNote = '初次违法且危害后果轻微并及时改正的，可以不予行政处罚（行政处罚法第三十三条第一款）';

function inScope(rule: RepetitionRule, prior: PriorCase, q: PriorQuery): boolean {
  if (rule.scope === 'any') return true;
  // Without the new violation's type the narrower scopes cannot be decided: count the prior, the officer judges.
  if (rule.scope === 'type') return q.violationId === null || prior.violationId === q.violationId;
  return q.category === null || prior.category === q.category;
}

export function repetitionOutcomes(
  priors: readonly PriorCase[],
  rules: readonly RepetitionRule[],
  q: PriorQuery,
): { before: PriorCase[]; rules: RuleOutcome[]; firstViolation: boolean } {
  const before = priors.filter((p) => p.decidedOn < q.date).sort((a, b) => (a.decidedOn < b.decidedOn ? 1 : -1));
  const outcomes = rules.map((rule) => {
    const windowFrom = addMonths(q.date, -rule.windowMonths);
    const counted = before.filter((p) => p.decidedOn >= windowFrom && inScope(rule, p, q));
    return {
      id: rule.id,
      label: rule.label,
      applies: counted.length >= rule.minPrior,
      caseIds: counted.map((p) => p.caseId),
      windowFrom,
      effect: rule.effect,
      source: rule.source,
      verified: rule.verified,
    };
  });
  return { before, rules: outcomes, firstViolation: before.length === 0 };
}
