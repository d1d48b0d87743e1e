/** Brings one filed item into the dossier document: a PDF's pages copied as they are, a checked photo, or a listing. */
import { EncryptedPDFError, ParseSpeeds, PDFDocument, type PDFImage, type PDFPage } from 'pdf-lib';
import { AppError } from '#common/errors.js';
import { embedPhoto, type Photo } from './photo.js';
import { printCopy } from './printPhoto.js';
import type { DossierItem } from './types.js';

export type LoadedItem =
  | { kind: 'pdf'; pages: PDFPage[] }
  | { kind: 'image'; photo: Photo; caption: string }
  | { kind: 'listing'; rows: Array<[string, string]>; still?: PDFImage };

export async function loadItem(doc: PDFDocument, item: DossierItem): Promise<LoadedItem> {
  const content = item.content;
  if (content.kind === 'listing')
    return { kind: 'listing', rows: content.rows, ...(await stillOf(doc, content.still)) };
  // The MIME type recorded at upload is not trusted: embedPhoto reads the format from the bytes.
  // Photos are bound as print copies (printPhoto.ts); one already print-sized passes through untouched.
  if (content.kind === 'image') {
    const bytes = await printCopy(content.bytes, item.title);
    return { kind: 'image', photo: await embedPhoto(doc, bytes, item.title), caption: content.caption };
  }
  let source: PDFDocument;
  try {
    source = await PDFDocument.load(content.bytes, { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest });
  } catch (e) {
    const why = e instanceof EncryptedPDFError ? 'PDF已加密' : 'PDF已损坏';
    throw new AppError('INTEGRITY', `卷内文件“${item.title}”无法读取（${why}），无法装订`, { title: item.title });
  }
  if (source.getPageCount() === 0)
    throw new AppError('INTEGRITY', `卷内文件“${item.title}”没有页面，无法装订`, { title: item.title });
  return { kind: 'pdf', pages: await doc.copyPages(source, source.getPageIndices()) };
}

/** A video's still (evidenceItem.ts checked it is a JPEG); one pdf-lib cannot read is left off, the page still binds. */
async function stillOf(doc: PDFDocument, jpeg: Uint8Array | undefined): Promise<{ still?: PDFImage }> {
  if (!jpeg) return {};
  try {
    // pdf-lib reads a JPEG from its buffer's offset 0 (photo.ts): bytes of their own.
    return { still: await doc.embedJpg(new Uint8Array(jpeg)) };
  } catch {
    return {};
  }
}
