/**
 * Figures the core computes into an action's data rather than trusting the form: the user sees
 * them in the result and the history, and nobody has to do the arithmetic by hand. Pure.
 */
import type { CaseState } from '../../../../common/schemas/cases.js';
import { daysBetween } from '../dates.js';
import { lastStep } from './facts.js';

/**
 * 按日连续处罚 (环保法 art. 59; 按日连续处罚暂行办法): the days are counted from the day after the
 * order to correct was served up to the day of the re-check that found the violation continuing;
 * the amount is the original fine for each of those days.
 */
export function dailyPenalty(servedOn: string, recheckOn: string, originalFine: number): { days: number; amount: number } {
  const days = Math.max(0, daysBetween(servedOn, recheckOn));
  return { days, amount: days * originalFine };
}

export function deriveActionData(form: string | undefined, state: CaseState, track: string, data: Record<string, unknown>): Record<string, unknown> {
  if (form === 'dailyDecision') {
    const served = lastStep(state, track, 'serveCorrectionOrder');
    const recheck = lastStep(state, track, 'recordRecheck');
    const servedOn = String(served?.data.servedOn ?? served?.on ?? '');
    const recheckOn = String(recheck?.data.recheckOn ?? recheck?.on ?? '');
    if (!servedOn || !recheckOn) return data;
    return { ...data, servedOn, recheckOn, ...dailyPenalty(servedOn, recheckOn, Number(data.originalFine)) };
  }
  return data;
}
