/**
 * Where a PDF comes from: a case document (converted by documents.pdf, cached by the core) or a
 * stored PDF such as the dossier. Either way the bytes are read as a file of the case (api/files.ts).
 */
import { send } from '../api/send';
import { readFile } from '../api/files';

export type PdfSource =
  | { kind: 'document'; caseId: string; documentId: string; title: string }
  | { kind: 'blob'; caseId: string; pdfHash: string; title: string };

export interface LoadedPdf {
  title: string;
  /** For download and the browser's viewer. */
  blob: Blob;
  /** For pdf.js and Electron's print. */
  bytes: Uint8Array<ArrayBuffer>;
}

export async function loadPdf(source: PdfSource): Promise<LoadedPdf> {
  const hash =
    source.kind === 'document'
      ? (await send('documents.pdf', { caseId: source.caseId, documentId: source.documentId })).pdfHash
      : source.pdfHash;
  const read = await readFile({ hash, caseId: source.caseId });
  const blob = read.type === 'application/pdf' ? read : new Blob([read], { type: 'application/pdf' });
  return { title: source.title, blob, bytes: new Uint8Array(await blob.arrayBuffer()) };
}
