/**
 * The values a generation form opens with. 重新生成 starts from the version it replaces, so a typo
 * costs one edit; a first 调查报告 starts from the report already submitted (退回 and written again),
 * so a fact typed once is read everywhere; anything else from the defaults (fieldDefaults.ts).
 */
import type { CaseView } from '#common/schemas/cases';
import type { TemplateInfo } from '#common/schemas/documents';
import { docType } from '#common/documentTypes';
import { formatYuan } from '#common/money';
import { defaultValue } from './fieldDefaults';

/** The newest version of this type on this track (a 送达回证 is a new receipt each time, never a copy). */
export function replacedVersion(template: TemplateInfo, view: CaseView, track?: string) {
  if (template.id === docType.serviceReceipt) return undefined;
  return [...view.state.documents].reverse().find((d) => d.type === template.id && (d.track ?? undefined) === track);
}

/** What the submitted 调查报告 (提交调查报告) already says, for the 调查报告 document's fields. */
function fromReport(view: CaseView): Record<string, string> {
  const r = view.state.report;
  if (!r) return {};
  return {
    reportFacts: r.facts,
    reportProposal: `建议罚款人民币${formatYuan(r.proposedFine).replace(/\s*元$/, '')}元`,
    ...(r.reasoning ? { reportReasoning: r.reasoning } : {}),
  };
}

export function initialFields(template: TemplateInfo, view: CaseView, track?: string): Record<string, string> {
  const inputs = template.fields.filter((f) => f.source === 'input');
  const previous = replacedVersion(template, view, track)?.fields;
  const carried = previous ?? (template.id === docType.investigationReport ? fromReport(view) : {});
  return Object.fromEntries(inputs.map((f) => [f.key, carried[f.key] ?? defaultValue(f, view)]));
}
