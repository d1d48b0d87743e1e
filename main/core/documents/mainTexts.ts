/**
 * What the documents of the main procedure read from the steps it recorded (hearing, legal review,
 * execution) and from the file as a whole (photos, the catalog and remarks of the dossier).
 * Pure functions of the state and of what the clerk typed.
 */
import type { CaseState } from '#common/schemas/cases.js';
import { amountInWords, numericChineseDate } from '../domain/chineseText.js';
import { yuanFigures } from '#common/money.js';
import { chinaDate } from '../domain/dates.js';
import { lastStep } from '../domain/procedure/facts.js';
import { latestDocument, trimEnd } from './caseTexts.js';
import { parseChoice, parseYuan, refuseBeyond, type MaterialRow } from './formText.js';
import { documentSlot, receiptFieldKeys } from './names.js';
import { documentTypeName } from '#common/documentTypeNames.js';
import { docType, isDossierSheet } from '#common/documentTypes.js';

const main = 'main';
const date = (iso: unknown): string => (typeof iso === 'string' && iso ? numericChineseDate(iso) : '');
const text = (v: unknown): string => (typeof v === 'string' ? v : '');

/** The hearing as its steps recorded it: requested, noticed, held (处罚法 arts. 63–65). */
export function hearingTexts(state: CaseState) {
  const requested = lastStep(state, main, 'requestHearing');
  const noticed = lastStep(state, main, 'notifyHearing');
  const held = lastStep(state, main, 'recordHearing');
  return {
    hearingRequestedOn: date(requested?.data.requestedOn ?? requested?.on),
    scheduledHearingPlace: text(noticed?.data.place),
    scheduledPresider: text(noticed?.data.presider),
    hearingPublicText: noticed?.data.publicHearing === false ? '不公开举行' : '公开举行',
    hearingHeldOn: date(held?.data.heldOn ?? held?.on),
    hearingAttendanceText: held?.data.partyAttended === false ? '当事人未到场' : '当事人到场参加了听证',
    hearingSummary: text(held?.data.summary).trim(),
  };
}

/** “你单位于…提出听证申请，我局于…依法举行了听证…”: for the decision's account of arts. 44–45, 63–65. */
export function hearingHistory(state: CaseState): string {
  const h = hearingTexts(state);
  if (!h.hearingHeldOn) return '';
  return `你单位于${h.hearingRequestedOn || h.hearingHeldOn}提出听证申请，我局于${h.hearingHeldOn}依法举行了听证，听取了你单位的申辩和质证意见。`;
}

/** “本案已于…举行听证。” for the legal reviewer (处罚法 art. 58(1)(2): decisions after a hearing are reviewed). */
export function hearingHeldText(state: CaseState): string {
  const h = hearingTexts(state);
  return h.hearingHeldOn ? `本案已于${h.hearingHeldOn}举行听证。` : '';
}

/** What the heads are told of the hearing and the legal review before deciding together. */
export function reviewHistoryText(state: CaseState): string {
  const parts = [hearingHeldText(state)];
  const review = lastStep(state, main, 'completeLegalReview');
  if (review)
    parts.push(
      `法制审核意见：${trimEnd(text(review.data.opinion))}（${review.data.passed === false ? '审核未通过' : '审核通过'}）。`,
    );
  return parts.filter(Boolean).join('');
}

/** The fine owed, the 加处罚款 typed from the case page, the total (强制法 arts. 35, 45; 处罚法 art. 72). */
export function executionTexts(state: CaseState, fine: number | null, typed: Record<string, string>) {
  const paid = state.payments.reduce((a, p) => a + p.amount, 0);
  const unpaid = Math.max(0, (fine ?? 0) - paid);
  const surcharge = typed.surchargeAmount ? parseYuan('surchargeAmount', '加处罚款金额', typed.surchargeAmount) : 0;
  if (fine !== null && surcharge > fine) {
    refuseBeyond(
      'surchargeAmount',
      `加处罚款（${yuanFigures(surcharge)}元）不得超出罚款数额（${yuanFigures(fine)}元）（《中华人民共和国行政处罚法》第七十二条第一款第一项、《中华人民共和国行政强制法》第四十五条第二款）`,
    );
  }
  const reminderStep = lastStep(state, main, 'sendReminder');
  const decisionNumber = latestDocument(state, (d) => d.type === docType.penaltyDecision && d.number !== null)?.number;
  const reminderNumber = latestDocument(state, (d) => d.type === docType.reminder && d.number !== null)?.number;
  const served = state.services.find((s) => s.documentType === docType.penaltyDecision);
  if (typed.deferralKind) parseChoice('deferralKind', '方式', typed.deferralKind, ['延期', '分期'] as const);
  return {
    decisionRef: decisionNumber ? `（${decisionNumber}）` : '',
    decisionServedOn: date(served?.servedOn),
    paidSoFarText: paid > 0 ? `至今仅缴纳罚款人民币${yuanFigures(paid)}元` : '至今未缴纳罚款',
    unpaidFigures: yuanFigures(unpaid),
    unpaidWords: amountInWords(unpaid),
    surchargeAmount: yuanFigures(surcharge),
    surchargeWords: amountInWords(surcharge),
    totalDueFigures: yuanFigures(unpaid + surcharge),
    totalDueWords: amountInWords(unpaid + surcharge),
    reminderServedOn: date(reminderStep?.data.servedOn ?? reminderStep?.on),
    reminderRef: reminderNumber ? `（${reminderNumber}）` : '',
  };
}

