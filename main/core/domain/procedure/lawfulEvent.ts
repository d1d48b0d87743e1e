/**
 * Whether a case event is lawful from the case's state before it, judged with the workstation's own
 * procedure engine and definitions (main/core/domain/procedure): the procedure and version exist, a
 * case opens at its procedure's start node, an action is one of the procedure's, taken from a node it
 * is available at, by a user holding one of its roles, and goes where the definition says; a track is
 * started from a node it attaches to, by its roles, and not twice at once unless repeatable.
 *
 * Not re-judged here (the workstation judged them when the user acted, with inputs the server does not
 * hold yet): the guards (documents present, officers certified, the fine within the band, deadlines on
 * the bureau's working-day calendar, the legality review) and separation of duties. Pure.
 */
import type { CaseState } from '#common/schemas/cases.js';
import { roleNames, type Role } from '#common/roles.js';
import type { CaseEvent } from '../events.js';
import { mainTrackId, nodeOf, trackOf } from './engine.js';
import { fromNodes, returnToPrevious, targetsOf, type ProcedureDefinition } from './definition.js';

export interface LawContext {
  procedures: ReadonlyMap<string, ProcedureDefinition>;
  /** The roles the server holds for the event's actor (null: not a user of this bureau on the server). */
  actorRoles: readonly Role[] | null;
}

const who = (roles: readonly string[]): string => roles.map((r) => roleNames[r as Role] ?? r).join('或');

function roleProblem(required: readonly string[], ctx: LawContext, what: string): string[] {
  if (!ctx.actorRoles) return [`操作人不是本单位在服务器登记的用户，不能${what}`];
  return required.some((r) => ctx.actorRoles!.includes(r as Role)) ? [] : [`${what}须由${who(required)}执行`];
}

function definition(ctx: LawContext, p: { id?: unknown; version?: unknown } | undefined): ProcedureDefinition | null {
  return p && typeof p.id === 'string' && typeof p.version === 'string'
    ? (ctx.procedures.get(`${p.id}@${p.version}`) ?? null)
    : null;
}

export function lawProblems(state: CaseState | null, e: CaseEvent, ctx: LawContext): string[] {
  if (e.type === 'case.opened') {
    const def = definition(ctx, e.payload.procedure);
    if (!def) return [`未知的程序定义：${String(e.payload.procedure?.id)}@${String(e.payload.procedure?.version)}`];
    if (def.kind !== 'main') return [`“${def.name}”是附加程序，不能据以立案`];
    const problems = e.payload.startNode === def.start ? [] : [`立案时案件应处于“${nodeOf(def, def.start).name}”`];
    if (!ctx.actorRoles) problems.push('操作人不是本单位在服务器登记的用户，不能立案');
    return problems;
  }
  if (!state) return [];
  if (!ctx.actorRoles) return ['操作人不是本单位在服务器登记的用户'];
  if (e.type === 'action.performed') {
    const p = e.payload;
    const track = p.track ?? mainTrackId;
    if (track !== mainTrackId && !state.tracks.some((t) => t.id === track)) return [`案件没有附加程序 ${track}`];
    let t: ReturnType<typeof trackOf>;
    try {
      t = trackOf(state, track, ctx.procedures);
    } catch {
      return ['案件所用的程序定义在服务器上不存在'];
    }
    if (t.ended) return [`${t.name}已办结，不能再执行操作`];
    const action = t.def.actions.find((a) => a.id === p.action);
    if (!action) return [`${t.def.name}中没有操作“${String(p.action)}”`];
    const problems: string[] = [];
    if (!fromNodes(action).includes(t.node)) {
      problems.push(
        `案件当前处于“${nodeOf(t.def, t.node).name}”，“${action.name}”仅在“${fromNodes(action)
          .map((f) => nodeOf(t.def, f).name)
          .join('、')}”时可用`,
      );
    } else if (p.from !== t.node) {
      problems.push(`事件记载的起始环节与案件当前环节（${nodeOf(t.def, t.node).name}）不符`);
    }
    const allowed = action.to === returnToPrevious ? [t.returnTo] : targetsOf(action);
    const moves = Boolean(action.to || action.next);
    if (moves ? !allowed.includes(p.to) : p.to !== null && p.to !== undefined)
      problems.push(`“${action.name}”不能使案件进入“${String(p.to)}”`);
    if (Boolean(p.approval) !== Boolean(action.approval)) problems.push(`“${action.name}”的审批标记与程序定义不符`);
    problems.push(...roleProblem(action.roles, ctx, `“${action.name}”`));
    return problems;
  }
  if (e.type === 'track.started') {
    const p = e.payload;
    const def = definition(ctx, p.procedure);
    if (def?.kind !== 'track' || !def.attach)
      return [`未知的附加程序：${String(p.procedure?.id)}@${String(p.procedure?.version)}`];
    const a = def.attach;
    const problems: string[] = [];
    if (state.closedOn) problems.push('案件已结案，不能再启动附加程序');
    if (!a.procedures.includes(state.procedure.id) || !(a.nodes.includes(state.node) || a.nodes.includes('*')))
      problems.push(`案件当前环节不能启动“${def.name}”`);
    if (!a.repeatable && state.tracks.some((t) => t.procedure.id === def.id && !t.endedOn))
      problems.push(`${def.name}正在进行中`);
    if (state.tracks.some((t) => t.id === p.trackId)) problems.push(`附加程序编号 ${p.trackId} 已被使用`);
    if (p.startNode !== def.start) problems.push(`“${def.name}”应从“${nodeOf(def, def.start).name}”开始`);
    problems.push(...roleProblem(a.roles, ctx, `启动“${def.name}”`));
    return problems;
  }
  return [];
}
