/**
 * Versions of a document after generation: a clerk's edit made in Word/WPS and brought back
 * (`documents.reimport`), and 定稿 (`documents.finalise`): locked, hashed, sealed, filed. A
 * finalised document is never changed in place; a 更正 is a new, recorded version.
 */
import { createHash } from 'node:crypto';
import { PDFDocument } from 'pdf-lib';
import { ulid } from 'ulid';
import { AppError } from '#common/errors.js';
import type { CaseState, DocumentRecord } from '#common/schemas/cases.js';
import type { OpParsedInput } from '#common/operations.js';
import { findTemplate } from '../documents/manifest.js';
import { docxText } from '../documents/render.js';
import { compareDocuments, readEditedDocx, type DocumentChanges } from '../documents/reimport.js';
import { buildTemplateData } from '../documents/templateData.js';
import { documentSlot } from '../documents/names.js';
import { sealPdf } from '../documents/seal.js';
import { today } from './caseView.js';
import { sealBlockOf } from './sealGate.js';
import { sealImageSetting } from './settings.js';
import { caseDocumentContext } from './documentContext.js';
import { refuseIfArchived } from './archived.js';
import type { HandlerContext } from './types.js';
import { requireUser } from './types.js';

const docxMime = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const maxDocxBytes = 20 * 1024 * 1024;

function latestOf(documents: DocumentRecord[], doc: DocumentRecord): DocumentRecord {
  const slot = documentSlot(doc);
  return documents.filter((d) => documentSlot(d) === slot).at(-1)!;
}

export function reimportDocument(
  ctx: HandlerContext,
  input: OpParsedInput<'documents.reimport'>,
): { document: DocumentRecord; changes: DocumentChanges } {
  const { services } = ctx;
  const user = requireUser(ctx);
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

/** sealed only after the approval its step needs (api/sealGate.ts). */
function refuseUnapproved(ctx: HandlerContext, state: CaseState, doc: DocumentRecord): void {
  const block = sealBlockOf(ctx.services, state, doc);
  if (!block) return;
  throw new AppError('APPROVAL_REQUIRED', block.blockedBy.message, {
    documentId: doc.id,
    requiredApprovals: block.requiredApprovals,
    citation: block.blockedBy.article,
  });
}

export async function finaliseDocument(
  ctx: HandlerContext,
  input: OpParsedInput<'documents.finalise'>,
): Promise<DocumentRecord> {
  const { services } = ctx;
  const user = requireUser(ctx);
  const before = services.cases.get(input.caseId);
  const doc = before.documents.find((d) => d.id === input.documentId);
  if (!doc) throw new AppError('NOT_FOUND', '文书不存在');
  if (doc.finalised)
    throw new AppError('DOCUMENT_FINALISED', `${doc.name}已于${doc.finalised.at.slice(0, 10)}定稿盖章`);
  if (latestOf(before.documents, doc).id !== doc.id)
    throw new AppError('STALE_VERSION', `只能对${doc.name}的最新版本定稿`);
  // After 归档 only a 更正 version is sealed.
  if (!doc.correctionReason) refuseIfArchived(before, '对文书定稿');
  refuseUnapproved(ctx, before, doc);
  const template = findTemplate(services.manifest, doc.type);
  if (template.numberPattern && !doc.number) throw new AppError('VALIDATION', `${doc.name}尚无文号，不能定稿`);
  // The slow part (PDF and seal) runs before the write; the write re-checks that nothing changed meanwhile.
  const docx = services.blobs.get(doc.docxHash);
  const { pdfHash } = await services.pdf.pdfFor(doc.docxHash);
  const sealHash = sealImageSetting(services);
  const sealed = await sealPdf(
    services.blobs.get(pdfHash),
    services.bureau().name,
    sealHash ? services.blobs.get(sealHash) : undefined,
  );
  const sealedHash = services.blobs.put(sealed, 'application/pdf');
  const pageCount = (await PDFDocument.load(sealed)).getPageCount();
  let out: DocumentRecord | null = null;
  services.cases.write(
    input.caseId,
    { id: user.id, name: user.name, device: services.device },
    (current) => {
      if (!current) throw new AppError('NOT_FOUND', '案件不存在');
      const now = current.documents.find((d) => d.id === doc.id);
      if (!now || now.finalised || latestOf(current.documents, now).id !== now.id) throw new AppError('STALE_VERSION');
      out = {
        ...now,
        finalised: {
          at: services.clock.now().toISOString(),
          by: user.name,
          docxSha256: createHash('sha256').update(docx).digest('hex'),
          pdfHash: sealedHash,
          pages: pageCount,
        },
      };
      return [
        {
          type: 'document.finalised',
          payload: { documentId: doc.id, docxSha256: out.finalised!.docxSha256, pdfHash: sealedHash, pages: pageCount },
        },
      ];
    },
    input.expectedVersion,
  );
  return out!;
}
