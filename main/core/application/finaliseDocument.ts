/**
 * `documents.finalise` (定稿): the newest version of a document is locked, hashed, turned into a PDF
 * and sealed, and filed. Sealing waits for the approval its step needs (sealGate.ts); the slow part
 * runs before the write, which re-checks that nothing changed meanwhile.
 */
import { createHash } from 'node:crypto';
import { PDFDocument } from 'pdf-lib';
import { AppError } from '#common/errors.js';
import type { CaseState, DocumentRecord } from '#common/schemas/cases.js';
import type { OpParsedInput } from '#common/operations.js';
import { findTemplate } from '#core/documents/manifest.js';
import { sealPdf } from '#core/documents/seal.js';
import type { Services } from '#core/services.js';
import type { UserRow } from '#core/store/directory.js';
import { sealBlockOf } from './sealGate.js';
import { sealImageSetting } from './settings.js';
import { refuseIfArchived } from './archived.js';
import { latestOf } from './documentSlots.js';

/** sealed only after the approval its step needs (sealGate.ts). */
function refuseUnapproved(services: Services, state: CaseState, doc: DocumentRecord): void {
  const block = sealBlockOf(services, state, doc);
  if (!block) return;
  throw new AppError('APPROVAL_REQUIRED', block.blockedBy.message, {
    documentId: doc.id,
    requiredApprovals: block.requiredApprovals,
    citation: block.blockedBy.article,
  });
}

export async function finaliseDocument(
  services: Services,
  user: UserRow,
  input: OpParsedInput<'documents.finalise'>,
): Promise<DocumentRecord> {
  const before = services.cases.get(input.caseId);
  const doc = before.documents.find((d) => d.id === input.documentId);
  if (!doc) throw new AppError('NOT_FOUND', '文书不存在');
  if (doc.finalised)
    throw new AppError('DOCUMENT_FINALISED', `${doc.name}已于${doc.finalised.at.slice(0, 10)}定稿盖章`);
  if (latestOf(before.documents, doc).id !== doc.id)
    throw new AppError('STALE_VERSION', `只能对${doc.name}的最新版本定稿`);
  // After 归档 only a 更正 version is sealed.
  if (!doc.correctionReason) refuseIfArchived(before, '对文书定稿');
  refuseUnapproved(services, before, doc);
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
