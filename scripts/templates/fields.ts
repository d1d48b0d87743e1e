/**
 * How a catalog entry is written: the manifest entry (templates/manifest.json) of one document and
 * the builder of its body. Field helpers: `c` for data the case holds, `i` for what the clerk types
 * in the form before generation (a document never prints a blank tag).
 *
 * Keys of input fields never coincide with keys the case data supplies (checked in
 * main/core/documents/manifest.test.ts): the case would silently win over what was typed.
 */
import type { TemplateField, TemplateInfo } from '#common/schemas/documents.js';
import type { DossierGroup } from '#common/dossierGroups.js';
import type { FooterKind } from './ooxml.js';

/** The version of the templates as first generated; a template whose text changes gets the next one. */
export const templateVersion = '2026.1';

export const c = (key: string, label: string): TemplateField => ({ key, label, source: 'case', required: true });
export const i = (
  key: string,
  label: string,
  input: NonNullable<TemplateField['input']>,
  required = true,
): TemplateField => ({ key, label, source: 'input', input, required });

export const party = [
  c('partyName', '当事人名称'),
  c('partyUscc', '统一社会信用代码'),
  c('partyLegalRep', '法定代表人'),
  c('partyAddress', '地址'),
];
export const violation = [
  c('violationName', '案由'),
  c('breachedArticles', '违反的法律条款'),
  c('penaltyArticle', '处罚依据'),
];
export const fine = [c('fineWords', '罚款金额（大写）'), c('fineFigures', '罚款金额（小写）')];
export const docNumber = c('docNumber', '文号');
/** From 本局设置 (common/bureauInfo.ts): the court for 行政诉讼, and where a fine is paid (documents.generate refuses while unset). */
export const court = c('litigationCourt', '行政诉讼管辖法院（本局设置）');
export const paymentWhere = c('paymentWhere', '罚款缴纳银行、户名和账号或者非税收入缴款码（本局设置）');

export interface CatalogEntry {
  info: TemplateInfo;
  footer: FooterKind;
  body: () => string[];
}

type EntryInfo = Omit<TemplateInfo, 'version' | 'file' | 'group'> & { id: keyof typeof order; version?: string };

export const entry = (info: EntryInfo, footer: FooterKind, body: () => string[]): CatalogEntry => ({
  info: { ...info, file: `${info.id}.docx`, version: info.version ?? templateVersion, group: groupOf[info.id] },
  footer,
  body,
});

/**
 * Dossier order (manifest `order` and `group`), after the 2010 rule: the 正卷 runs decision (and its
 * 送达回证, placed right after it by the dossier builder), 立案, investigation and evidence, notices and
 * hearing, property measures, execution, closing, other; the 副卷 (hearing report, review opinions,
 * collective discussion, internal approvals) follows from 60. The cover and catalog lead, the 备考表
 * ends the file. Orders are whole numbers: a receipt files at its document + 0.5. The groups are those
 * of common/dossierGroups.ts, in its order (checked when the manifest is loaded).
 */
const placed = {
  封面和目录: { 'dossier-cover': 0, 'dossier-catalog': 1 },
  决定书: {
    'penalty-decision': 2,
    'no-penalty-decision': 3,
    'on-spot-decision': 4,
    'daily-penalty-decision': 5,
    'transfer-letter': 6,
  },
  立案: { 'filing-approval': 8 },
  调查取证: {
    'inspection-record': 10,
    'interview-record': 11,
    'sampling-record': 12,
    'photo-evidence': 13,
    'preservation-notice': 14,
    'preservation-release-notice': 15,
    'investigation-report': 16,
  },
  '责令改正、告知和听证': {
    'correction-order': 18,
    'restriction-decision': 19,
    'penalty-notice': 20,
    'hearing-notice': 21,
    'hearing-record': 22,
  },
  查封扣押: {
    'seizure-decision': 24,
    'seizure-list': 25,
    'seizure-extension-notice': 26,
    'seizure-release': 27,
    'confiscation-record': 28,
  },
  执行: { 'deferral-notice': 30, 'recheck-opinion': 31, reminder: 32, 'enforcement-application': 33 },
  结案和销案: { 'closing-approval': 36, 'withdrawal-approval': 37 },
  移送: { 'referral-letter': 40, 'referral-materials': 41 },
  送达回证: { 'service-receipt': 45 },
  副卷: {
    'hearing-report': 60,
    'internal-approval': 61,
    'legal-review-opinion': 62,
    'collective-discussion-record': 63,
    'seizure-approval': 64,
    'detention-referral-approval': 65,
  },
  备考表: { 'dossier-remarks': 99 },
} as const satisfies Record<DossierGroup, Record<string, number>>;

type Placed = typeof placed;
type TemplateId = { [G in keyof Placed]: keyof Placed[G] }[keyof Placed];

const places = Object.entries(placed).flatMap(([group, ids]) =>
  Object.entries(ids).map(([id, n]) => ({ id: id as TemplateId, group: group as DossierGroup, order: n as number })),
);
export const order = Object.fromEntries(places.map((p) => [p.id, p.order])) as Record<TemplateId, number>;
const groupOf = Object.fromEntries(places.map((p) => [p.id, p.group])) as Record<TemplateId, DossierGroup>;
