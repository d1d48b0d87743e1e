/**
 * 到期提醒: the deadlines of the open cases a user may see, read from the rows kept with each case
 * (store/caseRows.ts) — no case is evaluated, except the few whose due date moves while they are
 * suspended. Each row says whose it is: the bureau's own time limit, or the party's period
 * (a running 陈述申辩 period is the party's, not an overdue task of the bureau).
 */
import type { DeadlineView } from '#common/schemas/cases.js';
import { addDays } from '#core/domain/dates.js';
import type { WorkingCalendar } from '#core/domain/calendar.js';
import type { DeadlineRow, RowScope } from '#core/store/caseRows.js';
import type { UserRow } from '#core/store/directory.js';
import type { Services } from '#core/services.js';
import { caseScope } from './caseAccess.js';
import { storedDeadlines } from './caseRows.js';
import { today } from './caseView.js';
import { warnAheadSetting } from './settings.js';

export type OverviewRow = DeadlineView & { caseId: string; caseNumber: string; partyName: string; trackName: string };

/**
 * The last day still within `warn` working days of today (`workingDaysBetween` grows with the
 * later day): a deadline due on or before it is overdue or due soon, one after it is running.
 */
export function warnHorizon(calendar: WorkingCalendar, now: string, warn: number): string {
  let last = now;
  let working = 0;
  for (let d = addDays(now, 1); ; d = addDays(d, 1)) {
    if (calendar.isWorkingDay(d)) working++;
    if (working > warn) return last;
    last = d;
  }
}

function statusOf(dueOn: string, now: string, horizon: string): DeadlineView['status'] {
  return now > dueOn ? 'overdue' : dueOn <= horizon ? 'dueSoon' : 'running';
}

/** Rows of the cases whose due date slides, evaluated again for today (they are few: suspended cases). */
function slidingRows(services: Services, scope: RowScope, now: string): Map<string, DeadlineRow[]> {
  const out = new Map<string, DeadlineRow[]>();
  for (const caseId of services.cases.projection.rows.slidingCases(scope)) {
    const s = services.cases.projection.get(caseId);
    if (!s) continue;
    out.set(
      caseId,
      storedDeadlines(services, s, now)
        .filter((d) => !d.met)
        .map((d) => ({
          caseId,
          caseNumber: s.number,
          partyName: s.party.name,
          trackName: d.trackName,
          slides: d.slides,
          view: d.view,
        })),
    );
  }
  return out;
}

export function deadlinesOverview(
  services: Services,
  user: UserRow,
  input: { warnAheadWorkingDays?: number | undefined; include: 'attention' | 'all' },
): { warnAheadWorkingDays: number; rows: OverviewRow[] } {
  const warn = input.warnAheadWorkingDays ?? warnAheadSetting(services);
  const scope = caseScope(user);
  if (!scope) return { warnAheadWorkingDays: warn, rows: [] };
  const now = today(services);
  const horizon = warnHorizon(services.calendar, now, warn);
  const attention = input.include === 'attention';
  const sliding = slidingRows(services, scope, now);
  const stored = services.cases.projection.rows.openDeadlines(scope, attention ? horizon : null);
  const rows = [...stored.filter((r) => !sliding.has(r.caseId)), ...[...sliding.values()].flat()]
    .filter((r) => !attention || r.view.dueOn <= horizon)
    .map(
      (r): OverviewRow => ({
        ...r.view,
        status: statusOf(r.view.dueOn, now, horizon),
        caseId: r.caseId,
        caseNumber: r.caseNumber,
        partyName: r.partyName,
        trackName: r.trackName,
      }),
    );
  if (sliding.size)
    rows.sort((a, b) => (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : a.caseNumber.localeCompare(b.caseNumber)));
  return { warnAheadWorkingDays: warn, rows };
}

/** How many deadlines need attention (overdue or due soon), the bureau's and the party's apart. */
export function deadlineCounts(services: Services, user: UserRow): { bureau: number; party: number } {
  const scope = caseScope(user);
  if (!scope) return { bureau: 0, party: 0 };
  const now = today(services);
  const horizon = warnHorizon(services.calendar, now, warnAheadSetting(services));
  const counts = { bureau: 0, party: 0 };
  const sliding = new Set(services.cases.projection.rows.slidingCases(scope));
  if (sliding.size) return countRows(deadlinesOverview(services, user, { include: 'attention' }).rows);
  for (const { owner, n } of services.cases.projection.rows.countDue(scope, horizon)) counts[owner] += n;
  return counts;
}

function countRows(rows: OverviewRow[]): { bureau: number; party: number } {
  const counts = { bureau: 0, party: 0 };
  for (const r of rows) counts[r.owner]++;
  return counts;
}
