/**
 * One entry for one fact: the 调查报告 is written first as a document (its facts, proposal and
 * reasons), then submitted as the action 提交调查报告. The action's form starts from the newest
 * version of the document, so nothing is typed twice; the document, once more (重新生成 after a
 * 退回), starts from its own last version or the submitted report (documents/initialFields.ts).
 */
import type { CaseView } from '#common/schemas/cases';
import { docType } from '#common/documentTypes';

/** The fine a 处理意见 names in figures (建议罚款人民币23,700元 / 2.37万元), or null when it names none or several. */
export function fineInProposal(text: string): number | null {
  const found = [...text.replace(/，(?=\d{3})/g, ',').matchAll(/(\d[\d,]*(?:\.\d+)?)\s*(万)?\s*元/g)];
  if (found.length !== 1) return null;
  const [, figures = '', wan] = found[0]!;
  const n = Number(figures.replace(/,/g, ''));
  if (!Number.isFinite(n) || n <= 0) return null;
  return wan ? Math.round(n * 10_000 * 100) / 100 : n;
}

export function fromReportDocument(view: CaseView): Record<string, string> {
  const doc = [...view.state.documents].reverse().find((d) => d.type === docType.investigationReport);
  if (!doc) return {};
  const f = doc.fields;
  const fine = f.reportProposal ? fineInProposal(f.reportProposal) : null;
  return {
    ...(f.reportFacts ? { facts: f.reportFacts } : {}),
    ...(f.reportReasoning ? { reasoning: f.reportReasoning } : {}),
    ...(fine !== null ? { proposedFine: String(fine) } : {}),
  };
}
