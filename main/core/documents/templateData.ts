/**
 * The values a template is filled with: the case's record in the forms documents print (articles
 * as 《…法》第…条, amounts in figures and in capitals, dates as 2026年3月5日 or 二〇二六年三月五日)
 * plus what the clerk typed into the template's form. Pure: the date comes in as `today`.
 *
 * Case values win over typed values of the same key: a form cannot change the party or the fine;
 * those change only through the case's own actions, so the record and the paper never disagree.
 */
import type { CaseState } from '#common/schemas/cases.js';
import type { TemplateField, TemplateInfo } from '#common/schemas/documents.js';
import {
  amountInWords,
  chineseDate,
  numericChineseDate,
  numericChineseDateTime,
  yuanText,
} from '../domain/chineseText.js';
import { yuanFigures } from '#common/money.js';
import {
  articleText,
  articlesText,
  decisionServiceText,
  evidenceItems,
  latestDocument,
  latestNumber,
  noticeHistory,
  paymentsText,
  thirdPerson,
  trimEnd,
  type EvidenceItem,
} from './caseTexts.js';
import { sampleRows } from './formText.js';
import {
  documentMaterials,
  documentRows,
  executionTexts,
  hearingHeldText,
  hearingHistory,
  hearingTexts,
  onSpotTexts,
  outcomeText,
  photoRows,
  remarkLines,
  restrictionCheck,
  reviewHistoryText,
} from './mainTexts.js';
import { correctionTexts, preservationTexts, referralTexts, seizureTexts } from './trackTexts.js';
import type { BureauInfo as BureauDocumentInfo } from '#common/bureauInfo.js';
import { isLargeFine, type HearingThreshold } from '../domain/hearingThreshold.js';
import {
  bureauTexts,
  checkRecipient,
  correctionParagraph,
  dossierTexts,
  partyReasoning,
  shippedHearingThreshold,
} from './requiredTexts.js';
import { citationTexts } from './citationTexts.js';
import type { LegalBasis } from '#common/schemas/legalBasis.js';
import type { CitationsFile } from '#common/schemas/citations.js';
import { docType } from '#common/documentTypes.js';
import { documentTypeName } from '#common/documentTypeNames.js';
import { receiptFieldKeys } from './names.js';

/** The bureau's name and, from 本局设置, what its documents print (address, telephone, court, where to pay). */
export interface BureauInfo extends Partial<BureauDocumentInfo> {
  name: string;
  abbreviation: string;
  /** 行政复议机关; derived from the bureau's name when absent (see reviewOrganOf). */
  reviewOrgan?: string;
}

export interface TemplateDataInput {
  state: CaseState;
  bureau: BureauInfo;
  number: string | null;
  fields: Record<string, string>;
  today: string;
  /**
   * 较大数额罚款, from which the party must be told of its right to a hearing (处罚法 art. 63(1)):
   * data (resources/discretion/hearing-thresholds.json, unverified), read there when not passed.
   */
  hearingThreshold?: HearingThreshold;
  /** The measures of the violation type's penalty clause (责令改正 …), when the caller knows the type. */
  penalties?: ReadonlyArray<{ kind: string }>;
  /**
   * The law the case rests on, from the date of its act (从旧兼从轻): the documents cite the provision
   * it applies and print its comparison. Absent: the type chosen at 立案, as recorded.
   */
  legalBasis?: LegalBasis | null;
  /** The core's copy of resources/laws/citations.json (checked at start); else the shipped file (citationTexts.ts). */
  citations?: CitationsFile;
}

/**
 * Inputs the data builder reads and writes back under the same key, in the form documents print
 * them: lists as rows (with what the case recorded when nothing was typed), amounts in figures,
 * 是/否 as a flag, the served document's name without 《》. Every other key a form types is
 * printed as typed, and no case value may take its key.
 */
