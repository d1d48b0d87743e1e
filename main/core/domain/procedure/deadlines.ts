/**
 * Deadlines as data (procedure `deadlines`): each names its start event, length, unit, what meets
 * it, its extension rule and its article. Pure: the same case and day always give the same answer,
 * and every figure says where it came from so a reviewer can check it (shared/domain.md).
 */
import type { CaseState, DeadlineView } from '#common/schemas/cases.js';
import type { DeadlineResult, WorkingCalendar } from '../calendar.js';
import { daysBetween } from '../dates.js';
import type { DeadlineRule } from './definition.js';
import { isMet, lastStep, startDate, stepsOf, suspendedDays } from './facts.js';

function addPeriod(
  calendar: WorkingCalendar,
  start: string,
  length: number,
  unit: DeadlineRule['unit'],
): DeadlineResult {
  if (unit === 'workingDays') return calendar.addWorkingDays(start, length);
  if (unit === 'months') return calendar.addMonths(start, length);
  return calendar.addCalendarDays(start, length);
}

export interface DeadlineContext {
  today: string;
  calendar: WorkingCalendar;
  warnAheadWorkingDays: number;
}

/** One rule evaluated on one track of a case; null when its start event has not happened. */
export function evaluateDeadline(
  rule: DeadlineRule,
  state: CaseState,
  track: string,
  ctx: DeadlineContext,
): DeadlineView | null {
  if (
    rule.appliesWhen &&
    lastStep(state, track, rule.appliesWhen.action)?.data[rule.appliesWhen.field] !== rule.appliesWhen.equals
  )
    return null;
  const start = startDate(state, rule.start, track);
  if (!start) return null;
  let r = addPeriod(ctx.calendar, start, rule.length, rule.unit);
  if (rule.then) {
    // The second period runs from the end of the first (强制法 art. 53: three months after the review and litigation periods end).
    const second = addPeriod(ctx.calendar, r.dueOn, rule.then.length, rule.then.unit);
    r = { dueOn: second.dueOn, calendarIncomplete: r.calendarIncomplete || second.calendarIncomplete };
  }
  let extensions = 0;
  if (rule.extension) {
    const granted = stepsOf(state, track, rule.extension.action)
      .filter((s) => s.on >= start)
      .slice(0, rule.extension.max);
    for (const g of granted) {
      extensions++;
      // An approved deferral may name its own date (e.g. 延期缴纳 to a given day); otherwise the fixed length applies.
      const own = typeof g.data.newDueOn === 'string' ? g.data.newDueOn : null;
      r = own
        ? { dueOn: own, calendarIncomplete: r.calendarIncomplete }
        : addPeriod(ctx.calendar, r.dueOn, rule.extension.length, rule.extension.unit);
    }
  }
  if (rule.pausedWhileSuspended) {
    const paused = suspendedDays(state, track, start, ctx.today).reduce((n, [a, b]) => n + daysBetween(a, b), 0);
    if (paused > 0) r = ctx.calendar.addCalendarDays(r.dueOn, paused);
  }
  let status: DeadlineView['status'];
  if (isMet(state, rule.metBy, track, start)) status = 'met';
  else if (ctx.today > r.dueOn) status = 'overdue';
  else if (ctx.calendar.workingDaysBetween(ctx.today, r.dueOn) <= ctx.warnAheadWorkingDays) status = 'dueSoon';
  else status = 'running';
  return {
    id: rule.id,
    name: rule.name,
    startEvent: rule.start,
    startOn: start,
    dueOn: r.dueOn,
    unit: rule.unit,
    length: rule.length,
    ...(rule.then ? { then: { length: rule.then.length, unit: rule.then.unit } } : {}),
    citation: rule.extension && extensions ? `${rule.citation}；延长：${rule.extension.citation}` : rule.citation,
    status,
    calendarIncomplete: r.calendarIncomplete,
    track,
    owner: rule.owner ?? 'bureau',
    extensions,
  };
}

export function evaluateDeadlines(
  rules: DeadlineRule[],
  state: CaseState,
  track: string,
  ctx: DeadlineContext,
): DeadlineView[] {
  return rules.map((r) => evaluateDeadline(r, state, track, ctx)).filter((d): d is DeadlineView => d !== null);
}
