/** Deadlines overview, bureau settings, holiday calendars and the procedure data a bureau runs on. */
import { join } from 'node:path';
import type { CalendarYear } from '#core/domain/calendar.js';
import { procedureProblems } from '#core/services.js';
import { procedureDefinition } from '#core/domain/procedure/definition.js';
import { AppError } from '#common/errors.js';
import { writeFileDurably } from '#core/store/durableFile.js';
import { deadlinesOverview } from '#core/application/deadlinesOverview.js';
import { calendarInfo, importCalendar } from '#core/application/importCalendar.js';
import type { HandlerMap } from '../types.js';
import { requireUser } from '../types.js';

export const procedureHandlers: HandlerMap<
  'deadlines.overview' | 'calendar.list' | 'calendar.import' | 'procedures.list' | 'procedures.import'
> = {
  // the cases the caller may see (an officer his own; docs/security.md), like cases.list.
  'deadlines.overview': (input, ctx) => deadlinesOverview(ctx.services, requireUser(ctx), input),

  'calendar.list': (_input, { services }) => calendarInfo(services),
  'calendar.import': (input, { services }) => importCalendar(services, input.calendar),

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
