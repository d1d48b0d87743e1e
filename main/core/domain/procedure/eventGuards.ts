/**
 * The guards of a recorded event, judged again from the case's state before it: what the workstation's
 * engine checked when the clerk acted (documents present, certified officers, the fine within its band,
 * periods on the working-day calendar, the legality review and who may override it, the branch the data
 * decides, separation of duties) and, at 立案, the officers, the dates and the limitation period. The
 * provincial server runs it on every pushed event after `lawProblems` (lawfulEvent.ts: procedure, node,
 * roles), with the reference data it holds, so a forged push cannot record what the law forbids.
 *
 * "Today" is the day the action recorded (`on`), which may not lie after the day the event was recorded
 * (`at`): the workstation writes both from one clock, and the server bounds `at` by its own clock. Pure.
 */
import type { CaseState } from '#common/schemas/cases.js';
import type { ArticleMapEntry } from '#common/schemas/laws.js';
import type { TemporalRules } from '#common/schemas/legalBasis.js';
import type { ViolationType } from '#common/schemas/reference.js';
import type { Role } from '#common/roles.js';
import type { WorkingCalendar } from '../calendar.js';
import { isValidDate } from '../dates.js';
import type { CaseEvent } from '../events.js';
import type { HearingThreshold } from '../hearingThreshold.js';
import { caseLegalBasisOf } from '../legalBasis/caseBasis.js';
import type { LawPeriods } from '../legalBasis/lawPeriods.js';
import type { ReviewContext } from '../legality/review.js';
import { limitationProblem } from '../limitation.js';
import type { ProcedureDefinition } from './definition.js';
import { dutiesConflictOf, type DutyActor, type LoggedEvent } from './duties.js';
import { blockingReasons, mainTrackId, nodeOf, targetOf, trackOf, type EvaluationContext } from './engine.js';
import { runGuard, twoCertifiedOfficersFailure, type GuardFailure } from './guards.js';
import { mayOverrideLegality, minOverrideReason, overriddenBy } from './override.js';

/** The reference data the guards read besides the case: the same the workstation's engine is given. */
export interface RuleFacts {
  calendar: WorkingCalendar;
  /** The types of the discretion benchmark in use when the event was recorded. */
  violations: readonly ViolationType[];
  /** resources/laws: the article map, when laws took effect and were repealed, 从旧兼从轻 and limitation as data. */
  law: { articleMap: readonly ArticleMapEntry[]; periods: LawPeriods; temporal: TemporalRules };
  hearingThreshold: HearingThreshold;
  /** Document types that carry a number (文号). */
  numberedTypes: ReadonlySet<string>;
  documentName: (type: string) => string;
}

export interface GuardJudgeContext {
  procedures: ReadonlyMap<string, ProcedureDefinition>;
  /** The account that acted, with the roles the judge holds for it; null when unknown (lawProblems says so). */
  actor: DutyActor | null;
  /** The case's events before this one: separation of duties reads who did what. */
  events: readonly LoggedEvent[];
  facts: RuleFacts;
  /** The calendar day (China) the event was recorded on: the day of its `at`. */
  recordedOn: string;
}

const fail = (rule: string, message: string, citation = ''): GuardFailure => ({ rule, message, citation });

/** The context the workstation's engine gets (application/caseView.ts evaluationContext), on `today`. */
export function ruleContext(
  state: CaseState,
  today: string,
  roles: readonly Role[],
  procedures: ReadonlyMap<string, ProcedureDefinition>,
  facts: RuleFacts,
): EvaluationContext {
  const main = procedures.get(`${state.procedure.id}@${state.procedure.version}`);
  const index = { types: facts.violations, map: facts.law.articleMap, periods: facts.law.periods };
  const review: ReviewContext = {
    today,
    legalBasis: caseLegalBasisOf(index, facts.law.temporal, state, today),
    calendar: facts.calendar,
    hearingThreshold: facts.hearingThreshold,
    thresholds: Object.fromEntries(Object.entries(main?.thresholds ?? {}).map(([k, v]) => [k, v.value])),
    numberedTypes: facts.numberedTypes,
    documentName: facts.documentName,
  };
  return { today, calendar: facts.calendar, roles, procedures, review };
}

