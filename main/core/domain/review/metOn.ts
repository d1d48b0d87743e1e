/**
 * The day a deadline was met, read from the case as `procedure/facts.ts` `isMet` reads whether it was:
 * the 评查 asks not only whether a time limit was met but whether it was met in time.
 */
import type { CaseState } from '#common/schemas/cases.js';
import { decisionServedOn, lastStep } from '../procedure/facts.js';

/** The day the fine was paid in full (the payment that completed it), or null. */
function paidInFullOn(state: CaseState): string | null {
  if (!state.decision) return null;
  let paid = 0;
  for (const p of [...state.payments].sort((a, b) => a.paidOn.localeCompare(b.paidOn))) {
    paid += p.amount;
    if (paid >= state.decision.fine) return p.paidOn;
  }
  return null;
}

export function metOn(state: CaseState, key: string, track = 'main', since = ''): string | null {
  if (key.includes('|'))
    return (
      key
        .split('|')
        .map((k) => metOn(state, k, track, since))
        .filter((d): d is string => d !== null)
        .sort()[0] ?? null
    );
  if (key.startsWith('action:')) {
    const step = lastStep(state, track, key.slice(7));
    return step && step.on >= since ? step.on : null;
  }
  switch (key) {
    case 'decisionApproved':
      return state.decision?.approvedOn ?? null;
    case 'defenceClosed':
      return state.defence.closedOn ?? null;
    case 'decisionServed':
      return decisionServedOn(state) ?? lastStep(state, 'main', 'deliverDecision')?.on ?? null;
    case 'paidInFull':
      return paidInFullOn(state);
    case 'trackEnded':
      return state.tracks.find((t) => t.id === track)?.endedOn ?? null;
    case 'caseClosed':
      return state.closedOn;
    default:
      return null;
  }
}
