/**
 * The procedure engine: interprets a procedure definition (data) against a case's state.
 * Answers the questions the case page asks: where does the case stand, what does the law require
 * next, which actions are lawful now and, for the others, which rule blocks them. Pure.
 */
import type { ActionView, CaseState, CaseView, DeadlineView, ReasonView } from '../../../../common/schemas/cases.js';
import type { Role } from '../../../../common/roles.js';
import { roleNames } from '../../../../common/roles.js';
import type { WorkingCalendar } from '../calendar.js';
import type { ProcedureAction, ProcedureDefinition, ProcedureNode } from './definition.js';
import { runGuard, type GuardContext } from './guards.js';
import { isMet, startDate } from './facts.js';

export interface EvaluationContext {
  today: string;
  calendar: WorkingCalendar;
  roles: readonly Role[];
  documentNames: Record<string, string>;
}

export function nodeOf(def: ProcedureDefinition, id: string): ProcedureNode {
  const n = def.nodes.find((x) => x.id === id);
  if (!n) throw new Error(`procedure ${def.id}@${def.version} has no node ${id}`);
  return n;
}

/** The reasons an action cannot be taken now (empty when it is lawful for these roles). */
export function blockingReasons(
  def: ProcedureDefinition, state: CaseState, action: ProcedureAction, ctx: EvaluationContext, data: Record<string, unknown> = {},
): ReasonView[] {
  const reasons: ReasonView[] = [];
  if (state.node !== action.from) {
    reasons.push({ rule: 'node', message: `案件当前处于“${nodeOf(def, state.node).name}”，此操作仅在“${nodeOf(def, action.from).name}”阶段可用`, citation: '' });
    return reasons;
  }
  if (!action.roles.some((r) => ctx.roles.includes(r as Role))) {
    const who = action.roles.map((r) => roleNames[r as Role] ?? r).join('或');
    reasons.push({ rule: 'role', message: `此操作须由${who}执行`, citation: '行政处罚法第五十七条（负责人审查决定）' });
  }
  const gctx: GuardContext = { state, today: ctx.today, calendar: ctx.calendar, data };
  for (const g of action.guards) {
    // Guards that check the action's own data are judged when the data arrives, not on the page.
    if (g.name.startsWith('data') && Object.keys(data).length === 0) continue;
    const f = runGuard(g.name, g.args, gctx);
    if (f) reasons.push(f);
  }
  return reasons;
}

function deadlines(def: ProcedureDefinition, state: CaseState, ctx: EvaluationContext): DeadlineView[] {
  const out: DeadlineView[] = [];
  for (const rule of def.deadlines) {
    const start = startDate(state, rule.start);
    if (!start) continue;
    const r = rule.unit === 'workingDays' ? ctx.calendar.addWorkingDays(start, rule.length) : ctx.calendar.addCalendarDays(start, rule.length);
    let status: DeadlineView['status'];
    if (isMet(state, rule.metBy)) status = 'met';
    else if (ctx.today > r.dueOn) status = 'overdue';
    else if (ctx.calendar.workingDaysBetween(ctx.today, r.dueOn) <= def.warnAheadWorkingDays) status = 'dueSoon';
    else status = 'running';
    out.push({
      id: rule.id, name: rule.name, startEvent: rule.start, startOn: start, dueOn: r.dueOn, unit: rule.unit,
      length: rule.length, citation: rule.citation, status, calendarIncomplete: r.calendarIncomplete,
    });
  }
  return out;
}

export function evaluateCase(def: ProcedureDefinition, state: CaseState, ctx: EvaluationContext): Omit<CaseView, 'state'> {
  const node = nodeOf(def, state.node);
  const phaseIndex = def.phases.findIndex((p) => p.id === node.phase);
  const phases = def.phases.map((p, i) => ({
    id: p.id, name: p.name,
    status: node.terminal || i < phaseIndex ? 'done' as const : i === phaseIndex ? 'current' as const : 'todo' as const,
  }));
  const gctx: GuardContext = { state, today: ctx.today, calendar: ctx.calendar, data: {} };
  const requirements = node.requirements.map((r) => ({
    text: r.text, done: runGuard(r.guard.name, r.guard.args, gctx) === null, citation: node.citation,
  }));
  const actions: ActionView[] = def.actions.filter((a) => a.from === state.node).map((a) => {
    const reasons = blockingReasons(def, state, a, ctx);
    const kind = a.approval ? 'approval' as const : a.sendBack ? 'sendBack' as const : 'step' as const;
    return { id: a.id, name: a.name, allowed: reasons.length === 0, roles: a.roles, kind, reasons, form: a.form ?? null };
  });
  const documentTypes = node.documents.map((type) => ({
    type, name: ctx.documentNames[type] ?? type, generated: state.documents.some((d) => d.type === type),
  }));
  return {
    nodeName: node.name, nodeCitation: node.citation, phases, actions, requirements,
    deadlines: deadlines(def, state, ctx), documentTypes,
  };
}
