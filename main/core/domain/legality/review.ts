/**
 * The legality review (合法性审查全覆盖): before each decision and before 结案, a checklist of rules,
 * each with pass/fail, the article it rests on and the evidence it looked at. Pure: the case page
 * shows it, and the procedure's `legalityReview` guard blocks the action on any failed rule (a head
 * may override with a written reason, which the history and the dossier's 备考表 keep).
 */
import type { CaseState, LegalityCheck, LegalityReview } from '#common/schemas/cases.js';
import type { WorkingCalendar } from '../calendar.js';
import { fineBandProblem } from '../fines.js';
import { isLargeFine, type HearingThreshold } from '../hearingThreshold.js';
import type { LegalBasis } from '#common/schemas/legalBasis.js';
import { appliedProvision } from '../legalBasis/applied.js';
import { amountPaid, decisionServedOn, defencePeriod, lastStep, noticeServedOn } from '../procedure/facts.js';
import { docType } from '#common/documentTypes.js';
import { documentTypeName } from '#common/documentTypeNames.js';
import { yuanInText } from '#common/money.js';

export interface ReviewContext {
  today: string;
  /** The law the case rests on, resolved from the act's date (null when the date is unknown). */
  legalBasis?: LegalBasis | null;
  calendar: WorkingCalendar;
  /** 较大数额 for hearings (data; the figures are unverified). */
  hearingThreshold: HearingThreshold;
  /** Policy thresholds of the procedure definition (法制审核, 集体讨论). */
  thresholds: Record<string, number>;
  /** Document types that carry a number (文号) by the template manifest. */
  numberedTypes: ReadonlySet<string>;
  /** Names of document types for messages. */
  documentName: (type: string) => string;
}

export type ReviewPoint = LegalityReview['point'];
type DecisionKind = 'penalty' | 'noPenalty' | 'transfer';

const check = (
  id: string,
  name: string,
  citation: string,
  passed: boolean,
  message: string,
  evidence: string[],
  applicable = true,
): LegalityCheck => ({ id, name, citation, passed: passed || !applicable, applicable, message, evidence });

/** The fine the case is heading for: the decision's, else the report's. */
function plannedFine(s: CaseState): number {
  return s.decision?.fine ?? s.report?.proposedFine ?? 0;
}

function reportFlag(s: CaseState, flag: 'major' | 'complex'): boolean {
  return Boolean(lastStep(s, 'main', 'submitReport')?.data[flag]);
}

export function hearingHeld(s: CaseState): boolean {
  return Boolean(lastStep(s, 'main', 'recordHearing'));
}

/** 法制审核 is required for major cases (处罚法 art. 58): by amount (data), after a hearing, or flagged 重大/疑难复杂. */
export function legalReviewRequired(s: CaseState, thresholds: Record<string, number>): boolean {
  const t = thresholds.legalReviewFineYuan ?? Infinity;
  return plannedFine(s) >= t || hearingHeld(s) || reportFlag(s, 'major') || reportFlag(s, 'complex');
}

/** 集体讨论 for complex or serious cases (处罚法 art. 57(2)): by amount (data) or flagged. */
export function collectiveDiscussionRequired(s: CaseState, thresholds: Record<string, number>): boolean {
  const t = thresholds.collectiveDiscussionFineYuan ?? Infinity;
  return plannedFine(s) >= t || reportFlag(s, 'major') || reportFlag(s, 'complex');
}

/**
 * Why 法制审核 is not required, on the case's own figures (the stepper's 不适用 and the guard's message):
 * the amount against the threshold (data), no hearing, no 重大/疑难复杂 flag.
 */
export function legalReviewNotRequiredWhy(s: CaseState, thresholds: Record<string, number>): string {
  const t = thresholds.legalReviewFineYuan;
  const amount =
    t === undefined ? '' : `拟罚款${yuanInText(plannedFine(s))}，未达重大执法决定标准（${yuanInText(t)}），`;
  return `本案无须法制审核：${amount}未经听证，调查报告未标记重大或疑难复杂`;
}

/** Why 集体讨论 is not required, on the case's own figures. */
export function collectiveNotRequiredWhy(s: CaseState, thresholds: Record<string, number>): string {
  const t = thresholds.collectiveDiscussionFineYuan;
  const amount = t === undefined ? '' : `拟罚款${yuanInText(plannedFine(s))}，未达情节重大标准（${yuanInText(t)}），`;
  return `本案无须集体讨论：${amount}调查报告未标记重大或情节复杂`;
}

