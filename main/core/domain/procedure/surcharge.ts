/**
 * 加处罚款: a party that does not pay by the due date owes 3% of the fine for each day late, never
 * more than the fine itself (处罚法 art. 72(1)). Pure; the case page shows it during 执行.
 */
import { daysBetween } from '../dates.js';

export function lateSurcharge(
  fine: number,
  dueOn: string,
  today: string,
): { days: number; amount: number; cappedAtFine: boolean } | null {
  if (!(fine > 0) || today <= dueOn) return null;
  const days = daysBetween(dueOn, today);
  const raw = Math.round(fine * 0.03 * days * 100) / 100;
  return { days, amount: Math.min(raw, fine), cappedAtFine: raw >= fine };
}
