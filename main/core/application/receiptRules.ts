/**
 * What a 送达回证 may say: it proves service of a document the case issues, on a date after 立案; the
 * notice and the decision are served only once approved, the decision only once sealed.
 */
import { AppError } from '#common/errors.js';
import { documentTypeName, servedDocumentType } from '#common/documentTypeNames.js';
import { docType } from '#common/documentTypes.js';
import type { CaseState } from '#common/schemas/cases.js';
import { receiptFieldKeys } from '#core/documents/names.js';

/** The input of a document, with a 送达回证's served document as its type id (an older name is read as its id). */
export function receiptInput<T extends { type: string; fields: Record<string, string> }>(input: T): T {
  const served = input.fields[receiptFieldKeys.servedDocument];
  if (input.type !== docType.serviceReceipt || served === undefined) return input;
  return { ...input, fields: { ...input.fields, [receiptFieldKeys.servedDocument]: servedDocumentType(served) } };
}

/**
 * A 送达回证 proves service of a document the case issues: the notice and the decision cannot be
 * served before their approval; any other (责令改正决定书, 催告书 …) must be a known document type.
 */
export function checkReceipt(
  state: CaseState,
  fields: Record<string, string>,
  known: ReadonlyMap<string, string>,
): void {
  const served = fields[receiptFieldKeys.servedDocument] ?? '';
  const name = documentTypeName(served);
  const servedOn = fields[receiptFieldKeys.servedOn] ?? '';
  if (servedOn < state.filedOn)
    throw new AppError('VALIDATION', `送达日期（${servedOn}）不能早于立案日期（${state.filedOn}）`);
  const approvedOn =
    served === docType.penaltyNotice
      ? state.noticeApprovedOn
      : served === docType.penaltyDecision
        ? (state.decision?.approvedOn ?? null)
        : undefined;
  if (approvedOn === undefined) {
    if (known.has(served) && served !== docType.serviceReceipt) return;
    throw new AppError(
      'VALIDATION',
      `送达文书“${name}”不是本系统的执法文书（如“${documentTypeName(docType.penaltyNotice)}”“${documentTypeName(docType.penaltyDecision)}”“${documentTypeName(docType.correctionOrder)}”）`,
    );
  }
  if (!approvedOn) throw new AppError('ACTION_NOT_ALLOWED', `${name}尚未经负责人批准，不能送达`);
  if (servedOn < approvedOn)
    throw new AppError('VALIDATION', `送达日期（${servedOn}）不能早于${name}的批准日期（${approvedOn}）`);
  if (served === docType.penaltyDecision) {
    const id = fields[receiptFieldKeys.servedDocumentId];
    const decision = id
      ? state.documents.find((d) => d.id === id)
      : state.documents.filter((d) => d.type === docType.penaltyDecision).at(-1);
    if (!decision?.finalised) throw new AppError('ACTION_NOT_ALLOWED', decisionNotSealed);
  }
}

/** 处罚法 art. 59(2): what is served is the sealed decision, so it is finalised (定稿盖章) first. */
export const decisionNotSealed =
  '行政处罚决定书尚未定稿盖章，不能送达：行政处罚决定书必须盖有作出行政处罚决定的行政机关的印章（《中华人民共和国行政处罚法》第五十九条第二款），请先对最新版本定稿';