/** 较大数额罚款 (处罚法 art. 63(1)): the figure and whether it counts itself are data (isLargeFine). */
export function hearingRightApplies(s: CaseState, threshold: ReviewContext['hearingThreshold']): boolean {
  return isLargeFine(s.noticedFine ?? s.report?.proposedFine ?? 0, s.partyKind, threshold);
}

function officersOnRecords(s: CaseState, today: string): LegalityCheck {
  const records = s.documents.filter((d) => d.type.endsWith('-record'));
  const evidence: string[] = [];
  let ok = s.officers.length >= 2;
  for (const r of records) {
    const day = r.generatedAt.slice(0, 10) || today;
    const valid = s.officers.filter((o) => o.certificateValidUntil >= day);
    evidence.push(
      `${r.name}（${day}）：${valid.map((o) => `${o.name}（${o.certificateNo}）`).join('、') || '无有效执法证件'}`,
    );
    if (valid.length < 2) ok = false;
  }
  if (records.length === 0)
    evidence.push(
      `承办人员：${s.officers.map((o) => `${o.name}（证件有效期至${o.certificateValidUntil}）`).join('、')}`,
    );
  return check(
    'officersOnRecords',
    '执法人员不少于两人且持有效证件',
    '行政处罚法第四十二条、第五十五条',
    ok,
    ok ? '每份笔录均有两名以上持有效证件的执法人员' : '有笔录的有效执法人员少于两人',
    evidence,
  );
}

function basisAndBand(s: CaseState, kind: DecisionKind, ctx: ReviewContext): LegalityCheck {
  const p = appliedProvision(s, ctx.legalBasis);
  const evidence = [`违法行为：${p.name}`, `处罚依据：${p.citation}`];
  if (kind !== 'penalty' || (s.decision?.warning && plannedFine(s) === 0)) {
    return check(
      'basisAndBand',
      '法律依据明确、罚款在法定幅度内',
      p.citation,
      Boolean(p.penaltyArticle.article),
      '',
      evidence,
      kind === 'penalty',
    );
  }
  const fine = plannedFine(s);
  const problem = fineBandProblem(p.band, fine, s.report?.investment ?? null);
  evidence.push(`拟罚款：${fine}元`);
  return check(
    'basisAndBand',
    '法律依据明确、罚款在法定幅度内',
    `${p.citation}；行政处罚法第四条`,
    !problem,
    problem ?? '罚款在法定幅度内',
    evidence,
  );
}

/**
 * 适用法律正确: the decision rests on the law of the act's day, or the lighter later law (处罚法 art. 37,
 * 法典 art. 1057). A decision on a repealed article is annulled on review (适用法律错误).
 */
function lawOfActDate(s: CaseState, kind: DecisionKind, ctx: ReviewContext): LegalityCheck {
  const b = ctx.legalBasis;
  const name = '适用违法行为发生时的法律或者较轻的新法';
  const citation = b?.basis.join('、') || '行政处罚法第三十七条';
  if (!b)
    return check(
      'lawOfActDate',
      name,
      citation,
      false,
      '未填写违法行为发生日期，无法确定适用的法律',
      [],
      kind === 'penalty' && Boolean(s.violationOn),
    );
  const evidence = [b.actDateNote, ...(b.applied ? [`适用：${b.applied.citation}`] : [])];
  if (b.rule === 'not-illegal')
    return check(
      'lawOfActDate',
      name,
      citation,
      kind !== 'penalty',
      '新的规定不认为该行为违法，不得给予行政处罚',
      evidence,
    );
  const ok = b.rule !== 'undecided';
  return check('lawOfActDate', name, citation, ok, b.reason, evidence, kind === 'penalty');
}

function numbered(s: CaseState, ctx: ReviewContext): LegalityCheck {
  const unnumbered = s.documents.filter((d) => ctx.numberedTypes.has(d.type) && !d.number);
  return check(
    'documentsNumbered',
    '文书均已编号',
    '生态环境行政处罚办法（文书制作）',
    unnumbered.length === 0,
    unnumbered.length ? `未编号的文书：${unnumbered.map((d) => d.name).join('、')}` : '应编号的文书均有文号',
    s.documents.filter((d) => ctx.numberedTypes.has(d.type)).map((d) => `${d.name}：${d.number ?? '（无文号）'}`),
  );
}

