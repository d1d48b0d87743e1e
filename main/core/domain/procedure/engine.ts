/**
 * The procedure engine: interprets procedure definitions (data) against a case's state.
 * Answers the questions the case page asks: where does the case stand on its main procedure and on
 * each track running alongside, what does the law require next, which actions are lawful now and,
 * for the others, which rule blocks them. Pure.
 */
import type { ActionView, CaseState, CaseView, StartableTrack, TrackState, TrackView } from '#common/schemas/cases.js';
import type { Role } from '#common/roles.js';
import { roleNames } from '#common/roles.js';
import type { WorkingCalendar } from '../calendar.js';
import type { ReviewContext } from '../legality/review.js';
import { reviewCase } from '../legality/review.js';
import {
  fromNodes,
  returnToPrevious,
  type ProcedureAction,
  type ProcedureDefinition,
  type ProcedureNode,
} from './definition.js';
import { runGuard, type GuardContext, type GuardFailure } from './guards.js';
import { evaluateDeadline, evaluateDeadlines } from './deadlines.js';
import { lateSurcharge } from './surcharge.js';
import { versionInForce } from './versions.js';
import { phasesOf } from './phases.js';
import { overridableNow } from './override.js';

export interface EvaluationContext {
  today: string;
  calendar: WorkingCalendar;
  roles: readonly Role[];
  review: ReviewContext;
  /** Every loaded definition, by `id@version`, for the case's tracks. */
  procedures: ReadonlyMap<string, ProcedureDefinition>;
  /** The bureau's warning horizon; the definition's default when absent. */
  warnAheadWorkingDays?: number;
  /** Document types that have a template (others are listed as 模板待补充). */
  templateTypes?: ReadonlySet<string>;
}

export const mainTrackId = 'main';

export function nodeOf(def: ProcedureDefinition, id: string): ProcedureNode {
  const n = def.nodes.find((x) => x.id === id);
  if (!n) throw new Error(`procedure ${def.id}@${def.version} has no node ${id}`);
  return n;
}

/** The definition and current node of one track of a case (`main` = the main procedure). */
export function trackOf(
  state: CaseState,
  track: string,
  procedures: ReadonlyMap<string, ProcedureDefinition>,
): { def: ProcedureDefinition; node: string; ended: boolean; returnTo: string | null; name: string } {
  const t: (Pick<TrackState, 'procedure' | 'node' | 'returnTo' | 'name'> & { endedOn: string | null }) | undefined =
    track === mainTrackId
      ? { procedure: state.procedure, node: state.node, returnTo: state.returnTo, name: '', endedOn: null }
      : state.tracks.find((x) => x.id === track);
  if (!t) throw new Error(`case ${state.id} has no track ${track}`);
  const def = procedures.get(`${t.procedure.id}@${t.procedure.version}`);
  if (!def) throw new Error(`procedure ${t.procedure.id}@${t.procedure.version} is not loaded`);
  return { def, node: t.node, ended: Boolean(t.endedOn), returnTo: t.returnTo, name: t.name || def.name };
}

function guardContext(
  state: CaseState,
  track: string,
  ctx: EvaluationContext,
  data: Record<string, unknown>,
): GuardContext {
  return { state, track, today: ctx.today, calendar: ctx.calendar, data, review: ctx.review };
}

/** The reasons an action cannot be taken now (empty when it is lawful for these roles). */
export function blockingReasons(
  def: ProcedureDefinition,
  state: CaseState,
  action: ProcedureAction,
  ctx: EvaluationContext,
  data: Record<string, unknown> = {},
  track = mainTrackId,
): GuardFailure[] {
  const current = track === mainTrackId ? state.node : (state.tracks.find((t) => t.id === track)?.node ?? '');
  if (!fromNodes(action).includes(current)) {
    const at = fromNodes(action)
      .map((f) => nodeOf(def, f).name)
      .join('、');
    return [
      { rule: 'node', message: `案件当前处于“${nodeOf(def, current).name}”，此操作仅在“${at}”时可用`, citation: '' },
    ];
  }
  const reasons: GuardFailure[] = [];
  if (!action.roles.some((r) => ctx.roles.includes(r as Role))) {
    const who = action.roles.map((r) => roleNames[r as Role] ?? r).join('或');
    reasons.push({ rule: 'role', message: `此操作须由${who}执行`, citation: '行政处罚法第五十七条（负责人审查决定）' });
  }
  const gctx = guardContext(state, track, ctx, data);
  for (const g of action.guards) {
    // Guards that check the action's own data are judged when the data arrives, not on the page.
    if (g.name.startsWith('data') && Object.keys(data).length === 0) continue;
    reasons.push(...runGuard(g.name, g.args, gctx));
  }
  return reasons;
}

/** Where an action takes the track: its `to`, the first `next` whose condition holds, or back before 中止. */
export function targetOf(
  action: ProcedureAction,
  state: CaseState,
  ctx: EvaluationContext,
  data: Record<string, unknown>,
  track = mainTrackId,
  returnTo: string | null = null,
): string | null {
  if (action.next) {
    const gctx = guardContext(state, track, ctx, data);
    const hit = action.next.find((n) => !n.when || runGuard(n.when.name, n.when.args, gctx).length === 0);
    return hit?.to ?? null;
  }
  if (action.to === returnToPrevious) return returnTo;
  return action.to ?? null;
}

