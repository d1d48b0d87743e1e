/**
 * Sample cases driven through the public operations only, as the clerk, the reviewer and the head
 * would: shared by tests, `npm run sample-dossier -- --scenario NAME` and the bench.
 * Scenarios: ordinary, hearing, summary, seizure, daily-penalty, detention-referral, code (生态环境法典).
 *
 * Each scenario generates the documents a clerk issues on its path, at the step where they are
 * issued (the node, or the track's node, that templates/manifest.json names for them): a document
 * is made before the action that records what its form asks for. `ordinary` keeps the nine
 * documents the e2e test and the bench measure; the others also make the 调查报告 and the evidence
 * forms, so that every template their paths issue is rendered on a real case.
 */
import {
  CaseRunner,
  openCase,
  type Caller,
  type People,
  type Photo,
  type ScenarioHooks,
  type ScenarioResult,
  type Texts,
} from './caseRunner.js';
import {
  airFacts,
  airReasoning,
  dailyPenaltyTexts,
  dailyRounds,
  firstRecheckFindings,
  hearingOpinion,
  hearingPlace,
  hearingPresider,
  hearingSummary,
  hearingTexts,
  legalReviewOpinion,
  referralMaterials,
  referralReason,
  referralTexts,
  seizedItems,
  seizurePlace,
  seizureTexts,
  summaryFacts,
  summaryTexts,
  waterFacts,
  waterPhotos,
  waterReasoning,
  waterSummary,
  codeTexts,
} from './scenarioTexts.js';
import type { DocumentType } from '#common/documentTypes.js';

export { openCase, type ScenarioHooks, type ScenarioResult };

export interface OrdinaryOptions {
  violationId?: string;
  summary?: string;
  facts?: string;
  reasoning?: string;
  fine?: number;
  /** The party asks for a hearing; the fine is lowered to this figure after it. */
  hearingFine?: number;
  photos?: Photo[];
  /** The scenario's typed values per template. */
  texts?: Texts;
  /** Evidence forms made during 调查取证 after the photos (现场照片证据, 采样取证登记单). */
  evidence?: DocumentType[];
  /** The 调查报告 is written before the report is submitted. */
  report?: boolean;
  /** The 卷宗封面, 卷内目录 and 备考表 are printed at 结案 for the paper file. */
  dossierSheets?: boolean;
  /**
   * Replays the path this many days later (a multiple of 7 keeps the weekdays): 245 days puts it in
   * November 2026, under the 生态环境法典, with no holiday on the way.
   */
  shiftDays?: number;
  /** The day of the act, when it is not the day the case is opened (taken as is, not shifted). */
  violationOn?: string;
  /** Extra work during 调查取证 (day 2026-03-03) and at 决定 (day 2026-03-16), e.g. tracks. */
  duringInvestigation?(r: CaseRunner): Promise<void>;
  atDecision?(r: CaseRunner): Promise<void>;
  /** Before 结案 (after payment): tracks still running are finished here. */
  beforeClosing?(r: CaseRunner): Promise<void>;
  /** Who signs in (the demo users unless said: desks enrolled with the provincial server have its users). */
  people?: People;
  /** The 承办人 (officer directory ids), when not the demo officers. */
  officerIds?: string[];
  /** 案件审查 by the reviewer (法制机构) rather than the head. */
  reviewBy?: 'head' | 'reviewer';
}

