/** Deadlines overview, bureau settings, holiday calendars and the procedure data a bureau runs on. */
import type { CalendarYear } from '#core/domain/calendar.js';
import type { ProcedureDefinition } from '#core/domain/procedure/definition.js';
import { importProcedure } from '#core/application/importProcedure.js';
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

  'procedures.import': ({ definition }, { services }) => procedureSummary(importProcedure(services, definition)),

  'procedures.list': (_input, { services }) => [...services.procedures.values()].map(procedureSummary),
};

const procedureSummary = (d: ProcedureDefinition) => ({
  id: d.id,
  version: d.version,
  name: d.name,
  kind: d.kind,
  nodes: d.nodes.length,
  actions: d.actions.length,
  deadlines: d.deadlines.length,
});

export type { CalendarYear };