function servedWithReceipts(s: CaseState): LegalityCheck {
  const receipts = s.documents.filter((d) => d.type === docType.serviceReceipt);
  const missing = s.services.filter(
    (sv) => !receipts.some((r) => r.fields.servedDocument === sv.documentType) && sv.method !== '当场交付',
  );
  return check(
    'servedWithReceipt',
    '送达的文书均有送达回证',
    '行政处罚法第六十一条；民事诉讼法第八十七条',
    missing.length === 0,
    missing.length
      ? `缺少送达回证：${missing.map((m) => documentTypeName(m.documentType)).join('、')}`
      : '每次送达均有送达回证',
    s.services.map(
      (sv) =>
        `${documentTypeName(sv.documentType)}：${sv.servedOn} ${sv.method}送达${sv.recipient ? `，受送达人${sv.recipient}` : ''}`,
    ),
  );
}

function decisionRules(s: CaseState, ctx: ReviewContext, kind: DecisionKind): LegalityCheck[] {
  const summary = s.procedure.id === 'summary';
  const penalty = kind === 'penalty';
  const served = noticeServedOn(s);
  const period = defencePeriod(s, ctx.calendar);
  const waived = s.defence.statements.some((x) => x.waived);
  const hearingDone = hearingHeld(s);
  const hearingNeeded = hearingRightApplies(s, ctx.hearingThreshold);
  const notice = s.documents.find((d) => d.type === docType.penaltyNotice);
  const lr = legalReviewRequired(s, ctx.thresholds);
  const cd = collectiveDiscussionRequired(s, ctx.thresholds);
  const lrStep = lastStep(s, 'main', 'completeLegalReview');
  const cdStep = lastStep(s, 'main', 'recordCollectiveDiscussion');
  const limit = ctx.calendar.addCalendarDays(s.filedOn, 90).dueOn;
  const extension = lastStep(s, 'main', 'extendDecisionLimit');
  const extendedTo = typeof extension?.data.newDueOn === 'string' ? extension.data.newDueOn : null;
  const due = extendedTo && extendedTo > limit ? extendedTo : limit;
  const raised =
    s.noticedFine != null &&
    s.report != null &&
    s.defence.statements.length > 0 &&
    s.report.proposedFine > s.noticedFine;
  return [
    officersOnRecords(s, ctx.today),
    check(
      'noticeServed',
      '事先告知已送达',
      '行政处罚法第四十四条、第六十二条',
      Boolean(served && served <= ctx.today),
      served ? `告知书于${served}送达` : '告知书尚未送达，不得作出处罚决定',
      served ? [`送达日期：${served}`] : [],
      penalty && !summary,
    ),
    check(
      'defencePeriodElapsed',
      '陈述申辩（听证申请）期限届满或已放弃',
      '行政处罚法第四十五条、第六十三条、第六十四条、第八十五条',
      waived || hearingDone || Boolean(period && ctx.today > period.dueOn),
      waived ? '当事人书面放弃陈述申辩' : hearingDone ? '已举行听证' : `期限至${period?.dueOn ?? '（未起算）'}`,
      s.defence.statements.map((x) => `${x.on} ${x.waived ? '放弃' : '陈述申辩'}：${x.text}`),
      penalty && !summary,
    ),
    check(
      'hearingOffered',
      '符合听证条件的已告知听证权利',
      '行政处罚法第六十三条',
      Boolean(notice && notice.fields.hearingRight !== '否'),
      hearingNeeded ? (notice ? '告知书载明了听证权利' : '尚无告知书') : '拟罚款未达较大数额标准，无须告知听证',
      notice ? [`${notice.name}${notice.number ? ` ${notice.number}` : ''}`] : [],
      penalty && !summary && hearingNeeded,
    ),
    check(
      'noIncreaseAfterDefence',
      '不因陈述申辩加重处罚',
      '行政处罚法第四十五条第二款',
      !raised,
      raised ? `告知金额${s.noticedFine}元，现拟${s.report?.proposedFine}元` : '未加重',
      [],
      penalty && !summary,
    ),
    check(
      'legalReview',
      '法制审核',
      '行政处罚法第五十八条',
      Boolean(lrStep),
      lrStep ? `已于${lrStep.on}完成法制审核` : '本案须经法制审核',
      lrStep ? [String(lrStep.data.opinion ?? '')] : [],
      lr && !summary,
    ),
    check(
      'collectiveDiscussion',
      '集体讨论',
      '行政处罚法第五十七条第二款',
      Boolean(cdStep),
      cdStep ? `已于${cdStep.on}集体讨论` : '情节复杂或重大违法行为，须经负责人集体讨论决定',
      cdStep ? [String(cdStep.data.conclusion ?? '')] : [],
      cd && !summary,
    ),
    check(
      'decisionTimeLimit',
      '在办案期限内作出决定',
      '行政处罚法第六十条',
      ctx.today <= due,
      ctx.today <= due ? `期限至${due}` : `已超过期限（${due}），须有延期批准记录`,
      [`立案日期：${s.filedOn}`, ...(extendedTo ? [`批准延长至${extendedTo}`] : [])],
      !summary,
    ),
    basisAndBand(s, kind, ctx),
    lawOfActDate(s, kind, ctx),
    check(
      'summaryLimit',
      '简易程序适用条件',
      '行政处罚法第五十一条',
      plannedFine(s) <= (s.partyKind === 'individual' ? 200 : 3000),
      `罚款${plannedFine(s)}元（${s.partyKind === 'individual' ? '公民200元' : '法人或者其他组织3000元'}以下或警告）`,
      [],
      summary,
    ),
    numbered(s, ctx),
  ];
}