export async function ordinaryCase(t: Caller, hooks: ScenarioHooks, o: OrdinaryOptions = {}): Promise<ScenarioResult> {
  const r = await CaseRunner.start(t, hooks, o.texts, o.people);
  r.shiftDays = o.shiftDays ?? 0;
  const { officer, head } = r;
  const fine = o.fine ?? 200000;
  r.day('2026-03-02');
  const opened = await openCase(t, officer, {
    filedOn: r.today,
    discoveredOn: r.today,
    violationOn: o.violationOn ?? r.today,
    requestId: `sample-${Date.now()}-${Math.random()}`,
    ...(o.violationId ? { violationId: o.violationId } : {}),
    ...(o.summary ? { summary: o.summary } : {}),
    ...(o.officerIds ? { officerIds: o.officerIds } : {}),
  });
  r.caseId = opened.state.id;
  await r.gen('filing-approval');
  await r.act(officer, 'submitFiling');
  await r.act(head, 'approveFiling', { comment: '同意立案，由张伟、李娜承办。' });

  r.day('2026-03-03');
  await r.gen('inspection-record');
  await r.gen('interview-record');
  await r.photos(o.photos ?? []);
  for (const type of o.evidence ?? []) await r.gen(type);
  await o.duringInvestigation?.(r);

  r.day('2026-03-05');
  await r.act(officer, 'finishInvestigation');
  if (o.report) await r.gen('investigation-report');
  await r.act(officer, 'submitReport', {
    facts: o.facts ?? airFacts,
    proposedFine: fine,
    investment: null,
    reasoning: o.reasoning ?? airReasoning,
  });
  // 案件审查's 内部审批表 is filed in the 副卷, so every scenario built on this one binds two volumes.
  await r.gen('internal-approval');
  await r.act(o.reviewBy === 'reviewer' ? r.reviewer : head, 'passReview', {
    comment: '事实清楚，证据确凿，拟处罚意见适当。',
  });
  await r.gen('penalty-notice');
  await r.act(officer, 'submitNotice');
  await r.act(head, 'approveNotice', { comment: '同意告知。' });

  r.day('2026-03-06');
  await r.gen('service-receipt', { servedDocument: '行政处罚事先告知书' });
  await r.act(officer, 'serveNotice');

  if (o.hearingFine !== undefined) await hearing(r, o.hearingFine);
  else {
    r.day('2026-03-16');
    await r.act(officer, 'closeDefence');
  }
  await o.atDecision?.(r);
  await r.gen('penalty-decision');
  await r.act(officer, 'submitDecision');
  await r.act(head, 'approveDecision', { comment: '同意按拟定意见作出处罚决定。' });
  // Only the sealed decision is served (处罚法 art. 59(2)).
  await r.finalise('penalty-decision');

  r.day(r.today < r.date('2026-03-17') ? '2026-03-17' : '2026-03-23');
  await r.gen('service-receipt', { servedDocument: '行政处罚决定书' });
  await r.act(officer, 'serveDecision');

  r.day('2026-03-25');
  await r.act(officer, 'recordPayment', {
    amount: o.hearingFine ?? fine,
    paidOn: r.today,
    receiptNo: 'GZ-FS-2026-000318',
  });
  // The execution record is filed in the 正卷: the scanned payment voucher.
  await r.voucher('罚款缴款凭证（GZ-FS-2026-000318）');
  await r.act(officer, 'finishExecution');
  await o.beforeClosing?.(r);
  await r.gen('closing-approval');
  await r.act(officer, 'submitClosing');
  const closed = await r.act(head, 'approveClosing', { comment: '同意结案。' });
  return r.buildAndArchive(closed, o.dossierSheets);
}

/**
 * 听证 (处罚法 arts. 63–65): requested within 5 working days of the notice, noticed 7 working days
 * ahead, held, reported; after a hearing the decision needs 法制审核 (art. 58), which ordinary.v2
 * routes to before the decision (no 集体讨论: the fine is under its threshold and nothing is flagged).
 */
async function hearing(r: CaseRunner, loweredFine: number): Promise<void> {
  const { officer } = r;
  r.day('2026-03-09');
  await r.act(officer, 'requestHearing', {
    requestedOn: r.today,
    requestedBy: '王建华（法定代表人委托）',
    how: '书面',
  });
  await r.gen('hearing-notice');
  await r.gen('service-receipt', { servedDocument: '行政处罚听证通知书' });
  await r.act(officer, 'notifyHearing', {
    notifiedOn: r.today,
    hearingOn: '2026-03-19',
    place: hearingPlace,
    presider: hearingPresider,
    publicHearing: true,
  });
  r.day('2026-03-19');
  await r.gen('hearing-record');
  await r.act(officer, 'recordHearing', { heldOn: r.today, partyAttended: true, summary: hearingSummary });
  await r.gen('hearing-report');
  await r.act(officer, 'finishHearing', { opinion: hearingOpinion, proposedFine: loweredFine });
  await r.gen('legal-review-opinion', { by: r.reviewer });
  await r.act(r.reviewer, 'completeLegalReview', { opinion: legalReviewOpinion, passed: true });
  r.day('2026-03-20');
}