function openingFailures(e: Extract<CaseEvent, { type: 'case.opened' }>, ctx: GuardJudgeContext): GuardFailure[] {
  const p = e.payload;
  const out: GuardFailure[] = [];
  if (!isValidDate(String(p.filedOn)) || !isValidDate(String(p.discoveredOn)))
    return [fail('caseDates', '立案日期或发现日期不是有效日期')];
  if (p.filedOn > ctx.recordedOn)
    out.push(fail('filedInFuture', `立案日期（${p.filedOn}）晚于立案记录的日期（${ctx.recordedOn}）`));
  if (p.discoveredOn > p.filedOn)
    out.push(fail('discoveredAfterFiling', `发现日期（${p.discoveredOn}）不能晚于立案日期（${p.filedOn}）`));
  const officers = Array.isArray(p.officers) ? p.officers : [];
  const short = twoCertifiedOfficersFailure(officers, ctx.recordedOn);
  if (short) out.push(short);
  // The event does not record whether the act caused serious or pollution harm (five years instead of
  // two): judged with the longer period, so only a case lapsed in every reading is refused.
  const lapsed = limitationProblem(
    {
      violationOn: p.violationOn ?? null,
      continuing: Boolean(p.continuing),
      discoveredOn: p.discoveredOn,
      seriousHarm: true,
      pollutionHarm: true,
    },
    ctx.facts.law.temporal.limitation,
  );
  if (lapsed) out.push(fail('limitation', lapsed, '行政处罚法第三十六条；生态环境法典第一千零五十四条'));
  return out;
}

function actionFailures(
  state: CaseState,
  e: Extract<CaseEvent, { type: 'action.performed' }>,
  ctx: GuardJudgeContext,
): GuardFailure[] {
  const p = e.payload;
  const track = p.track ?? mainTrackId;
  let t: ReturnType<typeof trackOf>;
  try {
    t = trackOf(state, track, ctx.procedures);
  } catch {
    return []; // lawProblems names the missing track or definition
  }
  const action = t.def.actions.find((a) => a.id === p.action);
  const mainDef = ctx.procedures.get(`${state.procedure.id}@${state.procedure.version}`);
  if (!action || !mainDef || !ctx.actor || t.ended) return [];
  const on = String(p.on);
  if (!isValidDate(on)) return [fail('actionDate', `操作日期不是有效日期：${on}`)];
  if (on > ctx.recordedOn)
    return [fail('actionDate', `操作日期（${on}）晚于事件记录的日期（${ctx.recordedOn}）：期限不能以未来的日期计算`)];
  const data = p.data && typeof p.data === 'object' ? p.data : {};
  const ectx = ruleContext(state, on, ctx.actor.roles, ctx.procedures, ctx.facts);
  // The node and the roles are lawProblems' part; here the guards, each with its article.
  const reasons = blockingReasons(t.def, state, action, ectx, data, track).filter(
    (r) => r.rule !== 'node' && r.rule !== 'role',
  );
  // The engine leaves the data guards to the moment data arrives; a recorded action with none is judged on none.
  if (Object.keys(data).length === 0) {
    const gctx = { state, track, today: on, calendar: ectx.calendar, data, review: ectx.review };
    for (const g of action.guards.filter((x) => x.name.startsWith('data')))
      reasons.push(...runGuard(g.name, g.args, gctx));
  }
  const out = reasons.filter((r) => !overriddenBy(r, p.overrides));
  const overrides = p.overrides ?? [];
  if (overrides.length) {
    if (!action.overridable) out.push(fail('override', `“${action.name}”不允许越过合法性审查`, '行政处罚法第五十七条'));
    if (!mayOverrideLegality(ctx.actor.roles))
      out.push(fail('override', '只有负责人可以在合法性审查未通过时决定继续办理', '行政处罚法第五十七条'));
    if (overrides.some((o) => String(o.reason ?? '').trim().length < minOverrideReason))
      out.push(fail('override', `越过合法性审查须写明继续办理的理由（至少${minOverrideReason}个字）`));
  }
  if (action.next) {
    const to = targetOf(action, state, ectx, data, track, t.returnTo);
    if (to !== (p.to ?? null))
      out.push(
        fail(
          'target',
          `按所填内容，“${action.name}”应使案件进入“${to ? nodeOf(t.def, to).name : '（无）'}”，事件记载的却是“${String(p.to)}”`,
        ),
      );
  }
  const duties = dutiesConflictOf(ctx.actor, state, t.def, mainDef, action, track, ctx.events);
  if (duties) out.push(fail('separationOfDuties', duties.reason, duties.article));
  return out;
}

/** The rules a recorded event breaks, from the case's state before it (empty: lawful). */
export function guardFailures(state: CaseState | null, e: CaseEvent, ctx: GuardJudgeContext): GuardFailure[] {
  if (e.type === 'case.opened') return openingFailures(e, ctx);
  if (state && e.type === 'action.performed') return actionFailures(state, e, ctx);
  return [];
}
