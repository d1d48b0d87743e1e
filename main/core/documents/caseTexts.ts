/**
 * Sentences that documents compose from a case's record: the evidence list, the history of the
 * advance notice and defence (a decision must show that 处罚法 arts. 44–45 were honoured), the
 * service and payment record of the closing form. Pure functions of the state.
 */
import { chinaDate } from '../domain/dates.js';
import type { CaseState, DocumentRecord } from '#common/schemas/cases.js';
import type { ArticleRef } from '#common/schemas/reference.js';
import { numericChineseDate } from '../domain/chineseText.js';
import { yuanFigures } from '#common/money.js';
import { noticeServedOn } from '../domain/procedure/facts.js';
import { documentTypeName } from '#common/documentTypeNames.js';

const noticeDocumentName = documentTypeName(docType.penaltyNotice);
const decisionDocumentName = documentTypeName(docType.penaltyDecision);
import { docType } from '#common/documentTypes.js';

/** 《中华人民共和国环境影响评价法》第二十五条, whether or not the data wrote the book-title marks. */
export function articleText(a: ArticleRef): string {
  const law = a.law.startsWith('《') ? a.law : `《${a.law}》`;
  return `${law}${a.article}`;
}

/** Several articles of one law share its name: 《…法》第十八条、第九十九条. */
export function articlesText(list: ArticleRef[]): string {
  const byLaw = new Map<string, string[]>();
  for (const a of list) {
    const law = articleText({ law: a.law, article: '' });
    byLaw.set(law, [...(byLaw.get(law) ?? []), a.article]);
  }
  return [...byLaw].map(([law, arts]) => `${law}${arts.join('、')}`).join('、');
}

/** The newest version of a document, found by its type or by its displayed name (《…》). */
export function latestDocument(state: CaseState, match: (d: DocumentRecord) => boolean): DocumentRecord | null {
  return [...state.documents].reverse().find(match) ?? null;
}
export const latestNumber = (state: CaseState, type: string): string =>
  latestDocument(state, (d) => d.type === type && d.number !== null)?.number ?? '';

export interface EvidenceItem {
  seq: number;
  text: string;
}

/** Investigation records on file (inspection, interview, sampling), then each photo with its date: what proves the facts. */
export function evidenceItems(state: CaseState): EvidenceItem[] {
  const texts: string[] = [];
  for (const type of [docType.inspectionRecord, docType.interviewRecord, docType.samplingRecord]) {
    const d = latestDocument(state, (x) => x.type === type);
    if (d) texts.push(`${d.name}（${numericChineseDate(chinaDate(new Date(d.generatedAt)))}制作）`);
  }
  // The execution record (缴款凭证 …) proves the payment, not the facts.
  for (const e of state.evidence)
    if (e.kind !== 'execution') texts.push(`现场照片：${e.description}（${numericChineseDate(e.takenOn)}拍摄）`);
  return texts.map((text, i) => ({ seq: i + 1, text }));
}

/**
 * What the decision says about the notice, the party's defence and any hearing (处罚法 arts. 44,
 * 45, 62–65). `hearing` is the account of a hearing held (see mainTexts.hearingHistory), or ''.
 */
export function noticeHistory(state: CaseState, hearingRight: boolean, defenceReview: string, hearing = ''): string {
  const number = latestNumber(state, docType.penaltyNotice);
  const servedOn = noticeServedOn(state);
  const rights = `陈述、申辩${hearingRight ? '、要求听证' : ''}`;
  const notice = servedOn
    ? `我局于${numericChineseDate(servedOn)}向你单位送达了《${noticeDocumentName}》${number ? `（${number}）` : ''}`
    : `我局以《${noticeDocumentName}》${number ? `（${number}）` : ''}`;
  const told = `${notice}，告知你单位拟作出行政处罚的内容及事实、理由、依据，以及依法享有的${rights}等权利。`;
  const statements = state.defence.statements;
  if (statements.length === 0 && !hearing)
    return `${told}你单位在规定期限内未提出陈述、申辩意见${hearingRight ? '，也未要求听证' : ''}。`;
  const waived = statements.find((s) => s.waived);
  if (waived && !hearing) return `${told}你单位于${numericChineseDate(waived.on)}书面表示放弃${rights}的权利。`;
  const spoken = statements.filter((s) => !s.waived);
  const said = spoken.length
    ? `你单位于${spoken.map((s) => `${numericChineseDate(s.on)}提出：${trimEnd(s.text)}`).join('；')}。`
    : '';
  const review = defenceReview.trim()
    ? `经复核，${trimEnd(defenceReview)}。`
    : '我局对你单位提出的事实、理由和证据进行了复核。';
  return `${told}${said}${hearing}${review}`;
}

export function decisionServiceText(state: CaseState): string {
  const s = state.services.find((x) => x.documentType === docType.penaltyDecision);
  if (!s) return '行政处罚决定书尚未送达。';
  const number = latestNumber(state, docType.penaltyDecision);
  return `《${decisionDocumentName}》${number ? `（${number}）` : ''}于${numericChineseDate(s.servedOn)}以${s.method}方式送达，收件人${s.recipient}。`;
}

export function paymentsText(state: CaseState, fine: number | null): string {
  if (state.payments.length === 0) return '当事人尚未缴纳罚款。';
  const paid = state.payments.reduce((a, p) => a + p.amount, 0);
  const lines = state.payments.map(
    (p) =>
      `当事人于${numericChineseDate(p.paidOn)}缴纳罚款人民币${yuanFigures(p.amount)}元（缴款凭证号：${p.receiptNo}）。`,
  );
  if (fine !== null) lines.push(paid >= fine ? '罚款已全额缴纳。' : `尚欠罚款人民币${yuanFigures(fine - paid)}元。`);
  return lines.join('\n');
}

/**
 * Facts written to the party (“你单位…”), for documents that speak of the party in the third
 * person (reports to the head, letters to the police or a court): “当事人…”.
 */
export function thirdPerson(text: string): string {
  return text.replace(/你(单位|公司|厂|企业)/gu, '当事人').replace(/你们/gu, '当事人');
}

/** Drops the closing punctuation of a sentence that is to be embedded in another. */
export function trimEnd(text: string): string {
  return text.trim().replace(/[。；，、.;,\s]+$/u, '');
}