/** Drives one ordinary-procedure case from 立案 to 归档 and builds its dossier. */
export async function runOrdinaryCase(t: Caller, hooks: ScenarioHooks, photos: Photo[] = []): Promise<ScenarioResult> {
  return ordinaryCase(t, hooks, { photos });
}

/** 简易程序: the 当场行政处罚决定书 is filled in on the spot, before the decision is recorded (处罚法 art. 52). */
async function summaryCase(t: Caller, hooks: ScenarioHooks): Promise<ScenarioResult> {
  const r = await CaseRunner.start(t, hooks, summaryTexts);
  r.day('2026-03-02');
  const opened = await openCase(t, r.officer, {
    procedure: 'summary',
    violationId: 'hw-no-identification-signs',
    violationOn: r.today,
    summary: '现场检查发现该公司危险废物贮存场所未设置识别标志，当场责令改正并给予警告。',
    requestId: `sample-summary-${Date.now()}`,
  });
  r.caseId = opened.state.id;
  await r.gen('inspection-record');
  await r.gen('on-spot-decision');
  await r.act(r.officer, 'decideOnTheSpot', {
    facts: summaryFacts,
    warning: true,
    fine: 0,
    rightsExplained: true,
    servedOn: r.today,
  });
  r.day('2026-03-03');
  const closed = await r.act(r.officer, 'fileSummaryRecord', { comment: '已报局备案。' });
  return r.buildAndArchive(closed);
}

/** 查封扣押 (强制法 arts. 18–28): approved, the decision and its list handed over, released before the decision. */
const seizure: OrdinaryOptions = {
  texts: seizureTexts,
  evidence: ['photo-evidence'],
  report: true,
  duringInvestigation: async (r) => {
    const track = await r.startTrack('seizure');
    await r.gen('seizure-approval', { track });
    await r.act(r.head, 'approveSeizure', { comment: '同意对1号排气筒配套生产设施实施查封。' }, track);
    await r.gen('seizure-decision', { track });
    await r.gen('seizure-list', { track });
    await r.gen('service-receipt', { track, servedDocument: '查封(扣押)决定书' });
    await r.act(
      r.officer,
      'implementSeizure',
      { implementedOn: r.today, place: seizurePlace, items: seizedItems, partyPresent: true, witness: '' },
      track,
    );
  },
  atDecision: async (r) => {
    const track = 'seizure-1';
    await r.gen('seizure-release', { track });
    await r.gen('service-receipt', { track, servedDocument: '解除查封(扣押)决定书' });
    await r.act(r.head, 'releaseSeizure', { releasedOn: r.today, reason: '违法行为已经消除' }, track);
  },
};

const correctionService = {
  servedDocument: '责令改正违法行为决定书',
  method: '直接送达',
  recipient: '王建华',
  consent: false,
  reasonForPublicNotice: '',
};

/**
 * 按日连续处罚 (环保法 art. 59): the order to correct served with the decision, a covert re-check
 * finds the dust still going on, the daily penalty is decided and served with a new order; the
 * second re-check finds it corrected.
 */
