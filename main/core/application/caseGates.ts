/**
 * the case view says what this user may not do on this case although the procedure would
 * allow it, and why — so the page offers only what the core will accept:
 * - an action blocked by separation of duties (api/caseAccess.ts `dutiesConflict`: the approver is
 *   not the submitter, a reviewer does not review his own investigation) gets `blockedBy`, `allowed`
 *   false and the rule among its reasons;
 * - a document that may not be sealed yet (api/sealGate.ts) is listed in `documentGates`.
 */
import type { ActionView, CaseState, CaseView } from '#common/schemas/cases.js';
import { documentSlot } from '#core/documents/names.js';
import { mainTrackId, trackOf } from '#core/domain/procedure/engine.js';
import type { ProcedureDefinition } from '#core/domain/procedure/definition.js';
import type { Services } from '#core/services.js';
import type { UserRow } from '#core/store/directory.js';
import { dutiesConflict } from './caseAccess.js';
import { procedureOf } from './procedureOf.js';
import { sealBlockOf } from './sealGate.js';

export function withCaseGates(
  services: Services,
  state: CaseState,
  user: UserRow,
  view: Omit<CaseView, 'documentGates'>,
): CaseView {
  const mainDef = procedureOf(services, state);
  let events: ReturnType<Services['cases']['log']['forCase']> | undefined;
  const gate =
    (def: ProcedureDefinition, track: string) =>
    (a: ActionView): ActionView => {
      // An action the user's role cannot do says so already; duties only matter for one he could do.
      if (a.reasons.some((r) => r.rule === 'role')) return a;
      const action = def.actions.find((x) => x.id === a.id);
      if (!action) return a;
      events ??= services.cases.log.forCase(state.id);
      const conflict = dutiesConflict(services, user, state, def, mainDef, action, track, events);
      if (!conflict) return a;
      return {
        ...a,
        allowed: false,
        // Separation of duties is no legality-review rule: no head may write his way past it.
        overridable: false,
        blockedBy: { rule: 'separationOfDuties', article: conflict.article, message: conflict.reason },
        reasons: [...a.reasons, { rule: 'separationOfDuties', message: conflict.reason, citation: conflict.article }],
      };
    };
  const actions = view.actions.map(gate(mainDef, mainTrackId));
  const tracks = view.tracks.map((t) => ({
    ...t,
    actions: t.actions.map(gate(trackOf(state, t.id, services.procedures).def, t.id)),
  }));

  const newest = new Map(state.documents.map((d) => [documentSlot(d), d.id]));
  const documentGates = state.documents
    .filter((d) => !d.finalised && newest.get(documentSlot(d)) === d.id)
    .flatMap((d) => {
      const block = sealBlockOf(services, state, d);
      return block ? [{ documentId: d.id, action: 'finalise' as const, blockedBy: block.blockedBy }] : [];
    });
  return { ...view, actions, tracks, documentGates };
}