export const normalisedInputKeys: ReadonlySet<string> = new Set([
  'samples',
  'preservedItems',
  'seizureItems',
  'disposedItems',
  'referralMaterials',
  'surchargeAmount',
  'onSpotWarning',
  'onSpotFine',
  'servedDocument',
]);

export interface OfficerData {
  seq: number;
  name: string;
  certificateNo: string;
}

export interface TemplateData {
  [key: string]: unknown;
  bureauName: string;
  bureauAbbr: string;
  reviewOrgan: string;
  docNumber: string;
  caseNumber: string;
  docDate: string;
  docDateCn: string;
  partyName: string;
  partyUscc: string;
  partyLegalRep: string;
  partyAddress: string;
  officers: OfficerData[];
  officerNames: string;
  officersWithCerts: string;
  officer1Name: string;
  officer1Cert: string;
  officer2Name: string;
  officer2Cert: string;
  violationName: string;
  breachedArticles: string;
  penaltyArticle: string;
  penaltyText: string;
  legalBasisStatement: string;
  source: string;
  summary: string;
  discoveredOn: string;
  filedOn: string;
  filingApprovedOn: string;
  facts: string;
  factsThirdPerson: string;
  reasoning: string;
  evidenceList: EvidenceItem[];
  hasEvidence: boolean;
  fine: number | null;
  fineFigures: string;
  fineWords: string;
  fineText: string;
  hearingRight: boolean;
  noticeNumber: string;
  noticeHistory: string;
  decisionNumber: string;
  decisionApprovedOn: string;
  decisionServiceText: string;
  paymentsText: string;
  servedDocumentTitle: string;
  caseTitle: string;
  closedOnText: string;
  outcomeText: string;
  warning: boolean;
  hasFine: boolean;
  reasoningText: string;
  noticeRef: string;
}

/**
 * The facts as the clerk wrote them, less a leading 经查/经调查: every template that prints them
 * introduces them itself (“经查，你单位存在以下环境违法行为：”, “经我局调查：”), and the clerk's text
 * usually starts the same way, which printed “经查，……：经查，……”.
 */
export function factsWithoutLead(facts: string): string {
  return facts.trim().replace(/^(经查|经调查|经我局调查|经核查)[，,：:]\s*/, '');
}

