/**
 * What a 送达回证 may say: it proves service of a document the case issues, on a date after 立案; the
 * notice and the decision are served only once approved, the decision only once sealed.
 */
import { AppError } from '#common/errors.js';
import type { CaseState } from '#common/schemas/cases.js';
import { receiptFieldKeys } from '#core/documents/names.js';
import { decisionDocumentName, noticeDocumentName } from '#core/domain/procedure/facts.js';

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
  const servedOn = fields[receiptFieldKeys.servedOn] ?? '';
  if (servedOn < state.filedOn)
    throw new AppError('VALIDATION', `送达日期（${servedOn}）不能早于立案日期（${state.filedOn}）`);
  const approvedOn =
    served === noticeDocumentName
      ? state.noticeApprovedOn
      : served === decisionDocumentName
        ? (state.decision?.approvedOn ?? null)
        : undefined;
  if (approvedOn === undefined) {
    if ([...known.values()].includes(served.replace(/[《》]/g, '').trim())) return;
    throw new AppError(
      'VALIDATION',
      `送达文书“${served}”不是本系统的执法文书名称（如“${noticeDocumentName}”“${decisionDocumentName}”“责令改正违法行为决定书”）`,
    );
  }
  if (!approvedOn) throw new AppError('ACTION_NOT_ALLOWED', `${served}尚未经负责人批准，不能送达`);
  if (servedOn < approvedOn)
    throw new AppError('VALIDATION', `送达日期（${servedOn}）不能早于${served}的批准日期（${approvedOn}）`);
  if (served === decisionDocumentName) {
    const decision = state.documents.filter((d) => d.type === 'penalty-decision').at(-1);
    if (!decision?.finalised) throw new AppError('ACTION_NOT_ALLOWED', decisionNotSealed);
  }
}

/** 处罚法 art. 59(2): what is served is the sealed decision, so it is finalised (定稿盖章) first. */
export const decisionNotSealed =
  '行政处罚决定书尚未定稿盖章，不能送达：行政处罚决定书必须盖有作出行政处罚决定的行政机关的印章（《中华人民共和国行政处罚法》第五十九条第二款），请先对最新版本定稿';
