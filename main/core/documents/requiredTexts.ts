/**
 * What the law requires the documents to say that the case record alone does not give (
 * "legal defects found in the documents"):
 * - the bureau's own facts from 本局设置: where to state a defence or ask for a hearing (告知书),
 *   where and how to pay (决定书, 处罚法 arts. 59(4), 67(3)), the court for 行政诉讼 (art. 59(5));
 * - the order to correct that every penalty carries (处罚法 art. 28(1));
 * - the discretion reasons in the party's documents in legal language: the weighted formula and
 *   its figures stay in the 调查报告 and the 副卷;
 * - the 送达回证's recipient and capacity (民事诉讼法 art. 88);
 * - the dossier's figures (件数, 页数, 保管期限, 立卷人) from the one binding that was made.
 * Pure functions of the case, the typed fields and the bureau's settings, except the shipped
 * hearing threshold read once as the fallback of callers that pass none.
 */
import type { CaseState } from '#common/schemas/cases.js';
import type { TemplateInfo } from '#common/schemas/documents.js';
import { AppError } from '#common/errors.js';
import { documentSettingLabels, type BureauInfo } from '#common/bureauInfo.js';
import type { HearingThreshold } from '../domain/hearingThreshold.js';
import { loadHearingThreshold } from '../hearingThresholdResource.js';
import { latestDocument, trimEnd } from './caseTexts.js';
import { parseChoice, refuseBeyond } from './formText.js';
import { docType } from '#common/documentTypes.js';

let shipped: HearingThreshold | null = null;
/** resources/discretion/hearing-thresholds.json, for callers (tests, previews) that pass no threshold. */
export function shippedHearingThreshold(): HearingThreshold {
  shipped ??= loadHearingThreshold();
  return shipped;
}

// ── 本局设置 ──────────────────────────────────────────────────────────────────────────────────

/**
 * Where the fine is paid, as the decision prints it after “到指定的银行或者通过电子支付系统缴纳罚款”:
 * the bank account, and/or the 非税收入 payment code. '' when the bureau set neither.
 */
export function paymentWhere(b: Partial<BureauInfo>): string {
  const bank = (b.paymentBank ?? '').trim();
  const name = (b.paymentAccountName ?? '').trim();
  const account = (b.paymentAccountNo ?? '').trim();
  const code = (b.nonTaxPaymentCode ?? '').trim();
  const parts: string[] = [];
  if (bank && name && account) parts.push(`开户银行：${bank}，户名：${name}，账号：${account}`);
  if (code) parts.push(`${parts.length ? '或者通过' : '通过'}非税收入电子缴款系统缴纳，缴款码：${code}`);
  return parts.join('；');
}

export function bureauTexts(b: Partial<BureauInfo>) {
  return {
    officeAddress: (b.officeAddress ?? '').trim(),
    officePhone: (b.officePhone ?? '').trim(),
    litigationCourt: (b.litigationCourt ?? '').trim(),
    paymentWhere: paymentWhere(b),
  };
}

/**
 * Refuses to generate a document that would print a setting the bureau has not made: one its
 * manifest fields name or its text shows as a tag (a template loaded by the bureau counts too);
 * the place to pay only where a fine is due.
 */
export function requireBureauSettings(
  template: TemplateInfo,
  templateText: string,
  data: Record<string, unknown>,
): void {
  const fineDue =
    template.id === docType.onSpotDecision
      ? data.onSpotHasFine === true
      : template.id === docType.penaltyDecision
        ? data.hasFine === true
        : true;
  const missing = Object.keys(documentSettingLabels)
    .filter((key) => template.fields.some((f) => f.key === key) || templateText.includes(`{${key}}`))
    .filter((key) => !String(data[key] ?? '').trim() && (key !== 'paymentWhere' || fineDue));
  if (missing.length) {
    const names = missing.map((key) => documentSettingLabels[key]!);
    throw new AppError(
      'SETTINGS_REQUIRED',
      `生成${template.name}前，请局负责人在“本局设置”的“本局文书信息”中填写：${names.join('、')}`,
      { settings: missing },
    );
  }
}

// ── 责令改正 (处罚法 art. 28(1)) ───────────────────────────────────────────────────────────────

const correctionKinds = new Set(['责令改正', '责令停止建设', '责令恢复原状']);

/** The penalty clause orders correction: its measures say so, or its text does (责令…). */
export function ordersCorrection(penaltyText: string, penalties?: ReadonlyArray<{ kind: string }>): boolean {
  return Boolean(penalties?.some((p) => correctionKinds.has(p.kind))) || penaltyText.includes('责令');
}

/** What the clause itself orders, when the clerk typed nothing: 停止建设 where it must (not “可以”), else the general order. */
function defaultCorrection(penaltyText: string): string {
  if (/(?<!可以)责令停止建设/u.test(penaltyText)) return '立即停止建设';
  return '立即改正上述违法行为';
}

/**
 * The decision's order to correct: a reference to the separate 责令改正违法行为决定书 when the case
 * has one, else the order itself (typed, or what the clause orders). '' when the clause orders none.
 */
export function correctionParagraph(
  state: CaseState,
  typed: Record<string, string>,
  penaltyArticle: string,
  penaltyText: string,
  penalties?: ReadonlyArray<{ kind: string }>,
): string {
  if (!ordersCorrection(penaltyText, penalties)) return '';
  const order = latestDocument(state, (d) => d.type === docType.correctionOrder && d.number !== null);
  if (order) {
    return `我局已另行作出《责令改正违法行为决定书》（${order.number}），责令你单位改正上述违法行为（《中华人民共和国行政处罚法》第二十八条第一款），你单位应当按照该决定书的要求改正。`;
  }
  const what = trimEnd(typed.decisionCorrection ?? '') || defaultCorrection(penaltyText);
  return `依据《中华人民共和国行政处罚法》第二十八条第一款和${penaltyArticle}的规定，责令你单位${what.replace(/^责令你单位/u, '')}。`;
}

