/**
 * Replaying a pending local action on the case as another desk left it (Replicache's rebase): is it
 * still lawful there? The same checks as when the clerk acted — the procedure engine (node, roles,
 * guards, each with its article), separation of duties, the shared lawful-event check for tracks — run
 * on the new state with the actor's roles. If lawful, the action is written again as a new event (its
 * typed data and the date it took effect unchanged, its `from`/`to` as the new state gives them);
 * if not, the caller keeps it as a conflict. Never merged silently.
 */
import type { CaseState } from '#common/schemas/cases.js';
import { applyEvent } from '#core/domain/caseReducer.js';
import type { CaseEvent, CaseEventBody } from '#core/domain/events.js';
import { blockingReasons, mainTrackId, nodeOf, targetOf, trackOf } from '#core/domain/procedure/engine.js';
import { lawProblems } from '#core/domain/procedure/lawfulEvent.js';
import { overriddenBy } from '#core/domain/procedure/override.js';
import { evaluationContext } from '#core/application/caseView.js';
import { procedureOf } from '#core/application/procedureOf.js';
import { checkSeparationOfDuties } from '#core/application/caseAccess.js';
import type { Services } from '#core/services.js';

export type Replayed = { ok: true; body: CaseEventBody } | { ok: false; reasons: string[] };

const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));

export function replayEvent(services: Services, state: CaseState, e: CaseEvent): Replayed {
  const user = services.directory.user(e.actorId);
  if (!user) return { ok: false, reasons: [`操作人${e.actorName}不是本工作站的用户`] };
  if (e.type === 'action.performed') {
    const p = e.payload;
    const track = p.track ?? mainTrackId;
    let t: ReturnType<typeof trackOf>;
    try {
      t = trackOf(state, track, services.procedures);
    } catch {
      return { ok: false, reasons: [`案件没有附加程序 ${track}`] };
    }
    if (t.ended) return { ok: false, reasons: [`${t.name}已办结，不能再执行操作`] };
    const action = t.def.actions.find((a) => a.id === p.action);
    if (!action) return { ok: false, reasons: [`${t.def.name}中没有操作“${p.action}”`] };
    const ectx = evaluationContext(services, state, user.roles);
    const blocked = blockingReasons(t.def, state, action, ectx, p.data, track).filter(
      // A legality rule the head overrode with a written reason stays overridden: the reason is in the event.
      (r) => !overriddenBy(r, p.overrides),
    );
    if (blocked.length)
      return { ok: false, reasons: blocked.map((r) => r.message + (r.citation ? `（${r.citation}）` : '')) };
    try {
      checkSeparationOfDuties(services, user, state, t.def, procedureOf(services, state), action, track);
    } catch (err) {
      return { ok: false, reasons: [messageOf(err)] };
    }
    const to = targetOf(action, state, ectx, p.data, track, t.returnTo);
    const terminal = to ? Boolean(nodeOf(t.def, to).terminal) : false;
    const { terminal: _old, ...rest } = p;
    return {
      ok: true,
      body: { type: 'action.performed', payload: { ...rest, from: t.node, to, ...(terminal ? { terminal } : {}) } },
    };
  }
  // A track's start: where it attaches, by whom, not twice at once (the same check the server runs on push).
  const problems = lawProblems(state, e, { procedures: services.procedures, actorRoles: user.roles });
  if (problems.length) return { ok: false, reasons: problems };
  // Documents, evidence, figures, a dossier: lawful when the new state takes them (the reducer refuses what does not fit).
  const body = { type: e.type, payload: e.payload } as CaseEventBody;
  try {
    applyEvent(state, { ...e, seq: state.version + 1 } as CaseEvent);
  } catch (err) {
    return { ok: false, reasons: [`不能应用到案件的当前状态：${messageOf(err)}`] };
  }
  return { ok: true, body };
}
