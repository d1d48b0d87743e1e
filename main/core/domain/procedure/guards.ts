/**
 * Guards by name: the legal conditions a procedure definition refers to. Each returns null when
 * satisfied, or the reason (Chinese, with the article it rests on) when not. Pure functions.
 */
import type { CaseState } from '../../../../common/schemas/cases.js';
import type { WorkingCalendar } from '../calendar.js';
import { fineBandProblem } from '../fines.js';
import { defencePeriod, noticeServedOn } from './facts.js';

export interface GuardContext {
  state: CaseState;
  today: string;
  calendar: WorkingCalendar;
  /** The data of the action being attempted, when there is one. */
  data: Record<string, unknown>;
}

export interface GuardFailure { rule: string; message: string; citation: string }
type Guard = (ctx: GuardContext, args: Record<string, unknown>) => GuardFailure | null;

const fail = (rule: string, message: string, citation: string): GuardFailure => ({ rule, message, citation });

const guards: Record<string, Guard> = {
  never: () => fail('never', '等待审批', ''),

  hasDocument: ({ state }, args) => {
    const type = String(args.type);
    const docs = state.documents.filter((d) => d.type === type);
    const field = args.field as string | undefined;
    const ok = field ? docs.some((d) => d.fields[field] === args.equals) : docs.length > 0;
    if (ok) return null;
    const what = field ? `${String(args.equals)}的${documentName(type)}` : documentName(type);
    return fail('hasDocument', `尚未制作${what}`, '行政处罚法第四十七条（全过程记录）');
  },

  hasEvidence: ({ state }, args) => {
    const min = Number(args.min ?? 1);
    const n = state.evidence.filter((e) => e.kind === args.kind).length;
    return n >= min ? null : fail('hasEvidence', `至少需要${min}份现场照片证据，目前${n}份`, '行政处罚法第四十六条、第五十四条');
  },

  twoCertifiedOfficers: ({ state, today }) => {
    const valid = state.officers.filter((o) => o.certificateValidUntil >= today);
    return valid.length >= 2 ? null
      : fail('twoCertifiedOfficers', `执法人员不得少于两人且须持有有效执法证件，目前有效${valid.length}人`, '行政处罚法第四十二条、第五十五条');
  },

  hasReport: ({ state }) => (state.report ? null : fail('hasReport', '尚未提交调查报告', '行政处罚法第五十七条')),

  dataFineWithinBand: ({ state, data }) => {
    const fine = Number(data.proposedFine);
    const investment = data.investment == null || data.investment === '' ? null : Number(data.investment);
    const p = fineBandProblem(state.violation.band, fine, investment);
    return p ? fail('fineWithinBand', p, `${state.violation.penaltyArticle.law}${state.violation.penaltyArticle.article}`) : null;
  },

  fineWithinBand: ({ state }) => {
    if (!state.report) return fail('fineWithinBand', '尚无拟处罚金额', '行政处罚法第五十七条');
    const p = fineBandProblem(state.violation.band, state.report.proposedFine, state.report.investment);
    return p ? fail('fineWithinBand', p, `${state.violation.penaltyArticle.law}${state.violation.penaltyArticle.article}`) : null;
  },

  noticeServedBeforeDecision: ({ state }) => (noticeServedOn(state) ? null
    : fail('noticeServedBeforeDecision', '作出处罚决定前须告知当事人拟处罚内容及事实、理由、依据和权利，并送达告知书', '行政处罚法第四十四条、第六十二条')),

  defencePeriodOver: ({ state, today, calendar }) => {
    const served = noticeServedOn(state);
    if (!served) return fail('defencePeriodOver', '告知书尚未送达', '行政处罚法第四十四条');
    if (state.defence.statements.some((s) => s.waived)) return null;
    const period = defencePeriod(state, calendar);
    if (period && today > period.dueOn) return null;
    return fail('defencePeriodOver', `陈述申辩及申请听证期限尚未届满（至${period?.dueOn ?? '?'}），当事人亦未书面放弃`, '行政处罚法第四十五条、第六十三条、第六十四条、第八十五条');
  },

  fineNotRaisedAfterDefence: ({ state }) => {
    if (!state.report || state.noticedFine == null || state.defence.statements.length === 0) return null;
    return state.report.proposedFine <= state.noticedFine ? null
      : fail('fineNotRaisedAfterDefence', `不得因当事人陈述申辩而加重处罚（告知金额${state.noticedFine}元，现${state.report.proposedFine}元）`, '行政处罚法第四十五条第二款');
  },

  decisionWithinTimeLimit: ({ state, today, calendar }) => {
    const due = calendar.addCalendarDays(state.filedOn, 90).dueOn;
    return today <= due ? null
      : fail('decisionWithinTimeLimit', `已超过立案之日起九十日的决定期限（${due}），须有延期批准记录`, '行政处罚法第六十条');
  },

  paidInFull: ({ state }) => {
    const fine = state.decision?.fine ?? 0;
    const paid = state.payments.reduce((s, p) => s + p.amount, 0);
    return paid >= fine && fine > 0 ? null : fail('paidInFull', `罚款${fine}元，已缴${paid}元，尚未缴清`, '行政处罚法第六十六条、第六十七条');
  },
};

export const knownGuards: ReadonlySet<string> = new Set(Object.keys(guards));

export function runGuard(name: string, args: Record<string, unknown> | undefined, ctx: GuardContext): GuardFailure | null {
  const g = guards[name];
  if (!g) return fail(name, `未知的条件：${name}`, '');
  return g(ctx, args ?? {});
}

const documentNames: Record<string, string> = {
  'filing-approval': '《立案审批表》',
  'inspection-record': '《现场检查(勘察)笔录》',
  'interview-record': '《调查询问笔录》',
  'penalty-notice': '《行政处罚事先告知书》',
  'penalty-decision': '《行政处罚决定书》',
  'service-receipt': '《送达回证》',
  'closing-approval': '《结案审批表》',
};
function documentName(type: string): string {
  return documentNames[type] ?? `《${type}》`;
}
