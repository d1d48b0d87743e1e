/**
 * A 送达回证 proves the service of one document, so it names that document by its id, not by its type
 * alone: a case can hold several documents of one type (a 责令改正违法行为决定书 of the case and one of
 * each round of 按日连续处罚), each with its own 文号. The form sends the chosen document's id; a type (the
 * CLI, an older draft) is taken only when the case has one current document of it. The receipt keeps
 * both: the type (what the procedure's guards and the dossier read) and the id (whose 文号 it prints).
 */
import { AppError } from '#common/errors.js';
import { documentTypeName } from '#common/documentTypeNames.js';
import { docType } from '#common/documentTypes.js';
import { supersededIds } from '#common/documentSlots.js';
import type { CaseState, DocumentRecord } from '#common/schemas/cases.js';
import { receiptFieldKeys } from '#core/documents/names.js';

const { servedDocument: typeKey, servedDocumentId: idKey } = receiptFieldKeys;

const numbered = (d: DocumentRecord): string => (d.number ? `${d.name}（${d.number}）` : d.name);

/** The receipt's fields with the served document's type and id, or a Chinese refusal naming the choices. */
export function servedDocumentFields(state: CaseState, fields: Record<string, string>): Record<string, string> {
  const chosen = fields[typeKey] ?? '';
  const replaced = supersededIds(state.documents);
  const issued = state.documents.filter((d) => d.type !== docType.serviceReceipt);
  const byId = issued.find((d) => d.id === (fields[idKey] || chosen));
  if (byId) {
    if (fields[idKey] && chosen !== byId.id && chosen !== byId.type)
      throw new AppError('VALIDATION', `送达文书与所选的${numbered(byId)}不符`, [typeKey]);
    if (replaced.has(byId.id))
      throw new AppError('VALIDATION', `${numbered(byId)}第${byId.version}版已被新版本替换，请选择最新版本送达`, [
        typeKey,
      ]);
    return { ...fields, [typeKey]: byId.type, [idKey]: byId.id };
  }
  if (fields[idKey]) throw new AppError('VALIDATION', '所选的送达文书不在本案中，请重新选择', [typeKey]);
  const current = issued.filter((d) => d.type === chosen && !replaced.has(d.id));
  if (current.length > 1)
    throw new AppError(
      'VALIDATION',
      `本案有${current.length}份${documentTypeName(chosen)}（${current.map((d) => d.number ?? `第${d.version}版`).join('、')}），请选择送达的是哪一份`,
      [typeKey],
    );
  const only = current[0];
  // No document of the type yet: checkReceipt says what may be served.
  return only ? { ...fields, [idKey]: only.id } : fields;
}
