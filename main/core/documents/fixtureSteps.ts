/**
 * The record of the sample case (fixtures.ts), as the procedure engine would have written it:
 * every action with its form data (`steps`), the side tracks, the documents on file with the
 * fields typed into them, services, payments and approvals. One case that went through
 * everything — a seizure, a preservation of evidence, a hearing, legal review and collective
 * discussion, a daily penalty with re-checks, a referral to the police and court enforcement — so
 * that every template finds what it reads.
 *
 * Timeline (2026): 3-02 inspection; 3-03 filed, seizure and preservation; 3-09 preservation
 * released, report; 3-12 notice served; 3-16 hearing requested; 3-17 hearing noticed for 3-27;
 * 3-31 legal review; 4-01 collective discussion; 4-02 decision approved, order to correct;
 * 4-03 both served; 4-10 part payment; 4-14 re-check (not corrected); 4-15 daily penalty and
 * referral; 4-27 reminder served and second re-check (corrected); 5-18 court enforcement applied;
 * 6-15 enforced; 6-19 closed.
 */
import type { CaseState, DocumentRecord, StepRecord, TrackState } from '#common/schemas/cases.js';
import { sampleInputs } from './fixtureInputs.js';
import type { DocumentType } from '#common/documentTypes.js';
import { documentTypeName } from '#common/documentTypeNames.js';

export const sampleNumbers: Record<string, string> = {
  'penalty-notice': '黔东南环天罚告字〔2026〕3号',
  'penalty-decision': '黔东南环天罚字〔2026〕5号',
  'hearing-notice': '黔东南环天听通字〔2026〕1号',
  'seizure-decision': '黔东南环天封扣字〔2026〕2号',
  'seizure-extension-notice': '黔东南环天封扣延字〔2026〕1号',
  'seizure-release': '黔东南环天解封扣字〔2026〕2号',
  'preservation-notice': '黔东南环天先保字〔2026〕4号',
  'preservation-release-notice': '黔东南环天解保字〔2026〕4号',
  'correction-order': '黔东南环天责改〔2026〕6号',
  'daily-penalty-decision': '黔东南环天按日罚字〔2026〕1号',
  'restriction-decision': '黔东南环天限停字〔2026〕1号',
  'no-penalty-decision': '黔东南环天不罚字〔2026〕2号',
  'on-spot-decision': '黔东南环天当罚字〔2026〕8号',
  'transfer-letter': '黔东南环天移函字〔2026〕1号',
  'referral-letter': '黔东南环天移字〔2026〕1号',
  'deferral-notice': '黔东南环天缓缴字〔2026〕1号',
  reminder: '黔东南环天催字〔2026〕2号',
  'enforcement-application': '黔东南环天强执申字〔2026〕1号',
} satisfies Partial<Record<DocumentType, string>>;

const step = (action: string, on: string, data: Record<string, unknown> = {}, track = 'main'): StepRecord => ({
  track,
  action,
  on,
  data,
});
const track = (
  id: string,
  procedure: string,
  name: string,
  node: string,
  startedOn: string,
  endedOn: string | null,
): TrackState => ({
  id,
  procedure: { id: procedure, version: '2026.1' },
  name,
  node,
  startedOn,
  returnTo: null,
  endedOn,
});

export const sampleTracks: TrackState[] = [
  track('seizure-1', 'seizure', '查封扣押', 'released', '2026-03-03', '2026-03-20'),
  track('preservation-1', 'preservation', '先行登记保存', 'preservation.decided', '2026-03-03', '2026-03-09'),
  track('dailyPenalty-1', 'dailyPenalty', '按日连续处罚', 'corrected', '2026-04-02', '2026-04-27'),
  track('referral-1', 'referral', '案件移送', 'referral.done', '2026-04-15', '2026-04-24'),
];

const seizureItems = sampleInputs['seizure-decision']!.seizureItems!;

