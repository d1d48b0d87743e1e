import { PDFDocument } from 'pdf-lib';

/** Number of pages of a PDF, read with pdf-lib (no rendering). */
export async function pageCount(pdf: Uint8Array): Promise<number> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  return doc.getPageCount();
}