const dailyPenalty: OrdinaryOptions = {
  texts: dailyPenaltyTexts,
  evidence: ['photo-evidence'],
  report: true,
  atDecision: async (r) => {
    const track = await r.startTrack('dailyPenalty');
    await r.gen('correction-order', { track, fields: dailyRounds.firstOrder });
    await r.gen('service-receipt', { track, servedDocument: '责令改正违法行为决定书' });
    await r.act(
      r.officer,
      'serveCorrectionOrder',
      { ...correctionService, servedOn: r.today, correctBy: '2026-03-20' },
      track,
    );
  },
  beforeClosing: async (r) => {
    const track = 'dailyPenalty-1';
    await r.gen('recheck-opinion', { track, fields: dailyRounds.firstRecheck });
    await r.act(
      r.officer,
      'recordRecheck',
      { recheckOn: r.today, corrected: false, covert: true, findings: firstRecheckFindings },
      track,
    );
    await r.gen('daily-penalty-decision', { track });
    await r.act(r.head, 'decideDailyPenalty', { originalFine: 200000 }, track);
    r.day('2026-03-26');
    // The 按日连续处罚决定书 is served together with the new order to correct.
    await r.gen('correction-order', { track, fields: dailyRounds.secondOrder });
    await r.gen('service-receipt', { track, servedDocument: '按日连续处罚决定书' });
    await r.gen('service-receipt', { track, servedDocument: '责令改正违法行为决定书' });
    await r.act(
      r.officer,
      'serveCorrectionOrder',
      { ...correctionService, servedOn: r.today, correctBy: '2026-03-31' },
      track,
    );
    r.day('2026-04-02');
    await r.gen('recheck-opinion', { track, fields: dailyRounds.secondRecheck });
    await r.act(
      r.officer,
      'recordRecheck',
      { recheckOn: r.today, corrected: true, covert: true, findings: '复查时颗粒物排放浓度达标。' },
      track,
    );
  },
};

/**
 * 生态环境法典 (in force 2026-08-15): dust over the limit on 2026-09-10, opened in November. Picked as
 * the 大气法 type a clerk knows, it rests on 法典 art. 1107 in every document, as the law of the act's day.
 */
const codeEra: OrdinaryOptions = {
  shiftDays: 245,
  violationOn: '2026-09-10',
  texts: codeTexts,
  evidence: ['photo-evidence'],
  report: true,
};

/** 移送行政拘留 (环保法 art. 63(3)): approved, the 移送书 and its materials sent, the police's receipt recorded. */
const detentionReferral: OrdinaryOptions = {
  violationId: 'water-over-standard-discharge',
  summary: waterSummary,
  facts: waterFacts,
  reasoning: waterReasoning,
  photos: waterPhotos,
  texts: referralTexts,
  evidence: ['sampling-record', 'photo-evidence'],
  report: true,
  duringInvestigation: async (r) => {
    const track = await r.startTrack('referral');
    await r.gen('detention-referral-approval', { track });
    await r.act(
      r.officer,
      'submitReferral',
      { kind: '行政拘留', receiver: '天柱县公安局', reason: referralReason },
      track,
    );
    await r.act(r.head, 'approveReferral', { comment: '同意移送。' }, track);
    await r.gen('referral-letter', { track });
    await r.gen('referral-materials', { track });
    await r.act(r.officer, 'sendReferral', { sentOn: r.today, materials: referralMaterials }, track);
  },
  atDecision: async (r) => {
    await r.act(
      r.officer,
      'recordReferralReceipt',
      { receivedOn: r.today, result: '天柱县公安局已受理，对直接负责的主管人员处以行政拘留十日。' },
      'referral-1',
    );
  },
};

export const scenarios: Record<string, (t: Caller, hooks: ScenarioHooks) => Promise<ScenarioResult>> = {
  ordinary: (t, h) => ordinaryCase(t, h),
  hearing: (t, h) =>
    ordinaryCase(t, h, {
      hearingFine: 180000,
      texts: hearingTexts,
      evidence: ['photo-evidence'],
      report: true,
      dossierSheets: true,
    }),
  summary: summaryCase,
  seizure: (t, h) => ordinaryCase(t, h, seizure),
  'daily-penalty': (t, h) => ordinaryCase(t, h, dailyPenalty),
  'detention-referral': (t, h) => ordinaryCase(t, h, detentionReferral),
  code: (t, h) => ordinaryCase(t, h, codeEra),
};

export const scenarioNames = Object.keys(scenarios);