export const sampleReport = {
  facts:
    '你单位年处理5万吨废塑料再生造粒建设项目位于天柱县邦洞街道工业园区，项目总投资500万元。该项目环境影响报告表未报经生态环境主管部门审批，你单位即于2025年11月擅自开工建设，至2026年3月2日执法人员现场检查时，已建成生产厂房及两条造粒生产线并投入试生产。',
  proposedFine: 100000,
  investment: 5000000,
  reasoning:
    '鉴于你单位项目总投资500万元，违法建设时间约四个月，案发后积极配合调查并停止建设，按照生态环境行政处罚裁量基准，按项目总投资额的百分之二予以处罚',
};
const referralReason =
  '当事人建设项目未依法进行环境影响评价，被责令停止建设后拒不执行，属于《中华人民共和国环境保护法》第六十三条第一项规定的情形';

export const sampleSteps: StepRecord[] = [
  step('submitFiling', '2026-03-03'),
  step('approveFiling', '2026-03-03', { comment: '同意立案。' }),
  step('approveSeizure', '2026-03-03', { comment: '同意查封。' }, 'seizure-1'),
  step(
    'implementSeizure',
    '2026-03-03',
    {
      implementedOn: '2026-03-03',
      place: '贵州某某塑料再生有限公司造粒车间',
      items: seizureItems,
      partyPresent: true,
      witness: '',
    },
    'seizure-1',
  ),
  step('approvePreservation', '2026-03-03', { comment: '同意先行登记保存。' }, 'preservation-1'),
  step(
    'implementPreservation',
    '2026-03-03',
    { implementedOn: '2026-03-03', items: sampleInputs['preservation-notice']!.preservedItems },
    'preservation-1',
  ),
  step('decidePreserved', '2026-03-09', { decidedOn: '2026-03-09', outcome: '解除先行登记保存' }, 'preservation-1'),
  step('finishInvestigation', '2026-03-09'),
  step('submitReport', '2026-03-09', { ...sampleReport, major: true, complex: true }),
  step('passReview', '2026-03-10', { comment: '事实清楚，证据确凿，拟处罚意见适当。' }),
  step('submitNotice', '2026-03-10'),
  step('approveNotice', '2026-03-11', { comment: '同意告知。' }),
  step('serveNotice', '2026-03-12'),
  step('requestHearing', '2026-03-16', { requestedOn: '2026-03-16', requestedBy: '吴志刚（法定代表人）', how: '书面' }),
  step('notifyHearing', '2026-03-17', {
    notifiedOn: '2026-03-17',
    hearingOn: '2026-03-27',
    place: '黔东南州生态环境局天柱分局三楼会议室',
    presider: '吴秀英',
    publicHearing: true,
  }),
  step('releaseSeizure', '2026-03-20', { releasedOn: '2026-03-20', reason: '违法行为已经消除' }, 'seizure-1'),
  step('recordHearing', '2026-03-27', {
    heldOn: '2026-03-27',
    partyAttended: true,
    summary: '当事人委托代理人称项目已停止建设，请求从轻处罚；对调查人员出示的证据无异议。',
  }),
  step('finishHearing', '2026-03-30', { opinion: '事实清楚，证据确凿，建议维持拟处罚意见。', proposedFine: 100000 }),
  step('completeLegalReview', '2026-03-31', {
    opinion: '事实清楚，证据确凿，适用法律正确，程序合法，裁量适当',
    passed: true,
  }),
  step('recordCollectiveDiscussion', '2026-04-01', {
    heldOn: '2026-04-01',
    participants: '杨建国、龙光明、吴秀英',
    conclusion: '同意罚款十万元。',
  }),
  step('submitDecision', '2026-04-01'),
  step('approveDecision', '2026-04-02', { comment: '同意。' }),
  step(
    'serveCorrectionOrder',
    '2026-04-03',
    {
      servedDocument: '责令改正违法行为决定书',
      servedOn: '2026-04-03',
      method: '直接送达',
      recipient: '吴志刚',
      consent: false,
      reasonForPublicNotice: '',
      correctBy: '2026-04-13',
    },
    'dailyPenalty-1',
  ),
  step('serveDecision', '2026-04-03'),
  step('recordPayment', '2026-04-10', { amount: 40000, paidOn: '2026-04-10', receiptNo: '5200002600012345' }),
  step(
    'recordRecheck',
    '2026-04-14',
    {
      recheckOn: '2026-04-14',
      corrected: false,
      covert: true,
      findings: '暗查发现两条造粒生产线仍在生产，未停止建设和生产',
    },
    'dailyPenalty-1',
  ),
  step(
    'decideDailyPenalty',
    '2026-04-15',
    { originalFine: 100000, servedOn: '2026-04-03', recheckOn: '2026-04-14', days: 11, amount: 1100000 },
    'dailyPenalty-1',
  ),
  step(
    'submitReferral',
    '2026-04-15',
    { kind: '行政拘留', receiver: '天柱县公安局', reason: referralReason },
    'referral-1',
  ),
  step('approveReferral', '2026-04-15', { comment: '同意移送。' }, 'referral-1'),
  step(
    'serveCorrectionOrder',
    '2026-04-16',
    {
      servedDocument: '责令改正违法行为决定书',
      servedOn: '2026-04-16',
      method: '直接送达',
      recipient: '吴志刚',
      consent: false,
      reasonForPublicNotice: '',
      correctBy: '2026-04-26',
    },
    'dailyPenalty-1',
  ),
  step(
    'sendReferral',
    '2026-04-16',
    {
      sentOn: '2026-04-16',
      materials:
        '移送书｜1｜2｜\n行政处罚案件调查报告｜1｜4｜复印件\n现场检查(勘察)笔录、调查询问笔录｜各1｜6｜复印件\n现场照片｜2｜2｜',
    },
    'referral-1',
  ),
  step(
    'recordReferralReceipt',
    '2026-04-24',
    { receivedOn: '2026-04-24', result: '天柱县公安局已受理，对吴志刚处以行政拘留十日。' },
    'referral-1',
  ),
  step('sendReminder', '2026-04-27', { servedOn: '2026-04-27', method: '直接送达' }),
  step(
    'recordRecheck',
    '2026-04-27',
    { recheckOn: '2026-04-27', corrected: true, covert: true, findings: '生产线已停止运行并断电' },
    'dailyPenalty-1',
  ),
  step('applyForEnforcement', '2026-05-18', { appliedOn: '2026-05-18', court: '天柱县人民法院' }),
  step('recordCourtResult', '2026-06-15', {
    result: '天柱县人民法院裁定准予强制执行，已划拨罚款6万元。',
    executedAmount: 60000,
  }),
  step('recordPayment', '2026-06-15', { amount: 60000, paidOn: '2026-06-15', receiptNo: '（2026）黔2627行审执12号' }),
  step('finishExecution', '2026-06-15'),
  step('submitClosing', '2026-06-18'),
  step('approveClosing', '2026-06-19', { comment: '同意结案。' }),
];

