/**
 * What the party owes today besides the fine: 加处罚款 once the payment period has run (处罚法 art. 72),
 * the same figure the case page shows. A payment up to fine + surcharge − paid is accepted. Pure.
 */
import type { CaseState } from '#common/schemas/cases.js';
import type { WorkingCalendar } from '../calendar.js';
import type { ProcedureDefinition } from './definition.js';
import { evaluateDeadline } from './deadlines.js';
import { mainTrackId } from './engine.js';
import { lateSurcharge } from './surcharge.js';

export function surchargeToday(
  def: ProcedureDefinition,
  state: CaseState,
  today: string,
  calendar: WorkingCalendar,
): { amount: number } | null {
  const rule = def.deadlines.find((d) => d.id === 'payment');
  if (!rule || !state.decision) return null;
  const payment = evaluateDeadline(rule, state, mainTrackId, {
    today,
    calendar,
    warnAheadWorkingDays: def.warnAheadWorkingDays,
  });
  return payment?.status === 'overdue' ? lateSurcharge(state.decision.fine, payment.dueOn, today) : null;
}
