/**
 * Guards by name: the legal conditions a procedure definition refers to. Each returns null when
 * satisfied, or the reason(s) (Chinese, with the article each rests on) when not. Pure functions.
 * Guards whose name starts with `data` judge the data of the action being attempted.
 */
import type { CaseState } from '#common/schemas/cases.js';
import type { WorkingCalendar } from '../calendar.js';
import { addDays } from '../dates.js';
import { fineBandProblem } from '../fines.js';
import {
  collectiveDiscussionRequired,
  collectiveNotRequiredWhy,
  hearingHeld,
  legalReviewRequired,
  legalReviewNotRequiredWhy,
  reviewCase,
  type ReviewContext,
} from '../legality/review.js';
import { appliedProvision } from '../legalBasis/applied.js';
import { defencePeriod, isMet, lastStep, noticeServedOn, startDate, stepsOf } from './facts.js';
import { lastFileChange } from '../lastFileChange.js'; // shared with the 电子档案包 export
import { documentTypeName, servedDocumentType } from '#common/documentTypeNames.js';
import { servedDocumentField } from './servedDocument.js';

export interface GuardContext {
  state: CaseState;
  /** `main` or the id of the track the action or requirement belongs to. */
  track: string;
  today: string;
  calendar: WorkingCalendar;
  /** The data of the action being attempted, when there is one. */
  data: Record<string, unknown>;
  review: ReviewContext;
}

/**
 * Why a rule blocks: its id (`rule`), the article it rests on (`citation`) and the sentence for the user
 * (`message`). A failed check of the legality review also names the check as data (`review`), so a
 * head's override records which rule it set aside without reading it back out of the sentence.
 */
export interface GuardFailure {
  rule: string;
  message: string;
  citation: string;
  review?: { check: string; name: string };
}
type Guard = (ctx: GuardContext, args: Record<string, unknown>) => GuardFailure | GuardFailure[] | null;

const fail = (rule: string, message: string, citation: string): GuardFailure => ({ rule, message, citation });
const str = (v: unknown): string => (typeof v === 'string' ? v : '');
const cite = (args: Record<string, unknown>, fallback: string): string => str(args.citation) || fallback;

/** Adds a period to a date by the unit the law uses (working days for short periods, art. 85 / 强制法 art. 69). */
function periodEnd(calendar: WorkingCalendar, start: string, length: number, unit: unknown): string {
  if (unit === 'workingDays') return calendar.addWorkingDays(start, length).dueOn;
  if (unit === 'hours') return addDays(start, Math.ceil(length / 24));
  if (unit === 'months') return calendar.addMonths(start, length).dueOn;
  return calendar.addCalendarDays(start, length).dueOn;
}

