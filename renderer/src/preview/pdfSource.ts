/**
 * Where a PDF comes from: a case document (converted by documents.pdf, cached by the core) or a
 * stored PDF such as the dossier. Either way the bytes are read with blobs.read.
 */
import { send } from '../api/send';
import { base64ToBytes } from '../util/binary';

export type PdfSource =
  | { kind: 'document'; caseId: string; documentId: string; title: string }
  | { kind: 'blob'; pdfHash: string; title: string };

export interface LoadedPdf {
  title: string;
  base64: string;
  bytes: Uint8Array<ArrayBuffer>;
}

export async function loadPdf(source: PdfSource): Promise<LoadedPdf> {
  const hash = source.kind === 'document'
    ? (await send('documents.pdf', { caseId: source.caseId, documentId: source.documentId })).pdfHash
    : source.pdfHash;
  const blob = await send('blobs.read', { hash });
  return { title: source.title, base64: blob.base64, bytes: base64ToBytes(blob.base64) };
}