function doc(type: DocumentType, name: string, on: string, fields: Record<string, string> = {}): DocumentRecord {
  return {
    id: `doc-${type}-${on}`,
    type,
    name: `《${name}》`,
    number: sampleNumbers[type] ?? null,
    version: 1,
    docxHash: '0'.repeat(64),
    templateVersion: '2026.1',
    generatedAt: `${on}T02:00:00.000Z`,
    generatedBy: '张伟',
    fields,
  };
}
/** A 送达回证 names what it serves by type id, as the projection holds it. */
const receipt = (served: DocumentType, on: string): DocumentRecord => ({
  ...doc('service-receipt', '送达回证', on, {
    servedDocument: served,
    servedOn: on,
    serviceMethod: '直接送达',
    recipient: '吴志刚',
  }),
  id: `doc-receipt-${documentTypeName(served)}-${on}`,
});

export const sampleDocuments: DocumentRecord[] = [
  doc('filing-approval', '立案审批表', '2026-03-03'),
  doc('inspection-record', '现场检查(勘察)笔录', '2026-03-03'),
  doc('seizure-approval', '查封(扣押)审批表', '2026-03-03', sampleInputs['seizure-approval']),
  doc('seizure-decision', '查封(扣押)决定书', '2026-03-03', sampleInputs['seizure-decision']),
  doc('seizure-list', '查封、扣押清单', '2026-03-03', sampleInputs['seizure-list']),
  doc('preservation-notice', '先行登记保存证据通知书', '2026-03-03', sampleInputs['preservation-notice']),
  doc('interview-record', '调查询问笔录', '2026-03-04'),
  doc('sampling-record', '采样取证登记单', '2026-03-06', sampleInputs['sampling-record']),
  doc('preservation-release-notice', '解除先行登记保存证据通知书', '2026-03-09'),
  doc('investigation-report', '行政处罚案件调查报告', '2026-03-09', sampleInputs['investigation-report']),
  doc('internal-approval', '案件处理内部审批表', '2026-03-10'),
  doc('penalty-notice', '行政处罚事先告知书', '2026-03-10'),
  receipt('penalty-notice', '2026-03-12'),
  doc('hearing-notice', '行政处罚听证通知书', '2026-03-17', sampleInputs['hearing-notice']),
  doc('seizure-release', '解除查封(扣押)决定书', '2026-03-20', sampleInputs['seizure-release']),
  doc('hearing-record', '听证笔录', '2026-03-27', sampleInputs['hearing-record']),
  doc('hearing-report', '听证报告', '2026-03-30', sampleInputs['hearing-report']),
  doc('legal-review-opinion', '法制审核意见书', '2026-03-31', sampleInputs['legal-review-opinion']),
  doc('collective-discussion-record', '案件集体讨论笔录', '2026-04-01', sampleInputs['collective-discussion-record']),
  doc('penalty-decision', '行政处罚决定书', '2026-04-01'),
  doc('correction-order', '责令改正违法行为决定书', '2026-04-02', sampleInputs['correction-order']),
  receipt('penalty-decision', '2026-04-03'),
  receipt('correction-order', '2026-04-03'),
  doc('recheck-opinion', '复查意见书', '2026-04-14', sampleInputs['recheck-opinion']),
  doc('daily-penalty-decision', '按日连续处罚决定书', '2026-04-15'),
  doc(
    'detention-referral-approval',
    '移送行政拘留案件审批表',
    '2026-04-15',
    sampleInputs['detention-referral-approval'],
  ),
  doc('referral-letter', '移送书', '2026-04-16', sampleInputs['referral-letter']),
  doc('reminder', '催告书', '2026-04-24', sampleInputs.reminder),
  receipt('reminder', '2026-04-27'),
  doc('enforcement-application', '强制执行申请书', '2026-05-18', sampleInputs['enforcement-application']),
  doc('closing-approval', '结案审批表', '2026-06-18', sampleInputs['closing-approval']),
];

