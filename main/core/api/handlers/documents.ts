/**
 * Documents over the transports: each operation calls its use case (application/generateDocument.ts,
 * reimportDocument.ts, finaliseDocument.ts); reading a PDF or a small file is answered here.
 */
import { AppError } from '#common/errors.js';
import { checkFileAccess } from '#core/application/fileAccess.js';
import { finaliseDocument } from '#core/application/finaliseDocument.js';
import { generateDocument } from '#core/application/generateDocument.js';
import { reimportDocument } from '#core/application/reimportDocument.js';
import type { HandlerMap } from '../types.js';
import { requireUser } from '../types.js';

/** The largest file `blobs.read` returns (as Base64 in JSON); the screens read files as bytes (common/files.ts). */
export const maxBlobReadBytes = 16 * 1024 * 1024;

export const documentHandlers: HandlerMap<
  'documents.generate' | 'documents.pdf' | 'blobs.read' | 'documents.reimport' | 'documents.finalise'
> = {
  'documents.generate': (input, ctx) => generateDocument(ctx.services, requireUser(ctx), input),

  'documents.pdf': async ({ caseId, documentId }, { services }) => {
    const doc = services.cases.get(caseId).documents.find((d) => d.id === documentId);
    if (!doc) throw new AppError('NOT_FOUND', '文书不存在');
    // A finalised document is shown and printed as sealed.
    if (doc.finalised) return { pdfHash: doc.finalised.pdfHash, pages: doc.finalised.pages, engine: 'sealed' };
    return services.pdf.pdfFor(doc.docxHash);
  },

  'documents.reimport': (input, ctx) => reimportDocument(ctx.services, requireUser(ctx), input),
  'documents.finalise': (input, ctx) => finaliseDocument(ctx.services, requireUser(ctx), input),
  'blobs.read': ({ hash, caseId }, ctx) => {
    const { services } = ctx;
    // Only a file of a case the user may see (fileAccess.ts); bounded: Base64 in JSON is for small files.
    checkFileAccess(services, requireUser(ctx), { hash, ...(caseId ? { caseId } : {}) });
    const size = services.blobs.size(hash);
    if (size > maxBlobReadBytes) {
      throw new AppError(
        'FILE_TOO_LARGE',
        `文件过大（${Math.round(size / 1024 / 1024)}MB），blobs.read 只读取不超过${maxBlobReadBytes / 1024 / 1024}MB的文件；请在界面中查看或下载`,
      );
    }
    const bytes = services.blobs.get(hash);
    return { hash, mimeType: services.blobs.mimeType(hash), base64: bytes.toString('base64') };
  },
};
