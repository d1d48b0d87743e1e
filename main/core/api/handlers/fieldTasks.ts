/** fieldTasks.*: 现场检查任务 received at sync (application/fieldTasks.ts, openCaseFromInspection.ts). */
import { fieldTaskForCase, listFieldTasks, recordInspection } from '#core/application/fieldTasks.js';
import { openCaseFromInspection } from '#core/application/openCaseFromInspection.js';
import type { HandlerMap } from '../types.js';
import { requireUser } from '../types.js';

export const fieldTaskHandlers: HandlerMap<
  'fieldTasks.list' | 'fieldTasks.record' | 'fieldTasks.openCase' | 'fieldTasks.forCase'
> = {
  'fieldTasks.list': (_input, ctx) => listFieldTasks(ctx.services, requireUser(ctx)),
  'fieldTasks.record': (input, ctx) => recordInspection(ctx.services, requireUser(ctx), input),
  'fieldTasks.openCase': (input, ctx) => openCaseFromInspection(ctx.services, requireUser(ctx), input),
  'fieldTasks.forCase': (input, ctx) => fieldTaskForCase(ctx.services, input.caseId),
};
