/** Deadlines overview, bureau settings, holiday calendars and the procedure data a bureau runs on. */
import { join } from 'node:path';
import type { CaseState, DeadlineView } from '#common/schemas/cases.js';
import type { CalendarYear } from '#core/domain/calendar.js';
import { evaluateDeadlines } from '#core/domain/procedure/deadlines.js';
import { mainTrackId, trackOf } from '#core/domain/procedure/engine.js';
import { loadCalendar, procedureProblems, readCalendarYears } from '#core/services.js';
import { procedureDefinition } from '#core/domain/procedure/definition.js';
import { AppError } from '#common/errors.js';
import { writeFileDurably } from '#core/store/durableFile.js';
import { resourcesDir } from '#core/paths.js';
import type { Services } from '#core/services.js';
import { procedureOf, today } from '#core/application/caseView.js';
import { warnAheadSetting } from '#core/application/settings.js';
import type { HandlerMap } from '../types.js';
import { requireUser } from '../types.js';
import { caseScope } from '#core/application/caseAccess.js';

const addedCalendarDir = (services: Services) => join(services.dataDir, 'calendars');

function calendarInfo(services: Services) {
  const added = new Set(readCalendarYears(addedCalendarDir(services)).map((y) => y.year));
  const shipped = readCalendarYears(join(resourcesDir(), 'calendars'));
  const years = new Map<number, { year: number; source: string; added: boolean }>();
  for (const y of shipped) years.set(y.year, { year: y.year, source: y.source, added: false });
  for (const y of readCalendarYears(addedCalendarDir(services)))
    years.set(y.year, { year: y.year, source: y.source, added: added.has(y.year) });
  return { years: [...years.values()].sort((a, b) => a.year - b.year) };
}

function caseDeadlines(
  services: Services,
  s: CaseState,
  now: string,
  warn: number,
): Array<DeadlineView & { trackName: string }> {
  const ctx = { today: now, calendar: services.calendar, warnAheadWorkingDays: warn };
  const main = evaluateDeadlines(procedureOf(services, s).deadlines, s, mainTrackId, ctx).map((d) => ({
    ...d,
    trackName: '主程序',
  }));
  const tracks = s.tracks.flatMap((t) =>
    evaluateDeadlines(trackOf(s, t.id, services.procedures).def.deadlines, s, t.id, ctx).map((d) => ({
      ...d,
      trackName: t.name,
    })),
  );
  return [...main, ...tracks];
}

export const procedureHandlers: HandlerMap<
  'deadlines.overview' | 'calendar.list' | 'calendar.import' | 'procedures.list' | 'procedures.import'
> = {
  'deadlines.overview': (input, ctx) => {
    const { services } = ctx;
    const warn = input.warnAheadWorkingDays ?? warnAheadSetting(services);
    const now = today(services);
    const rows = [];
    // the cases the caller may see (an officer his own; docs/security.md), like cases.list.
    for (const { state: s } of services.cases.projection.states({ open: true }, caseScope(requireUser(ctx)))) {
      for (const d of caseDeadlines(services, s, now, warn)) {
        if (input.include === 'attention' && d.status !== 'overdue' && d.status !== 'dueSoon') continue;
        if (d.status === 'met') continue;
        rows.push({ ...d, caseId: s.id, caseNumber: s.number, partyName: s.party.name });
      }
    }
    rows.sort((a, b) => (a.dueOn < b.dueOn ? -1 : a.dueOn > b.dueOn ? 1 : a.caseNumber.localeCompare(b.caseNumber)));
    return { warnAheadWorkingDays: warn, rows };
  },

  'calendar.list': (_input, { services }) => calendarInfo(services),
  'calendar.import': (input, { services }) => {
    const dir = addedCalendarDir(services);
    // Atomic (temporary file, fsync, rename): a full disk leaves the old file or none, never an empty one.
    writeFileDurably(
      join(dir, `cn-${input.calendar.year}.json`),
      Buffer.from(`${JSON.stringify(input.calendar, null, 1)}\n`, 'utf8'),
    );
    // Working-day arithmetic uses the new year from the next request on; no restart, no release.
    services.calendar = loadCalendar(undefined, dir);
    return calendarInfo(services);
  },

  'procedures.import': ({ definition }, { services }) => {
    const parsed = procedureDefinition.safeParse(definition);
    if (!parsed.success) {
      throw new AppError(
        'VALIDATION',
        `程序定义格式有误：${parsed.error.issues
          .slice(0, 5)
          .map((i) => `${i.path.join('.')}：${i.message}`)
          .join('；')}`,
        parsed.error.issues,
      );
    }
    const def = parsed.data;
    const key = `${def.id}@${def.version}`;
    // Versions are immutable: running cases keep the one they started with.
    if (services.procedures.has(key))
      throw new AppError('VALIDATION', `程序“${def.name}”的版本 ${def.version} 已存在，请使用新的版本号`);
    const problems = procedureProblems(def);
    if (problems.length) throw new AppError('VALIDATION', `程序定义有误：${problems.join('；')}`, problems);
    const dir = join(services.dataDir, 'procedures');
    writeFileDurably(
      join(dir, `${def.id}.${def.version}.json`),
      Buffer.from(`${JSON.stringify(definition, null, 1)}\n`, 'utf8'),
    );
    (services.procedures as Map<string, typeof def>).set(key, def);
    return {
      id: def.id,
      version: def.version,
      name: def.name,
      kind: def.kind,
      nodes: def.nodes.length,
      actions: def.actions.length,
      deadlines: def.deadlines.length,
    };
  },

  'procedures.list': (_input, { services }) =>
    [...services.procedures.values()].map((d) => ({
      id: d.id,
      version: d.version,
      name: d.name,
      kind: d.kind,
      nodes: d.nodes.length,
      actions: d.actions.length,
      deadlines: d.deadlines.length,
    })),
};

export type { CalendarYear };