const guards: Record<string, Guard> = {
  never: () => fail('never', '等待审批', ''),

  hasDocument: ({ state, review }, args) => {
    const type = String(args.type);
    const docs = state.documents.filter((d) => d.type === type);
    const field = args.field as string | undefined;
    // A receipt names what it serves by type id; a definition written before ids, by its Chinese name.
    const served = field === servedDocumentField;
    const want = served ? servedDocumentType(String(args.equals)) : args.equals;
    const ok = field ? docs.some((d) => d.fields[field] === want) : docs.length > 0;
    if (ok) return null;
    const whose = served ? documentTypeName(String(want)) : String(args.equals);
    const what = field ? `${whose}的${review.documentName(type)}` : review.documentName(type);
    return fail('hasDocument', `尚未制作${what}`, '行政处罚法第四十七条（全过程记录）');
  },

  /**
   * 归档 files the binding that was made: bound after the last change to the documents and evidence,
   * with the 保管期限 and the number of volumes chosen now, so the bound covers, the printed 卷宗封面,
   * the 备考表 and the archive record agree.
   */
  dataDossierMatchesArchive: ({ state, data }) => {
    const citation = '行政处罚法第四十七条；档案法实施条例第十九条';
    const d = state.dossier;
    if (!d) return fail('dossierBuilt', '尚未组卷：请先选择保管期限组卷，再归档', citation);
    if (lastFileChange(state) > d.builtAt)
      return fail(
        'dossierCurrent',
        `组卷（${d.builtAt.slice(0, 10)}）之后文书或证据又有变动：请重新组卷后归档`,
        citation,
      );
    const problems: GuardFailure[] = [];
    if (d.retention !== data.retention) {
      problems.push(
        fail(
          'dossierRetention',
          `归档选择的保管期限“${str(data.retention)}”与卷宗封面的保管期限“${d.retention ?? '未选择'}”不一致：请按所选保管期限重新组卷`,
          citation,
        ),
      );
    }
    const bound = d.volumes?.length ?? 1;
    if (data.volumes !== undefined && Number(data.volumes) !== bound) {
      problems.push(
        fail('dossierVolumes', `归档填写的卷数（${String(data.volumes)}）与组卷装订的卷数（${bound}）不一致`, citation),
      );
    }
    return problems.length ? problems : null;
  },

  /** The newest version of a document is finalised (定稿盖章): what is served is the sealed document (处罚法 art. 59(2)). */
  documentFinalised: ({ state, review }, args) => {
    const type = String(args.type);
    const doc = state.documents.filter((d) => d.type === type).at(-1);
    if (doc?.finalised) return null;
    const name = review.documentName(type);
    return fail(
      'documentFinalised',
      doc ? `${name}尚未定稿盖章，不能送达：送达的应是盖有本机关印章的${name}` : `尚未制作${name}`,
      cite(args, '行政处罚法第五十九条第二款'),
    );
  },

  hasEvidence: ({ state }, args) => {
    const min = Number(args.min ?? 1);
    const n = state.evidence.filter((e) => e.kind === args.kind).length;
    return n >= min
      ? null
      : fail(
          'hasEvidence',
          `至少需要${min}份${evidenceNames[String(args.kind)] ?? '证据'}，目前${n}份`,
          '行政处罚法第四十六条、第五十四条',
        );
  },

  twoCertifiedOfficers: ({ state, today }) => twoCertifiedOfficersFailure(state.officers, today),

  hasReport: ({ state }) => (state.report ? null : fail('hasReport', '尚未提交调查报告', '行政处罚法第五十七条')),

  dataFineWithinBand: ({ state, data, review }) => {
    const fine = Number(data.proposedFine ?? data.fine);
    if (data.warning === true && !fine) return null;
    const investment = data.investment == null || data.investment === '' ? null : Number(data.investment);
    const applied = appliedProvision(state, review.legalBasis);
    const p = fineBandProblem(applied.band, fine, investment);
    return p ? fail('fineWithinBand', p, applied.citation) : null;
  },

  fineWithinBand: ({ state, review }) => {
    if (!state.report) return fail('fineWithinBand', '尚无拟处罚金额', '行政处罚法第五十七条');
    const applied = appliedProvision(state, review.legalBasis);
    const p = fineBandProblem(applied.band, state.report.proposedFine, state.report.investment);
    return p ? fail('fineWithinBand', p, applied.citation) : null;
  },

  /** 简易程序: a warning, or a fine of at most 200 yuan for a citizen / 3,000 yuan for an organisation (art. 51). */
  dataWithinSummaryLimit: ({ state, data }) => {
    const fine = Number(data.fine ?? 0);
    const limit = state.partyKind === 'individual' ? 200 : 3000;
    if (!data.warning && !(fine > 0)) return fail('summaryLimit', '简易程序须给予警告或者罚款', '行政处罚法第五十一条');
    return fine <= limit
      ? null
      : fail(
          'summaryLimit',
          `简易程序罚款不得超过${limit}元（${state.partyKind === 'individual' ? '公民' : '法人或者其他组织'}），本案应适用普通程序`,
          '行政处罚法第五十一条',
        );
  },

  noticeServedBeforeDecision: ({ state }) =>
    noticeServedOn(state)
      ? null
      : fail(
          'noticeServedBeforeDecision',
          '作出处罚决定前须告知当事人拟处罚内容及事实、理由、依据和权利，并送达告知书',
          '行政处罚法第四十四条、第六十二条',
        ),

  defencePeriodOver: ({ state, today, calendar }) => {
    const served = noticeServedOn(state);
    if (!served) return fail('defencePeriodOver', '告知书尚未送达', '行政处罚法第四十四条');
    if (state.defence.statements.some((s) => s.waived)) return null;
    const period = defencePeriod(state, calendar);
    if (period && today > period.dueOn) return null;
    return fail(
      'defencePeriodOver',
      `陈述申辩及申请听证期限尚未届满（至${period?.dueOn ?? '?'}），当事人亦未书面放弃`,
      '行政处罚法第四十五条、第六十三条、第六十四条、第八十五条',
    );
  },

  /** 听证 must be asked for within 5 working days of the notice's service (art. 64(1)). */
  dataWithinHearingRequestPeriod: ({ state, data, calendar }) => {
    const period = defencePeriod(state, calendar);
    const on = str(data.requestedOn);
    if (!period) return fail('hearingRequestPeriod', '告知书尚未送达', '行政处罚法第六十四条');
    return on && on <= period.dueOn
      ? null
      : fail(
          'hearingRequestPeriod',
          `当事人应在告知书送达后五个工作日内（至${period.dueOn}）提出听证申请，${on}已逾期`,
          '行政处罚法第六十四条第一项、第八十五条',
        );
  },

  /** The hearing notice reaches the party 7 (working) days before the hearing (art. 64(2), art. 85). */
  dataHearingNoticedSevenDaysAhead: ({ data, calendar }) => {
    const notified = str(data.notifiedOn);
    const hearingOn = str(data.hearingOn);
    if (!notified || !hearingOn) return fail('hearingNotice', '请填写通知日期和听证日期', '行政处罚法第六十四条第二项');
    const earliest = calendar.addWorkingDays(notified, 7).dueOn;
    return hearingOn >= earliest
      ? null
      : fail(
          'hearingNotice',
          `应当在举行听证的七日前通知当事人：${notified}通知，听证最早为${earliest}`,
          '行政处罚法第六十四条第二项、第八十五条',
        );
  },

  /** The presiding officer is not one of the case's investigators (art. 64(4)). */
  dataPresiderNotInvestigator: ({ state, data }) => {
    const presider = str(data.presider).trim();
    return presider && !state.officers.some((o) => o.name === presider)
      ? null
      : fail(
          'hearingPresider',
          `听证主持人应由非本案调查人员担任（${presider || '未填写'}）`,
          '行政处罚法第六十四条第四项',
        );
  },

  fineNotRaisedAfterDefence: ({ state }) => {
    if (!state.report || state.noticedFine == null || state.defence.statements.length === 0) return null;
    return state.report.proposedFine <= state.noticedFine
      ? null
      : fail(
          'fineNotRaisedAfterDefence',
          `不得因当事人陈述申辩而加重处罚（告知金额${state.noticedFine}元，现${state.report.proposedFine}元）`,
          '行政处罚法第四十五条第二款',
        );
  },

  dataFineNotRaised: ({ state, data }) => {
    const fine = Number(data.proposedFine);
    if (state.noticedFine == null || !Number.isFinite(fine)) return null;
    return fine <= state.noticedFine
      ? null
      : fail(
          'fineNotRaisedAfterDefence',
          `复核后的拟罚款${fine}元高于告知金额${state.noticedFine}元：不得因陈述申辩加重处罚；如有新的违法事实，应重新告知`,
          '行政处罚法第四十五条第二款',
        );
  },

  newFactsRaised: ({ state }) =>
    state.defence.statements.some((s) => s.newFacts)
      ? null
      : fail('newFactsRaised', '当事人未提出新的事实、理由或者证据，无须复核', '行政处罚法第四十五条第一款'),

  decisionWithinTimeLimit: ({ state, today, calendar }) => {
    const limit = calendar.addCalendarDays(state.filedOn, 90).dueOn;
    const ext = lastStep(state, 'main', 'extendDecisionLimit');
    const due = typeof ext?.data.newDueOn === 'string' && ext.data.newDueOn > limit ? ext.data.newDueOn : limit;
    return today <= due
      ? null
      : fail(
          'decisionWithinTimeLimit',
          `已超过立案之日起九十日的决定期限（${due}），须有延期批准记录`,
          '行政处罚法第六十条',
        );
  },

  paidInFull: ({ state }) => {
    const fine = state.decision?.fine ?? 0;
    const paid = state.payments.reduce((s, p) => s + p.amount, 0);
    return paid >= fine && fine > 0
      ? null
      : fail('paidInFull', `罚款${fine}元，已缴${paid}元，尚未缴清`, '行政处罚法第六十六条、第六十七条');
  },

  decisionKind: ({ state }, args) => {
    const kinds = Array.isArray(args.in) ? args.in.map(String) : [String(args.kind)];
    return state.decision && kinds.includes(state.decision.kind)
      ? null
      : fail(
          'decisionKind',
          `本操作适用于${kinds.map((k) => decisionKindNames[k] ?? k).join('或')}决定`,
          '行政处罚法第五十七条',
        );
  },

  /** The payment period (15 days from service, or the date an approved deferral set) is over (处罚法 arts. 66–67, 72). */
  paymentOverdue: ({ state, today, calendar }) => {
    const served = startDate(state, 'decisionServedOn');
    if (!served) return fail('paymentOverdue', '决定书尚未送达', '行政处罚法第六十七条');
    const deferral = lastStep(state, 'main', 'grantDeferral');
    const due =
      typeof deferral?.data.newDueOn === 'string' ? deferral.data.newDueOn : calendar.addCalendarDays(served, 15).dueOn;
    return today > due
      ? null
      : fail(
          'paymentOverdue',
          `缴款期限至${due}，期满仍未缴纳的方可催告`,
          '行政处罚法第六十七条、第七十二条；行政强制法第五十四条',
        );
  },

  finePayable: ({ state }) =>
    state.decision?.kind === 'penalty' && state.decision.fine > 0
      ? null
      : fail('finePayable', '决定没有罚款，无须执行缴款', '行政处罚法第六十六条'),

  /** The action was performed on this track (at least `min` times). */
  performed: ({ state, track }, args) => {
    const n = stepsOf(state, str(args.track) || track, String(args.action)).length;
    return n >= Number(args.min ?? 1)
      ? null
      : fail('performed', str(args.message) || `尚未${String(args.label ?? args.action)}`, cite(args, ''));
  },

  /** The action was performed fewer than `max` times (e.g. a seizure is extended once at most). */
  performedFewerThan: ({ state, track }, args) => {
    const n = stepsOf(state, track, String(args.action)).length;
    return n < Number(args.max ?? 1)
      ? null
      : fail(
          'performedFewerThan',
          str(args.message) || `${String(args.label ?? args.action)}已达上限（${n}次）`,
          cite(args, ''),
        );
  },

  /** A period counted from a start (fact key or `action:<id>`) is over: e.g. 催告 → 10 working days (强制法 art. 54). */
  periodOver: ({ state, track, today, calendar }, args) => {
    const start = startDate(state, String(args.from), track);
    if (!start) return fail('periodOver', str(args.message) || '期限尚未起算', cite(args, ''));
    const end = periodEnd(calendar, start, Number(args.length), args.unit);
    return today > end
      ? null
      : fail('periodOver', `${str(args.label) || '期限'}至${end}届满，届满后方可办理`, cite(args, ''));
  },

  /**
   * Still inside a period (e.g. the application to court within 3 months, 强制法 art. 53); with
   * `thenLength`/`thenUnit`, a second period counted from the end of the first (as a deadline's `then`).
   */
  withinPeriod: ({ state, track, today, calendar }, args) => {
    const start = startDate(state, String(args.from), track);
    if (!start) return null;
    const first = periodEnd(calendar, start, Number(args.length), args.unit);
    const end = args.thenLength ? periodEnd(calendar, first, Number(args.thenLength), args.thenUnit) : first;
    return today <= end ? null : fail('withinPeriod', `${str(args.label) || '期限'}已于${end}届满`, cite(args, ''));
  },

  /** A date in the action's data lies within a period from a start (e.g. the covert re-check within 30 days of service). */
  dataDateWithin: ({ state, track, data, calendar }, args) => {
    const start = startDate(state, String(args.from), track);
    const on = str(data[String(args.field)]);
    if (!start) return fail('dataDateWithin', '期限尚未起算', cite(args, ''));
    const end = periodEnd(calendar, start, Number(args.length), args.unit);
    return on > start && on <= end
      ? null
      : fail(
          'dataDateWithin',
          `${str(args.label) || '日期'}应在${start}之后、${end}之前（含），填写的是${on || '空'}`,
          cite(args, ''),
        );
  },

  /** Branch condition on the action's data (`next[].when`). */
  dataEquals: ({ data }, args) => (data[String(args.field)] === args.equals ? null : fail('dataEquals', '', '')),

  /** Two dates of the action's data in order (e.g. the order to correct made before it was served). */
  dataDateNotAfter: ({ data }, args) => {
    const [a, b] = [str(data[String(args.field)]), str(data[String(args.other)])];
    return !a || !b || a <= b
      ? null
      : fail(
          'dataDateNotAfter',
          `${str(args.label) || '日期'}（${a}）不能晚于${str(args.otherLabel) || '后一日期'}（${b}）`,
          cite(args, ''),
        );
  },

  /** Electronic service only with the party's written consent (art. 61(2)). */
  dataServiceLawful: ({ data }) => {
    if (data.method === '电子送达' && data.consent !== true)
      return fail('electronicServiceConsent', '电子送达须经当事人书面同意并签订确认书', '行政处罚法第六十一条第二款');
    if (data.method === '公告送达' && !str(data.reasonForPublicNotice))
      return fail('publicNotice', '公告送达须说明受送达人下落不明或者用其他方式无法送达的情形', '民事诉讼法第九十五条');
    return null;
  },

  hearingHeld: ({ state }) => (hearingHeld(state) ? null : fail('hearingHeld', '尚未举行听证', '行政处罚法第六十四条')),

  legalReviewRequired: ({ state, review }) =>
    legalReviewRequired(state, review.thresholds)
      ? null
      : fail('legalReviewRequired', legalReviewNotRequiredWhy(state, review.thresholds), '行政处罚法第五十八条'),
  legalReviewNotRequired: ({ state, review }) =>
    !legalReviewRequired(state, review.thresholds)
      ? null
      : fail(
          'legalReviewNotRequired',
          '本案须经法制审核（重大执法决定、经过听证或案情疑难复杂）',
          '行政处罚法第五十八条',
        ),
  collectiveDiscussionRequired: ({ state, review }) =>
    collectiveDiscussionRequired(state, review.thresholds)
      ? null
      : fail('collectiveRequired', collectiveNotRequiredWhy(state, review.thresholds), '行政处罚法第五十七条第二款'),
  collectiveDiscussionNotRequired: ({ state, review }) =>
    !collectiveDiscussionRequired(state, review.thresholds)
      ? null
      : fail('collectiveNotRequired', '情节复杂或者重大违法行为，须经负责人集体讨论决定', '行政处罚法第五十七条第二款'),

  /** The legality review: one failure per failed rule, each overridable by a head with a written reason. */
  legalityReview: ({ state, review }, args) => {
    const kind = args.kind as 'penalty' | 'noPenalty' | 'transfer' | undefined;
    const r = reviewCase(state, review, args.point === 'closing' ? 'closing' : 'decision', kind);
    const failed = r.checks.filter((c) => !c.passed);
    return failed.length
      ? failed.map((c) => ({
          ...fail(`legality:${c.id}`, `合法性审查未通过：${c.name}——${c.message}`, c.citation),
          review: { check: c.id, name: c.name },
        }))
      : null;
  },

  allTracksEnded: ({ state }) => {
    const open = state.tracks.filter((t) => !t.endedOn);
    return open.length === 0
      ? null
      : fail(
          'allTracksEnded',
          `附加程序尚未办结：${open.map((t) => t.name).join('、')}`,
          '生态环境行政处罚办法（结案）',
        );
  },

  factMet: ({ state, track }, args) =>
    isMet(state, String(args.fact), track) ? null : fail('factMet', str(args.message) || '条件未满足', cite(args, '')),
};

