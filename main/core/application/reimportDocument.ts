/**
 * `documents.reimport`: a clerk's edit of a generated document, made in Word/WPS and brought back,
 * becomes the document's next version with the changes listed. A finalised document is never changed
 * in place (a 更正 is a new, recorded version); after 归档 only a 更正 version may still be edited.
 */
import { ulid } from 'ulid';
import { AppError } from '#common/errors.js';
import type { DocumentRecord } from '#common/schemas/cases.js';
import type { OpParsedInput } from '#common/operations.js';
import { findTemplate } from '#core/documents/manifest.js';
import { docxText } from '#core/documents/render.js';
import { compareDocuments, readEditedDocx, type DocumentChanges } from '#core/documents/reimport.js';
import { buildTemplateData } from '#core/documents/templateData.js';
import type { Services } from '#core/services.js';
import type { UserRow } from '#core/store/directory.js';
import { today } from './caseView.js';
import { caseDocumentContext } from './documentContext.js';
import { refuseIfArchived } from './archived.js';
import { latestOf } from './documentSlots.js';

const docxMime = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const maxDocxBytes = 20 * 1024 * 1024;

export function reimportDocument(
  services: Services,
  user: UserRow,
  input: OpParsedInput<'documents.reimport'>,
): { document: DocumentRecord; changes: DocumentChanges } {
  const bytes = Buffer.from(input.contentBase64, 'base64');
  if (bytes.length > maxDocxBytes) throw new AppError('FILE_TOO_LARGE', `文件超过${maxDocxBytes / 1024 / 1024}MB`);
  const afterText = readEditedDocx(bytes, input.fileName);
  let result: { document: DocumentRecord; changes: DocumentChanges } | null = null;
  services.cases.write(
    input.caseId,
    { id: user.id, name: user.name, device: services.device },
    (current) => {
      if (!current) throw new AppError('NOT_FOUND', '案件不存在');
      const doc = current.documents.find((d) => d.id === input.documentId);
      if (!doc) throw new AppError('NOT_FOUND', '文书不存在');
      const latest = latestOf(current.documents, doc);
      if (latest.id !== doc.id)
        throw new AppError('STALE_VERSION', `${doc.name}已有更新的第${latest.version}版，请在最新版本上修改后再导入`);
      if (doc.finalised)
        throw new AppError('DOCUMENT_FINALISED', `${doc.name}已定稿盖章，不能导入修改；如需修改请更正`);
      // After 归档 a 更正 version may still be edited in Word before it is sealed; nothing else may.
      if (!doc.correctionReason) refuseIfArchived(current, '导入修改后的文书');
      const template = findTemplate(services.manifest, doc.type);
      const data = buildTemplateData({
        ...caseDocumentContext(services, current),
        state: current,
        number: doc.number,
        fields: doc.fields,
        today: today(services),
      }) as Record<string, unknown>;
      const fieldValues = template.fields.map((f) => ({
        key: f.key,
        label: f.label,
        value: typeof data[f.key] === 'string' ? (data[f.key] as string) : (doc.fields[f.key] ?? ''),
      }));
      const changes = compareDocuments(docxText(services.blobs.get(doc.docxHash)), afterText, fieldValues);
      if (!changes.added.length && !changes.removed.length)
        throw new AppError('VALIDATION', `导入的文件与${doc.name}第${doc.version}版内容相同，未记为新版本`);
      const docxHash = services.blobs.put(bytes, docxMime);
      const record: DocumentRecord = {
        ...doc,
        id: ulid(),
        version: doc.version + 1,
        docxHash,
        generatedAt: services.clock.now().toISOString(),
        generatedBy: user.name,
        origin: 'reimported',
        changedFields: changes.changedFields.map((c) => c.label),
      };
      delete record.finalised;
      result = { document: record, changes };
      return [{ type: 'document.generated', payload: record }];
    },
    input.expectedVersion,
  );
  return result!;
}