// ── 裁量理由: legal language for the party ──────────────────────────────────────────────────

/** The calculator's paragraph (explanation.ts explanationText) as the clerk's text may carry it. */
const calculatedParagraph = /依据[^\n]*?根据生态环境行政处罚裁量基准[^\n]*?拟处罚款[^\n]*?。/gu;
/** Words of the weighted formula and its figures: a sentence with any of them is for the 调查报告 and 副卷 only. */
const formulaWords = /权重|加权|分值|系数|得分|计算为|×|[*%％]/u;

/**
 * The reasons for the amount as the 告知书 and 决定书 state them: the clerk's reasons without the
 * calculation (no weights, scores or formula), and, when the calculator was used, the factors it
 * weighed as 裁量情节. Ends without punctuation ('' when there is nothing to say).
 */
export function partyReasoning(report: CaseState['report']): string {
  if (!report) return '';
  const explanation = report.discretion?.explanation ?? '';
  let text = report.reasoning;
  if (explanation) text = text.split(explanation).join('\n');
  text = text.replace(calculatedParagraph, '\n');
  const kept = text
    .split(/[。；;\n]/u)
    .map((s) => trimEnd(s))
    .filter((s) => s && !formulaWords.test(s));
  const factors = /综合考虑：(.+?)；/u.exec(explanation)?.[1];
  if (factors) {
    const items = factors
      .split(/[，,](?=[^“”]*(?:“|$))/u)
      .map((f) => {
        const m = /^(.+?)为“(.+)”$/u.exec(f.trim());
        return m ? `${m[1]}（${m[2]}）` : f.trim();
      })
      .filter(Boolean);
    kept.push(`综合考虑${items.join('、')}等裁量情节，依照生态环境行政处罚裁量基准，在法定罚款幅度内确定罚款数额`);
  }
  return kept.join('；');
}

// ── 送达回证 (民事诉讼法 art. 88) ──────────────────────────────────────────────────────────────

const organisationCapacities = ['法定代表人', '主要负责人', '负责收件的人', '代理人', '代收人'] as const;
const citizenCapacities = ['本人', '同住成年家属', '代理人', '代收人'] as const;

/**
 * Who received the document, and as what: for a legal person its 法定代表人, the 主要负责人 of an
 * other organisation, or the person in charge of receiving documents; for a citizen himself or an
 * adult family member living with him; an agent or a designated receiver (民事诉讼法 art. 88).
 */
export function checkRecipient(state: CaseState, typed: Record<string, string>): void {
  if (!typed.recipientCapacity) return;
  const choices = state.partyKind === 'individual' ? citizenCapacities : organisationCapacities;
  const capacity = parseChoice(
    'recipientCapacity',
    `收件人身份（${state.partyKind === 'individual' ? '公民' : '法人或者其他组织'}，《中华人民共和国民事诉讼法》第八十八条）`,
    typed.recipientCapacity,
    choices as readonly string[],
  );
  const rep = state.party.legalRepresentative.trim();
  const who = (typed.recipient ?? '').trim();
  if (capacity === '法定代表人' && rep && who && who !== rep) {
    refuseBeyond(
      'recipientCapacity',
      `收件人“${who}”不是当事人的法定代表人（${rep}）：请按其实际身份填写，如“负责收件的人”（《中华人民共和国民事诉讼法》第八十八条）`,
    );
  }
}

// ── 卷宗 ──────────────────────────────────────────────────────────────────────────────────────

/**
 * The printed 卷宗封面 and 备考表 say what the binding (dossier.build) said: the volume's 件数 and
 * 页数 (numbered pages: documents, photos and 备考表), its 保管期限 and the 立卷人. '' before a binding.
 */
export function dossierTexts(state: CaseState, typed: Record<string, string>) {
  const d = state.dossier;
  const volumeName = typed.dossierVolume
    ? parseChoice('dossierVolume', '卷别', typed.dossierVolume, ['正卷', '副卷'] as const)
    : '正卷';
  const volume = d?.volumes?.find((v) => v.volume === volumeName);
  const items = volume?.items;
  const pages = volume?.numberedPages;
  return {
    dossierExtent: items !== undefined && pages !== undefined ? `共${items}件${pages}页` : '',
    dossierItems: items !== undefined ? String(items) : '',
    dossierPages: pages !== undefined ? String(pages) : '',
    dossierRetention: d?.retention ?? '',
    dossierPreparer: d?.preparedBy ?? '',
  };
}

/** The printed dossier sheets copy the binding: without one they would be typed twice and disagree. */
export function requireDossier(template: TemplateInfo, state: CaseState, typed: Record<string, string>): void {
  if (template.id !== docType.dossierCover && template.id !== docType.dossierRemarks) return;
  const d = state.dossier;
  const volumeName = typed.dossierVolume?.trim() || '正卷';
  const volume = d?.volumes?.find((v) => v.volume === volumeName);
  if (!d?.retention || !volume || volume.items === undefined) {
    throw new AppError(
      'ACTION_NOT_ALLOWED',
      `请先选择保管期限并组卷：${template.name}的件数、页数、保管期限和立卷人取自组卷结果，与装订的卷宗一致`,
    );
  }
}
