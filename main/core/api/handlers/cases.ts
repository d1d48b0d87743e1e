/**
 * Cases over the transports: the list in the caller's scope, and each operation on a case handed to
 * its use case (application/openCase.ts, performAction.ts, startTrack.ts, caseView.ts, history.ts).
 */
import { caseScope } from '#core/application/caseAccess.js';
import { buildCaseView } from '#core/application/caseView.js';
import { procedureOf } from '#core/application/procedureOf.js';
import { historyOf } from '#core/application/history.js';
import { openCase } from '#core/application/openCase.js';
import { performAction } from '#core/application/performAction.js';
import { startTrack } from '#core/application/startTrack.js';
import type { HandlerMap } from '../types.js';
import { requireUser } from '../types.js';

export const caseHandlers: HandlerMap<
  'cases.list' | 'cases.open' | 'cases.get' | 'cases.act' | 'cases.history' | 'cases.startTrack'
> = {
  'cases.list': (input, ctx) => {
    const { services } = ctx;
    const names = new Map<string, string>();
    for (const def of services.procedures.values())
      if (def.kind === 'main') for (const n of def.nodes) names.set(n.id, n.name);
    return services.cases.projection.list(input, (node) => names.get(node) ?? node, caseScope(requireUser(ctx)));
  },

  'cases.open': (input, ctx) => openCase(ctx.services, requireUser(ctx), input),

  'cases.get': ({ caseId }, ctx) => buildCaseView(ctx.services, ctx.services.cases.get(caseId), requireUser(ctx)),

  'cases.act': (input, ctx) => performAction(ctx.services, requireUser(ctx), input),

  'cases.startTrack': (input, ctx) => startTrack(ctx.services, requireUser(ctx), input),

  'cases.history': ({ caseId }, { services }) => {
    const state = services.cases.get(caseId);
    const main = procedureOf(services, state);
    return historyOf(services.cases.log.forCase(caseId), (track) => {
      if (track === 'main') return main;
      const t = state.tracks.find((x) => x.id === track);
      return t ? services.procedures.get(`${t.procedure.id}@${t.procedure.version}`) : undefined;
    });
  },
};
