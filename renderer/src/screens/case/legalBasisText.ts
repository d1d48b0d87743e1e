/**
 * What the 法律适用 panel and the 立案 dialog say about a legal basis (从旧兼从轻, 处罚法 art. 37,
 * 法典 art. 1057), and the small form of figures the comparison may need. Pure, tested without a browser.
 */
import type { CaseState } from '#common/schemas/cases';
import type { LawFigures, LegalBasis, ProvisionView } from '#common/schemas/legalBasis';
import type { FineBand } from '#common/schemas/reference';
import { bandBaseLabel } from '#common/fineBands';
import { yuanInText } from '#common/money';
import { parseYuan } from '#renderer/util/money';

export type Severity = 'success' | 'info' | 'warning' | 'error';

/** The result in plain words, and how it is shown. */
export function ruleSummary(b: LegalBasis): { text: string; severity: Severity } {
  switch (b.rule) {
    case 'in-force':
      return { text: '法律未变更：适用违法行为发生时的规定', severity: 'success' };
    case 'new-law-lighter':
      return { text: '适用新法（处罚较轻）', severity: 'success' };
    case 'old-law':
      return { text: '适用违法行为发生时的法律（新法处罚不轻于旧法）', severity: 'success' };
    case 'not-illegal':
      return { text: '新的规定不认为是违法行为：不得给予行政处罚', severity: 'error' };
    case 'undecided':
      return { text: '尚不能确定适用的法律', severity: 'warning' };
  }
}

/** One line for the 立案 dialog: what the case will rest on, or what is still missing. */
export function previewLine(b: LegalBasis): string {
  const summary = ruleSummary(b).text;
  if (b.rule === 'undecided') return `${summary}：${b.reason}`;
  if (!b.applied) return `${summary}。${b.reason}`;
  return `${summary}：${b.applied.citation}`;
}

/** The band in yuan on the case's figures, or why it cannot be worked out; '' for a plain range (its text says it all). */
export function provisionYuan(p: ProvisionView): string {
  if (!p.yuan.ok) return p.yuan.problem;
  if (!p.yuan.basis) return '';
  // Written as the core writes bands and the statement: 1,000,000元至5,000,000元.
  return `按本案${p.yuan.basis}，即${yuanInText(p.yuan.min)}至${yuanInText(p.yuan.max)}`;
}

/** Whether the act's and the decision's provisions are one and the same (nothing to compare). */
export function sameProvision(b: LegalBasis): boolean {
  return Boolean(
    b.atAct && b.atDecision && b.atAct.typeId === b.atDecision.typeId && b.atAct.citation === b.atDecision.citation,
  );
}

/**
 * The amounts the comparison asks for: the labels of the bands' bases (建设项目总投资额, 违法所得 …)
 * of the act's, the decision's and the applied provision, and any amount recorded before.
 */
export function amountLabels(b: LegalBasis | null, recorded?: LawFigures | null): string[] {
  const labels = new Set<string>();
  for (const p of [b?.atAct, b?.atDecision, b?.applied]) {
    const label = p ? bandBaseLabel(p.band) : null;
    if (label) labels.add(label);
  }
  for (const label of Object.keys(recorded?.amounts ?? {})) labels.add(label);
  return [...labels];
}

/** The form as typed: amounts as text, so what the clerk typed stays as typed. */
export interface FiguresForm {
  amounts: Record<string, string>;
  aggravated: boolean;
  counterpartId: string;
  actEndedOn: string;
}

export function formOf(f: LawFigures | null | undefined): FiguresForm {
  return {
    amounts: Object.fromEntries(Object.entries(f?.amounts ?? {}).map(([k, v]) => [k, String(v)])),
    aggravated: f?.aggravated ?? false,
    counterpartId: f?.counterpartId ?? '',
    actEndedOn: f?.actEndedOn ?? '',
  };
}

export type FiguresResult = { ok: true; figures: LawFigures } | { ok: false; errors: Record<string, string> };

/** The figures to record, or the fields that cannot be read (in Chinese, by the field's key). */
export function figuresOf(form: FiguresForm): FiguresResult {
  const errors: Record<string, string> = {};
  const amounts: Record<string, number> = {};
  for (const [label, text] of Object.entries(form.amounts)) {
    if (!text.trim()) continue;
    const n = parseYuan(text);
    if (n === null || n < 0) errors[`amount:${label}`] = `${label}须为不小于零的数字`;
    else amounts[label] = n;
  }
  if (form.actEndedOn && !/^\d{4}-\d{2}-\d{2}$/.test(form.actEndedOn))
    errors.actEndedOn = '请填写违法行为终了之日（年-月-日）';
  if (Object.keys(errors).length) return { ok: false, errors };
  return {
    ok: true,
    figures: {
      amounts,
      aggravated: form.aggravated,
      ...(form.counterpartId ? { counterpartId: form.counterpartId } : {}),
      ...(form.actEndedOn ? { actEndedOn: form.actEndedOn } : {}),
    },
  };
}

/** The provision the 调查报告 weighs the fine against: the applied one (从旧兼从轻), else the type chosen at 立案. */
export interface ReportProvision {
  typeId: string;
  name: string;
  band: FineBand;
  citation: string;
  aggravated: boolean;
  /** Set when the applied provision is not the type chosen at 立案 (e.g. the lighter new law). */
  note: string | null;
}

export function reportProvision(
  state: Pick<CaseState, 'violation'>,
  basis: LegalBasis | null | undefined,
): ReportProvision {
  const v = state.violation;
  const applied = basis?.applied;
  if (!applied) {
    return {
      typeId: v.id,
      name: v.name,
      band: v.band,
      citation: `${v.penaltyArticle.law}${v.penaltyArticle.article}`,
      aggravated: false,
      note: null,
    };
  }
  const changed = applied.typeId !== v.id || applied.citation !== `${v.penaltyArticle.law}${v.penaltyArticle.article}`;
  return {
    typeId: applied.typeId,
    name: applied.typeName,
    band: applied.band,
    citation: applied.citation,
    aggravated: applied.aggravated,
    note: changed && basis.rule !== 'undecided' ? ruleSummary(basis).text : null,
  };
}
