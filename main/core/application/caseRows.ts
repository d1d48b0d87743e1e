/**
 * What the store keeps beside each case's projection (store/caseRows.ts): its deadlines, evaluated
 * by the procedure data as the case page evaluates them, and where each of its tracks stands. The
 * core gives `caseRowsOf` to the store, which writes the rows in the projection's transaction.
 */
import type { CaseState } from '#common/schemas/cases.js';
import { evaluateDeadlines } from '#core/domain/procedure/deadlines.js';
import { mainTrackId, trackOf } from '#core/domain/procedure/engine.js';
import { suspendedDays } from '#core/domain/procedure/facts.js';
import type { DeadlineRule } from '#core/domain/procedure/definition.js';
import { positionKey, type CaseRows, type StoredDeadline } from '#core/store/caseRows.js';
import type { Services } from '#core/services.js';
import { today } from './caseView.js';

/** The name the overview shows for the main procedure's deadlines. */
export const mainTrackName = '主程序';

function deadlinesOf(
  services: Pick<Services, 'calendar' | 'procedures'>,
  s: CaseState,
  now: string,
  track: string,
  rules: DeadlineRule[],
  trackName: string,
): StoredDeadline[] {
  // The status is today's and is worked out when read; only the warning horizon's 0 is a placeholder.
  const views = evaluateDeadlines(rules, s, track, {
    today: now,
    calendar: services.calendar,
    warnAheadWorkingDays: 0,
  });
  const suspended = suspendedDays(s, track, '', now).some(([, end]) => end === now);
  return views.map(({ status, ...view }) => ({
    view,
    trackName,
    met: status === 'met',
    slides: suspended && Boolean(rules.find((r) => r.id === view.id)?.pausedWhileSuspended),
  }));
}

/** Every deadline of a case (main procedure, then each track) as the overview lists them, without status. */
export function storedDeadlines(
  services: Pick<Services, 'calendar' | 'procedures'>,
  s: CaseState,
  now: string,
): StoredDeadline[] {
  const main = services.procedures.get(`${s.procedure.id}@${s.procedure.version}`);
  if (!main) return []; // a case of a procedure not loaded here (a broken installation): the case page says so
  return [
    ...deadlinesOf(services, s, now, mainTrackId, main.deadlines, mainTrackName),
    ...s.tracks.flatMap((t) => {
      const def = services.procedures.get(`${t.procedure.id}@${t.procedure.version}`);
      return def ? deadlinesOf(services, s, now, t.id, def.deadlines, t.name) : [];
    }),
  ];
}

/** The rows of one case: its deadlines and where its main procedure and each running track stand. */
export function caseRowsOf(services: Services, s: CaseState): CaseRows {
  const positions = [{ track: mainTrackId, position: positionKey(s.procedure, s.node) }];
  for (const t of s.tracks) {
    if (t.endedOn || !services.procedures.has(`${t.procedure.id}@${t.procedure.version}`)) continue;
    positions.push({ track: t.id, position: positionKey(trackOf(s, t.id, services.procedures).def, t.node) });
  }
  return { deadlines: storedDeadlines(services, s, today(services)), positions };
}