function actionViews(
  def: ProcedureDefinition,
  state: CaseState,
  node: string,
  ctx: EvaluationContext,
  track: string,
): ActionView[] {
  return def.actions
    .filter((a) => fromNodes(a).includes(node))
    .map((a) => {
      const reasons = blockingReasons(def, state, a, ctx, {}, track);
      const kind = a.approval ? ('approval' as const) : a.sendBack ? ('sendBack' as const) : ('step' as const);
      return {
        id: a.id,
        name: a.name,
        allowed: reasons.length === 0,
        roles: a.roles,
        kind,
        reasons,
        form: a.form ?? null,
        track,
        overridable: overridableNow(a, reasons, ctx.roles),
      };
    });
}

function nodeParts(def: ProcedureDefinition, state: CaseState, nodeId: string, ctx: EvaluationContext, track: string) {
  const node = nodeOf(def, nodeId);
  const gctx = guardContext(state, track, ctx, {});
  return {
    node,
    phases: phasesOf(def, node, state, (name, args) => runGuard(name, args, gctx), track),
    actions: actionViews(def, state, nodeId, ctx, track),
    requirements: node.requirements.map((r) => ({
      text: r.text,
      done: runGuard(r.guard.name, r.guard.args, gctx).length === 0,
      citation: node.citation,
    })),
    documentTypes: node.documents.map((type) => ({
      type,
      name: ctx.review.documentName(type).replace(/^《|》$/g, ''),
      generated: state.documents.some((d) => d.type === type),
      hasTemplate: ctx.templateTypes ? ctx.templateTypes.has(type) : true,
    })),
  };
}

/** The newest version of each track procedure a user may start from the case's current main node. */
export function startableTracks(state: CaseState, ctx: EvaluationContext): StartableTrack[] {
  // The version a track started today would follow (its effectiveFrom, e.g. the Code's 2026-08-15).
  const newest = new Map<string, ProcedureDefinition>();
  for (const d of ctx.procedures.values()) {
    if (d.kind !== 'track' || !d.attach || newest.has(d.id)) continue;
    const inForce = versionInForce(ctx.procedures.values(), d.id, ctx.today);
    if (inForce) newest.set(d.id, inForce);
  }
  const out: StartableTrack[] = [];
  for (const d of newest.values()) {
    const a = d.attach!;
    if (!a.procedures.includes(state.procedure.id) || !(a.nodes.includes(state.node) || a.nodes.includes('*')))
      continue;
    if (state.closedOn) continue;
    const reasons: GuardFailure[] = [];
    if (!a.repeatable && state.tracks.some((t) => t.procedure.id === d.id && !t.endedOn))
      reasons.push({ rule: 'trackRunning', message: `${d.name}正在进行中`, citation: a.citation });
    if (!a.roles.some((r) => ctx.roles.includes(r as Role)))
      reasons.push({
        rule: 'role',
        message: `须由${a.roles.map((r) => roleNames[r as Role] ?? r).join('或')}启动`,
        citation: a.citation,
      });
    out.push({ procedure: d.id, name: d.name, citation: a.citation, allowed: reasons.length === 0, reasons });
  }
  return out;
}

function trackView(state: CaseState, t: TrackState, ctx: EvaluationContext): TrackView {
  const { def } = trackOf(state, t.id, ctx.procedures);
  const parts = nodeParts(def, state, t.node, ctx, t.id);
  return {
    id: t.id,
    name: t.name,
    nodeName: parts.node.name,
    nodeCitation: parts.node.citation,
    ended: Boolean(t.endedOn),
    phases: parts.phases,
    actions: t.endedOn ? [] : parts.actions,
    requirements: parts.requirements,
    documentTypes: parts.documentTypes,
  };
}

export function evaluateCase(
  def: ProcedureDefinition,
  state: CaseState,
  ctx: EvaluationContext,
): Omit<CaseView, 'state' | 'legalBasis' | 'documentGates'> {
  const parts = nodeParts(def, state, state.node, ctx, mainTrackId);
  const dctx = {
    today: ctx.today,
    calendar: ctx.calendar,
    warnAheadWorkingDays: ctx.warnAheadWorkingDays ?? def.warnAheadWorkingDays,
  };
  const deadlines = [
    ...evaluateDeadlines(def.deadlines, state, mainTrackId, dctx),
    ...state.tracks.flatMap((t) =>
      evaluateDeadlines(trackOf(state, t.id, ctx.procedures).def.deadlines, state, t.id, dctx),
    ),
  ];
  const paymentRule = def.deadlines.find((d) => d.id === 'payment');
  const payment = paymentRule ? evaluateDeadline(paymentRule, state, mainTrackId, dctx) : null;
  const surcharge =
    payment && payment.status === 'overdue' && state.decision
      ? lateSurcharge(state.decision.fine, payment.dueOn, ctx.today)
      : null;
  return {
    nodeName: parts.node.name,
    nodeCitation: parts.node.citation,
    phases: parts.phases,
    actions: parts.actions,
    requirements: parts.requirements,
    deadlines,
    documentTypes: parts.documentTypes,
    tracks: state.tracks.map((t) => trackView(state, t, ctx)),
    startableTracks: startableTracks(state, ctx),
    legality: parts.node.review ? reviewCase(state, ctx.review, parts.node.review) : null,
    surcharge,
    suspended: state.returnTo !== null,
  };
}