function closingRules(s: CaseState, ctx: ReviewContext): LegalityCheck[] {
  const fine = s.decision?.kind === 'penalty' ? s.decision.fine : 0;
  const paid = amountPaid(s);
  const enforced = lastStep(s, 'main', 'applyForEnforcement');
  const openTracks = s.tracks.filter((t) => !t.endedOn);
  return [
    officersOnRecords(s, ctx.today),
    check(
      'decisionServed',
      '决定书已送达',
      '行政处罚法第六十一条',
      Boolean(decisionServedOn(s) || s.procedure.id === 'summary'),
      decisionServedOn(s) ? `于${decisionServedOn(s)}送达` : '决定书尚未送达',
      [],
      s.decision?.kind !== 'transfer',
    ),
    check(
      'executed',
      '处罚决定已执行完毕或依法申请强制执行',
      '行政处罚法第六十六条、第七十二条；行政强制法第五十三条',
      paid >= fine || Boolean(enforced),
      paid >= fine
        ? `罚款${fine}元已缴清`
        : enforced
          ? `已于${enforced.on}申请人民法院强制执行`
          : `罚款${fine}元，已缴${paid}元`,
      s.payments.map((p) => `${p.paidOn} 缴款${p.amount}元（${p.receiptNo}）`),
      fine > 0,
    ),
    executionFiled(s, fine),
    check(
      'tracksEnded',
      '附加程序均已办结',
      '生态环境行政处罚办法（结案）',
      openTracks.length === 0,
      openTracks.length ? `未办结：${openTracks.map((t) => t.name).join('、')}` : '无未办结的附加程序',
      s.tracks.map((t) => `${t.name}：${t.endedOn ? `${t.endedOn}办结` : '进行中'}`),
    ),
    servedWithReceipts(s),
    numbered(s, ctx),
  ];
}

/**
 * The execution is on file (the 正卷's 执行 part, 2010 rule; 处罚法 art. 47, 全过程记录): the payment
 * voucher, or the court's papers when it was enforced — uploaded as 执行凭证 and bound with the execution.
 */
function executionFiled(s: CaseState, fine: number): LegalityCheck {
  const records = s.evidence.filter((e) => e.kind === 'execution');
  return check(
    'executionFiled',
    '执行情况已归档（缴款凭证或人民法院执行文书）',
    '行政处罚法第四十七条',
    records.length > 0,
    records.length
      ? `已上传执行凭证${records.length}份`
      : '尚未上传缴款凭证或人民法院的执行文书：请在“证据”中以“执行凭证”上传其扫描件，组卷时归入正卷的执行部分',
    records.map((e) => `${e.takenOn} ${e.description}`),
    fine > 0,
  );
}

export function reviewCase(s: CaseState, ctx: ReviewContext, point: ReviewPoint, kind?: DecisionKind): LegalityReview {
  const k: DecisionKind = kind ?? s.decision?.kind ?? 'penalty';
  const checks = point === 'decision' ? decisionRules(s, ctx, k) : closingRules(s, ctx);
  return { point, checks, passed: checks.every((c) => c.passed) };
}