export function buildTemplateData(input: TemplateDataInput): TemplateData {
  const { state, bureau, number, fields, today } = input;
  const typed = Object.fromEntries(Object.entries(fields).map(([k, v]) => [k, formatTyped(v)]));
  // The proposal as it stands: a hearing or a 复核 may have lowered it below what was noticed, and
  // the 法制审核意见书 and 决定书 made before the decision must print that amount, not the notice's.
  const fine = state.decision?.fine ?? state.report?.proposedFine ?? state.noticedFine ?? null;
  const hearingRight =
    fields.hearingRight !== undefined
      ? fields.hearingRight === '是'
      : fine !== null && isLargeFine(fine, state.partyKind, input.hearingThreshold ?? shippedHearingThreshold());
  const officers = state.officers.map((o, i) => ({ seq: i + 1, name: o.name, certificateNo: o.certificateNo }));
  const evidenceList = evidenceItems(state);
  const date = (iso: string | null | undefined): string => (iso ? numericChineseDate(iso) : '');
  const reasoning = trimEnd(state.report?.reasoning ?? '');

  const data: TemplateData = {
    bureauName: bureau.name,
    bureauAbbr: bureau.abbreviation,
    reviewOrgan: bureau.reviewOrgan ?? reviewOrganOf(bureau.name),
    docNumber: number ?? '',
    caseNumber: state.number,
    docDate: numericChineseDate(today),
    docDateCn: chineseDate(today),
    partyName: state.party.name,
    partyUscc: state.party.uscc,
    partyLegalRep: state.party.legalRepresentative,
    partyAddress: state.party.address,
    officers,
    officerNames: officers.map((o) => o.name).join('、'),
    officersWithCerts: officers.map((o) => `${o.name}（执法证号：${o.certificateNo}）`).join('、'),
    officer1Name: officers[0]?.name ?? '',
    officer1Cert: officers[0]?.certificateNo ?? '',
    officer2Name: officers[1]?.name ?? '',
    officer2Cert: officers[1]?.certificateNo ?? '',
    ...provisionTexts(state, input.legalBasis),
    source: state.source,
    summary: state.summary,
    discoveredOn: date(state.discoveredOn),
    filedOn: date(state.filedOn),
    filingApprovedOn: date(state.filingApprovedOn),
    facts: factsWithoutLead(state.report?.facts ?? state.summary),
    factsThirdPerson: thirdPerson(factsWithoutLead(state.report?.facts ?? state.summary)),
    // Embedded mid-sentence before “我局拟/决定…”, so it carries its own comma. The party's documents
    // state the reasons in legal language: the formula and its figures stay in reasoningText (副卷).
    reasoning: partyReasoning(state.report) ? `${partyReasoning(state.report)}，` : '',
    evidenceList,
    hasEvidence: evidenceList.length > 0,
    fine,
    fineFigures: fine === null ? '' : yuanFigures(fine),
    fineWords: fine === null ? '' : amountInWords(fine),
    fineText: fine === null ? '' : yuanText(fine),
    hearingRight,
    noticeNumber: latestNumber(state, docType.penaltyNotice),
    noticeRef: latestNumber(state, docType.penaltyNotice) ? `（${latestNumber(state, docType.penaltyNotice)}）` : '',
    noticeHistory: noticeHistory(state, hearingRight, fields.defenceReview ?? '', hearingHistory(state)),
    decisionNumber: latestNumber(state, docType.penaltyDecision) || (number ?? ''),
    decisionApprovedOn: date(state.decision?.approvedOn),
    decisionServiceText: decisionServiceText(state),
    paymentsText: paymentsText(state, fine),
    servedDocumentTitle: servedDocumentTitle(state, fields),
    servedDocument: servedName(fields.servedDocument ?? ''),
    servedNumberRef: servedNumberRef(state, fields),
    caseTitle: `${state.party.name}${state.violation.name}案`,
    closedOnText: state.closedOn ? date(state.closedOn) : '（尚未结案）',
    outcomeText: outcomeText(state, fine === null ? '' : amountInWords(fine)),
    warning: state.decision?.warning ?? false,
    hasFine: fine !== null && fine > 0,
    reasoningText: reasoning ? `${thirdPerson(reasoning)}。` : '',
    ...stepData(input, fine),
    ...requiredData(input),
    // The articles the authority's acts rest on, as in force on the day (resources/laws/citations.json).
    ...citationTexts(input),
  };
  return { ...typed, ...data };
}

/**
 * What the procedure's steps recorded and the lists documents print (see mainTexts and
 * trackTexts). Every key is present whatever the case's stage, so a template's tags are known.
 */
function stepData({ state, bureau, fields }: TemplateDataInput, fine: number | null): Record<string, unknown> {
  restrictionCheck(fields);
  const onFileSamples = latestDocument(state, (d) => d.type === docType.samplingRecord)?.fields.samples ?? '';
  const documents = documentRows(state, bureau.name);
  return {
    ...hearingTexts(state),
    hearingHeldText: hearingHeldText(state),
    reviewHistoryText: reviewHistoryText(state),
    ...executionTexts(state, fine, fields),
    ...onSpotTexts(state, fields),
    ...seizureTexts(state, fields),
    ...preservationTexts(state, fields),
    ...correctionTexts(state, fine),
    ...referralTexts(state, fields, () => documentMaterials(state)),
    samples: sampleRows(fields.samples || onFileSamples),
    photos: photoRows(state),
    documentRows: documents,
    documentCount: String(documents.length),
    photoCount: String(state.evidence.filter((e) => e.kind !== 'execution').length),
    remarkLines: remarkLines(state),
  };
}

