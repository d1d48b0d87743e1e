/**
 * After 归档 the file is closed: nothing of the case changes except by a recorded 更正 (a new
 * version of a document on file, with its reason, documents.generate `correctionReason`) and the
 * sealing of that correction. Every other write is refused here with the date of 归档.
 */
import { AppError } from '#common/errors.js';
import type { CaseState } from '#common/schemas/cases.js';
import { receiptFieldKeys } from '#core/documents/names.js';
import { lastStep } from '#core/domain/procedure/facts.js';

/** The day the case was archived (its main procedure's 归档 action), or null. */
export function archivedOn(state: CaseState): string | null {
  const step = lastStep(state, 'main', 'archive');
  return step ? String(step.data.archivedOn ?? step.on) : null;
}

/** Refuses `what` on an archived case: only a recorded 更正 may change it. */
export function refuseIfArchived(state: CaseState, what: string): void {
  const on = archivedOn(state);
  if (on) {
    throw new AppError(
      'CASE_ARCHIVED',
      `案件已于${on}归档，不能${what}；如需修改已归档的文书，请填写更正理由，以“更正”生成新版本（更正记入案件历史）`,
      { archivedOn: on },
    );
  }
}

/**
 * After 归档 only a 更正 may be made: with its reason, and of a document already on file (the same
 * slot: type, served document, track point), never a new one.
 */
export function checkArchivedCorrection(
  state: CaseState,
  type: string,
  name: string,
  input: { fields: Record<string, string>; track?: string; correctionReason?: string },
  on: string,
): void {
  const onFile = state.documents.some(
    (d) =>
      d.type === type &&
      d.track === input.track &&
      (type !== 'service-receipt' ||
        d.fields[receiptFieldKeys.servedDocument] === input.fields[receiptFieldKeys.servedDocument]),
  );
  if (!input.correctionReason?.trim()) {
    throw new AppError(
      'CASE_ARCHIVED',
      `案件已于${on}归档，不能再制作或修改文书；如需修改已归档的${name}，请填写更正理由后更正（更正记入案件历史）`,
      { archivedOn: on },
    );
  }
  if (!onFile)
    throw new AppError('CASE_ARCHIVED', `案件已于${on}归档，卷内没有${name}可以更正；归档后不能增加新的文书`, {
      archivedOn: on,
    });
}