export const sampleServices: CaseState['services'] = [
  { documentType: 'penalty-notice', servedOn: '2026-03-12', method: '直接送达', recipient: '吴志刚' },
  { documentType: 'correction-order', servedOn: '2026-04-03', method: '直接送达', recipient: '吴志刚' },
  { documentType: 'penalty-decision', servedOn: '2026-04-03', method: '直接送达', recipient: '吴志刚' },
  { documentType: 'correction-order', servedOn: '2026-04-16', method: '直接送达', recipient: '吴志刚' },
];

export const sampleApprovals: CaseState['approvals'] = [
  ['approveFiling', '2026-03-03', '同意立案。'],
  ['approveSeizure', '2026-03-03', '同意查封。'],
  ['approvePreservation', '2026-03-03', '同意先行登记保存。'],
  ['passReview', '2026-03-10', '事实清楚，证据确凿，拟处罚意见适当。'],
  ['approveNotice', '2026-03-11', '同意告知。'],
  ['approveDecision', '2026-04-02', '同意。'],
  ['approveReferral', '2026-04-15', '同意移送。'],
  ['approveClosing', '2026-06-19', '同意结案。'],
].map(([action, on, comment]) => ({
  action: action!,
  by: 'u-head',
  byName: '杨建国',
  at: `${on}T06:00:00.000Z`,
  comment: comment!,
}));