/** 本局设置 (address, telephone, court, where to pay), the decision's order to correct, the dossier's figures (requiredTexts.ts). */
function requiredData({ state, bureau, fields, penalties, legalBasis }: TemplateDataInput): Record<string, unknown> {
  checkRecipient(state, fields);
  // The clause the decision rests on (the law of the act's day, or the lighter one), as the decision prints it.
  const clause = provisionTexts(state, legalBasis);
  return {
    ...bureauTexts(bureau),
    correctionParagraph: correctionParagraph(state, fields, clause.penaltyArticle, clause.penaltyText, penalties),
    ...dossierTexts(state, fields),
  };
}

/**
 * What the documents cite: the provision the legal basis applies — the Code's for an act since
 * 2026-08-15, the lighter one for an earlier act — with the comparison in legal Chinese, printed in the
 * 调查报告, 告知书 and 决定书 whenever the law changed between the act and the decision.
 */
function provisionTexts(
  state: CaseState,
  basis: LegalBasis | null | undefined,
): Pick<TemplateData, 'violationName' | 'breachedArticles' | 'penaltyArticle' | 'penaltyText' | 'legalBasisStatement'> {
  const p = basis?.applied;
  return {
    violationName: p?.typeName ?? state.violation.name,
    breachedArticles: articlesText(p?.breached ?? state.violation.breached),
    penaltyArticle: articleText(p?.penaltyArticle ?? state.violation.penaltyArticle),
    penaltyText: trimEnd(p?.penaltyText ?? state.violation.penaltyText),
    legalBasisStatement: basis?.statement ?? '',
  };
}

/** Required input fields of the template that the form left empty. */
export function missingInputFields(template: TemplateInfo, fields: Record<string, string>): TemplateField[] {
  return template.fields.filter((f) => f.source === 'input' && f.required && !(fields[f.key] ?? '').trim());
}

/**
 * 行政复议机关 of an eco-environment bureau: since the 2023 行政复议法 (art. 24) the people's
 * government of the same level, also for a 分局 acting in its own name (a 派出机构 of the city or
 * prefecture bureau). 黔东南州生态环境局天柱分局 → 黔东南州人民政府.
 */
export function reviewOrganOf(bureauName: string): string {
  const m = /^(.+?)生态环境(局|厅)/.exec(bureauName);
  return m ? `${m[1]}人民政府` : '有管辖权的行政复议机关';
}

/** “《行政处罚决定书》（黔东南环天罚字〔2026〕5号）”: the served document with the number it bears. */
function servedDocumentTitle(state: CaseState, fields: Record<string, string>): string {
  const name = servedName(fields.servedDocument ?? '');
  return name ? `《${name}》${servedNumberRef(state, fields)}` : '';
}
/** The served document's name: the receipt holds its type id (older receipts: the name typed). */
const servedName = (served: string): string => (served.trim() ? documentTypeName(served) : '');
/**
 * The 文号 of the document the receipt serves: the one it names by id (application/servedChoice.ts), so
 * with two documents of a type it is the chosen one's; a receipt made before ids, the newest of its type.
 */
function servedNumberRef(state: CaseState, fields: Record<string, string>): string {
  const id = fields[receiptFieldKeys.servedDocumentId];
  const name = servedName(fields.servedDocument ?? '');
  const d = id
    ? state.documents.find((x) => x.id === id)
    : name
      ? latestDocument(state, (x) => x.name === `《${name}》` && x.number !== null)
      : null;
  return d?.number ? `（${d.number}）` : '';
}

/** Typed dates and times are printed as records print them: 2026年3月2日9时30分. */
function formatTyped(value: string): string {
  return /^\d{4}-\d{2}-\d{2}([ T]\d{1,2}:\d{2})?$/.test(value.trim()) ? numericChineseDateTime(value) : value;
}
