/**
 * The day what a deadline waits for happened (the date companion of `isMet` in facts.ts), so that a
 * deadline met can be told met on time from met late. Pure. Null when it has not happened, or when
 * the fact carries no date of its own.
 */
import type { CaseState } from '#common/schemas/cases.js';
import { decisionServedOn, isMet, lastStep } from './facts.js';

/** The day the payments first added up to the decided fine. */
function paidInFullOn(state: CaseState): string | null {
  if (!state.decision) return null;
  let sum = 0;
  for (const p of [...state.payments].sort((a, b) => a.paidOn.localeCompare(b.paidOn))) {
    sum += p.amount;
    if (sum >= state.decision.fine) return p.paidOn;
  }
  return null;
}

export function metOn(state: CaseState, key: string, track = 'main', since = ''): string | null {
  if (key.includes('|')) {
    // The first alternative to happen meets the deadline.
    const days = key
      .split('|')
      .map((k) => metOn(state, k, track, since))
      .filter((d): d is string => d !== null);
    return days.length ? days.sort()[0]! : null;
  }
  if (!isMet(state, key, track, since)) return null;
  if (key.startsWith('action:')) return lastStep(state, track, key.slice(7))?.on ?? null;
  switch (key) {
    case 'decisionApproved':
      return state.decision?.approvedOn ?? null;
    case 'defenceClosed':
      return state.defence.closedOn;
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