/** The officers whose 执法证 is valid on `today` (处罚法 art. 42: only they may act). */
export function certifiedOfficers<T extends { certificateValidUntil: string }>(
  officers: readonly T[],
  today: string,
): T[] {
  return officers.filter((o) => o.certificateValidUntil >= today);
}

/**
 * 处罚法 arts. 42, 55: at least two officers with valid certificates. One rule for the guard of the
 * procedures and for 立案 (application/openCase.ts), which checks the officers chosen before the case exists.
 */
export function twoCertifiedOfficersFailure(
  officers: ReadonlyArray<{ certificateValidUntil: string }>,
  today: string,
): GuardFailure | null {
  const valid = certifiedOfficers(officers, today).length;
  return valid >= 2
    ? null
    : fail(
        'twoCertifiedOfficers',
        `执法人员不得少于两人且须持有有效执法证件，目前有效${valid}人`,
        '行政处罚法第四十二条、第五十五条',
      );
}

export const knownGuards: ReadonlySet<string> = new Set(Object.keys(guards));

export function runGuard(name: string, args: Record<string, unknown> | undefined, ctx: GuardContext): GuardFailure[] {
  const g = guards[name];
  if (!g) return [fail(name, `未知的条件：${name}`, '')];
  const r = g(ctx, args ?? {});
  return r === null ? [] : Array.isArray(r) ? r : [r];
}

const decisionKindNames: Record<string, string> = { penalty: '行政处罚', noPenalty: '不予行政处罚', transfer: '移送' };
const evidenceNames: Record<string, string> = {
  photo: '现场照片证据',
  audio: '录音证据',
  video: '视听资料',
  sampling: '采样监测报告',
};
