/**
 * sync.*: the workstation's side of the provincial server (main/core/sync/). Enrolment awaits the
 * server's answer to the code; a round runs in the background (`sync.now` answers at once, the page
 * polls `sync.status`). Conflicts carry case data, so each caller sees those of cases he may see.
 */
import { canSeeCase } from '#core/application/caseAccess.js';
import { discardConflict } from '#core/application/discardConflict.js';
import type { HandlerMap } from '../types.js';
import { requireUser } from '../types.js';

export const syncHandlers: HandlerMap<
  'sync.status' | 'sync.enrol' | 'sync.now' | 'sync.conflicts' | 'sync.discardConflict'
> = {
  'sync.status': (_input, { services }) => services.sync.status(),

  'sync.enrol': async (input, ctx) => {
    await ctx.services.sync.enrol(input, requireUser(ctx).username);
    return ctx.services.sync.status();
  },

  'sync.now': (_input, { services }) => services.sync.startNow(),

  'sync.conflicts': (_input, ctx) => {
    const user = requireUser(ctx);
    return ctx.services.sync.records.openConflicts().filter((c) => {
      const state = ctx.services.cases.projection.get(c.caseId);
      return state ? canSeeCase(user, state) : false;
    });
  },

  'sync.discardConflict': (input, ctx) => discardConflict(ctx.services, requireUser(ctx), input),
};