/**
 * 当场处罚 (处罚法 arts. 51–52): a warning, or a fine of at most 200 yuan for a citizen and 3,000
 * yuan for an organisation. The figures are typed before the decision is recorded.
 */
export function onSpotTexts(state: CaseState, typed: Record<string, string>) {
  const warns = typed.onSpotWarning
    ? parseChoice('onSpotWarning', '是否给予警告', typed.onSpotWarning, ['是', '否'] as const) === '是'
    : false;
  const fine = typed.onSpotFine ? parseYuan('onSpotFine', '罚款金额', typed.onSpotFine) : 0;
  const limit = state.partyKind === 'individual' ? 200 : 3000;
  if (fine > limit) {
    refuseBeyond(
      'onSpotFine',
      `当场处罚的罚款不得超过${limit}元（${state.partyKind === 'individual' ? '公民' : '法人或者其他组织'}，《中华人民共和国行政处罚法》第五十一条）；请按一般程序办理`,
    );
  }
  if (typed.onSpotWarning && typed.onSpotFine && !warns && fine === 0)
    refuseBeyond('onSpotFine', '当场处罚应当给予警告或者罚款（《中华人民共和国行政处罚法》第五十一条）');
  return {
    onSpotWarning: warns,
    onSpotHasFine: fine > 0,
    onSpotFine: yuanFigures(fine),
    onSpotFineWords: amountInWords(fine),
  };
}

const evidenceKinds: Record<string, string> = {
  photo: '照片',
  scan: '书证扫描件',
  office: '电子文件',
  audio: '录音',
  video: '录像',
  sampling: '采样记录',
  other: '其他',
  execution: '执行凭证',
};

export function photoRows(state: CaseState) {
  return state.evidence
    .filter((e) => e.kind !== 'execution')
    .map((e, i) => ({
      seq: i + 1,
      kind: evidenceKinds[e.kind] ?? '其他',
      description: `${e.description}（${e.fileName}）`,
      takenOn: date(e.takenOn),
      hash: e.hash.slice(0, 8),
    }));
}

/** The newest version of each document on file (receipts one per served document), oldest first. */
function filedDocuments(state: CaseState) {
  const latest = new Map<string, CaseState['documents'][number]>();
  for (const d of state.documents) if (!isDossierSheet(d.type)) latest.set(documentSlot(d), d);
  return [...latest.values()].sort((a, b) => a.generatedAt.localeCompare(b.generatedAt));
}
const titleOf = (d: CaseState['documents'][number]): string => {
  const name = d.name.replace(/[《》]/g, '');
  const served = d.fields[receiptFieldKeys.servedDocument];
  return d.type === docType.serviceReceipt && served ? `${name}（${documentTypeName(served)}）` : name;
};

/** 卷内目录 rows: 文号, 责任者, 题名, 日期; the page is written in at binding. */
export function documentRows(state: CaseState, bureauName: string) {
  return filedDocuments(state).map((d, i) => ({
    seq: i + 1,
    number: d.number ?? '',
    author: bureauName,
    title: titleOf(d),
    date: date(chinaDate(new Date(d.generatedAt))),
    page: '',
  }));
}

/** The case's documents and evidence as a list of materials handed over (移送材料清单). */
export function documentMaterials(state: CaseState): MaterialRow[] {
  const rows = filedDocuments(state).map((d) => ({
    name: `${d.name}${d.number ? `（${d.number}）` : ''}`,
    copies: '1',
    pages: d.finalised ? String(d.finalised.pages) : '',
    note: d.finalised ? '' : '复印件',
  }));
  if (state.evidence.length)
    rows.push({ name: '现场照片、影像资料', copies: String(state.evidence.length), pages: '', note: '' });
  return rows.map((r, i) => ({ seq: i + 1, ...r }));
}

/** 备考表: the heads' comments, any override of the legality review, each track's start and end. */
export function remarkLines(state: CaseState) {
  const lines = [
    ...state.approvals
      .filter((a) => a.comment)
      .map((a) => `${date(chinaDate(new Date(a.at)))}，${a.byName}：${a.comment}`),
    ...state.overrides.map(
      (o) => `${date(o.on)}，${o.byName}：合法性审查“${o.ruleName}”未通过，决定继续办理。理由：${o.reason}`,
    ),
    ...state.tracks.map(
      (t) => `${t.name}：${date(t.startedOn)}启动${t.endedOn ? `，${date(t.endedOn)}办结` : '，尚未办结'}。`,
    ),
  ];
  return (lines.length ? lines : ['本卷无需要说明的情况。']).map((t, i) => ({ seq: i + 1, text: t }));
}

/** 处理结果 on the cover, from the decision the case reached. */
export function outcomeText(state: CaseState, fineWords: string): string {
  const d = state.decision;
  if (!d) return state.closedOn ? '结案' : '尚未作出决定';
  if (d.kind === 'noPenalty') return '不予行政处罚';
  if (d.kind === 'transfer') return '移送有管辖权的机关处理';
  return [d.warning ? '警告' : '', d.fine > 0 ? `罚款人民币${fineWords}` : ''].filter(Boolean).join('，') || '行政处罚';
}

export function restrictionCheck(typed: Record<string, string>): void {
  if (typed.restrictionMeasure)
    parseChoice('restrictionMeasure', '措施', typed.restrictionMeasure, ['限制生产', '停产整治'] as const);
}
