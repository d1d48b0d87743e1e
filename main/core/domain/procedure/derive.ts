/**
 * Figures the core computes into an action's data rather than trusting the form: the user sees
 * them in the result and the history, and nobody has to do the arithmetic by hand. Pure.
 */
import type { CaseState } from '#common/schemas/cases.js';
import { daysBetween } from '../dates.js';
import type { ProcedureDefinition } from './definition.js';
import { lastStep, startDate } from './facts.js';

export type DailyCountRule = NonNullable<ProcedureDefinition['dailyCount']>;

/**
 * The count of the first 按日连续处罚 track (2026.1, which names no `dailyCount`): from the day after
 * the order to correct was served (the 2014 按日连续处罚暂行办法) to the re-check that found the
 * violation going on. Tracks started under it keep it; later versions state their rule as data.
 */
export const firstDailyCount: DailyCountRule = {
  from: 'action:serveCorrectionOrder.servedOn',
  to: 'action:recordRecheck.recheckOn',
  fromText: '责令改正违法行为决定书送达之日的次日',
  citation: '按日连续处罚程序 2026.1 版',
};

/** The days from the day after `from` up to and including `to`, and the original fine for each of them. */
export function dailyPenalty(from: string, to: string, originalFine: number): { days: number; amount: number } {
  const days = Math.max(0, daysBetween(from, to));
  return { days, amount: days * originalFine };
}

/**
 * `rule`: the track definition's `dailyCount` (absent for the first version). The re-check that
 * leads to a daily penalty records the day the count starts from and how the decision words it, so
 * the 按日连续处罚决定书 drafted before the decision counts the same days as the decision.
 */
export function deriveActionData(
  action: { id: string; form?: string | undefined },
  state: CaseState,
  track: string,
  data: Record<string, unknown>,
  rule?: DailyCountRule,
): Record<string, unknown> {
  if (action.form === 'dailyDecision') {
    const r = rule ?? firstDailyCount;
    const served = lastStep(state, track, 'serveCorrectionOrder');
    const recheck = lastStep(state, track, 'recordRecheck');
    const servedOn = String(served?.data.servedOn ?? served?.on ?? '');
    const recheckOn = String(recheck?.data.recheckOn ?? recheck?.on ?? '');
    const from = startDate(state, r.from, track) ?? '';
    const to = startDate(state, r.to, track) ?? '';
    if (!from || !to) return data;
    return {
      ...data,
      servedOn,
      recheckOn,
      countedFrom: from,
      countedTo: to,
      ...dailyPenalty(from, to, Number(data.originalFine)),
    };
  }
  // A refused or obstructed re-check (法典 art. 1060) leads to the daily penalty whatever else was ticked.
  if (rule && action.id === rule.to.slice(7).split('.')[0] && (data.corrected !== true || data.obstructed === true)) {
    const from = startDate(state, rule.from, track);
    return from ? { ...data, dailyCountFrom: from, dailyCountFromText: rule.fromText } : data;
  }
  return data;
}
