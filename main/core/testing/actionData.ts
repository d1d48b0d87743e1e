/** Valid data for every action form on a given day: for property tests that walk the procedures at random. */
import type { ActionFormName } from '#common/schemas/actions.js';

export function sampleActionData(
  form: string | null | undefined,
  today: string,
  fine: number,
  presider = '赵敏',
): Record<string, unknown> {
  const service = { servedOn: today, method: '直接送达', recipient: '王某', consent: false, reasonForPublicNotice: '' };
  const byForm: Record<ActionFormName, Record<string, unknown>> = {
    approval: { comment: '同意' },
    reasoned: { reason: '依法办理' },
    report: { facts: '超标排放', proposedFine: fine, investment: null, reasoning: '', major: false, complex: false },
    defence: { on: today, text: '申辩', newFacts: fine % 2 === 0, waived: false },
    reReview: { conclusion: '复核', adopted: false, proposedFine: fine },
    payment: { amount: fine, paidOn: today, receiptNo: 'R1' },
    hearingRequest: { requestedOn: today, requestedBy: '王某', how: '书面' },
    hearingNotice: {
      notifiedOn: today,
      hearingOn: `${Number(today.slice(0, 4)) + 1}${today.slice(4)}`,
      place: '会议室',
      presider,
      publicHearing: true,
    },
    hearingRecord: { heldOn: today, partyAttended: true, summary: '听证' },
    hearingReport: { opinion: '维持', proposedFine: fine },
    legalReview: { opinion: '同意', passed: true },
    collective: { heldOn: today, participants: '局领导', conclusion: '同意' },
    noPenalty: { ground: '违法事实不能成立', explanation: '' },
    transfer: { receiver: '公安局', reason: '移送' },
    extension: { newDueOn: `${Number(today.slice(0, 4)) + 1}${today.slice(4)}`, reason: '复杂' },
    service: { servedDocument: '不予行政处罚决定书', ...service },
    deferral: { newDueOn: `${Number(today.slice(0, 4)) + 1}${today.slice(4)}`, instalments: 1, reason: '困难' },
    reminder: { servedOn: today, method: '直接送达' },
    enforcement: { appliedOn: today, court: '人民法院' },
    courtResult: { result: '执行完毕', executedAmount: fine },
    archive: { archivedOn: today, retention: '30年', volumes: 1 },
    summaryDecision: { facts: 'x', warning: true, fine: 0, rightsExplained: true, servedOn: today },
    emergency: { implementedOn: today, reason: '紧急', items: '泵' },
    seizureImplement: { implementedOn: today, place: '厂区', items: '泵', partyPresent: true, witness: '' },
    release: { releasedOn: today, reason: '违法行为已经消除' },
    disposal: { decidedOn: today, disposal: '没收' },
    correctionService: { servedDocument: '责令改正违法行为决定书', ...service, correctBy: today },
    recheck: { recheckOn: today, corrected: fine % 3 === 0, covert: true, findings: '复查' },
    dailyOrderService: { servedDocument: '责令改正违法行为决定书', orderedOn: today, ...service, correctBy: today },
    dailyRecheck: {
      recheckOn: today,
      corrected: fine % 3 === 0,
      obstructed: fine % 5 === 0,
      covert: true,
      findings: '复查',
    },
    dailyDecision: { originalFine: fine },
    restrictionService: { servedDocument: '限制生产/停产整治决定书', ...service, kind: '限制生产', months: 3 },
    referral: { kind: '涉嫌犯罪', receiver: '公安局', reason: '移送' },
    referralSent: { sentOn: today, materials: '卷宗' },
    referralReceipt: { receivedOn: today, result: '受理' },
    preservationImplement: { implementedOn: today, items: '台账' },
    preservationDecision: { decidedOn: today, outcome: '解除先行登记保存' },
  };
  return form ? { ...(byForm[form as ActionFormName] ?? {}) } : {};
}
