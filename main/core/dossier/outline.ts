/**
 * Bookmarks (the PDF document outline, PDF 32000 §12.3.3), built from pdf-lib's low-level objects
 * because pdf-lib has no outline API: one flat level — 封面, 卷内目录, each document, 备考表.
 */
import {
  PDFArray,
  PDFDict,
  PDFHexString,
  PDFName,
  PDFNull,
  PDFNumber,
  type PDFDocument,
  type PDFPage,
  type PDFRef,
} from 'pdf-lib';
import { normalRotation } from './pageNumbers.js';

export interface Bookmark {
  title: string;
  page: PDFPage;
}

/**
 * Opens the page at its top-left at the reader's current zoom; a page shown turned has no simple
 * "top" in its own coordinates, so there the whole page is fitted instead.
 */
function destination(doc: PDFDocument, page: PDFPage): PDFArray {
  const dest = PDFArray.withContext(doc.context);
  dest.push(page.ref);
  if (normalRotation(page.getRotation().angle) === 0) {
    const box = page.getCropBox();
    dest.push(PDFName.of('XYZ'));
    dest.push(PDFNumber.of(box.x));
    dest.push(PDFNumber.of(box.y + box.height));
    dest.push(PDFNull);
  } else {
    dest.push(PDFName.of('Fit'));
  }
  return dest;
}

export function addOutline(doc: PDFDocument, bookmarks: Bookmark[]): void {
  if (bookmarks.length === 0) return;
  const context = doc.context;
  const rootRef = context.nextRef();
  const refs: PDFRef[] = bookmarks.map(() => context.nextRef());
  bookmarks.forEach((b, i) => {
    const item = PDFDict.withContext(context);
    item.set(PDFName.of('Title'), PDFHexString.fromText(b.title));
    item.set(PDFName.of('Parent'), rootRef);
    const prev = refs[i - 1];
    const next = refs[i + 1];
    if (prev) item.set(PDFName.of('Prev'), prev);
    if (next) item.set(PDFName.of('Next'), next);
    item.set(PDFName.of('Dest'), destination(doc, b.page));
    context.assign(refs[i] as PDFRef, item);
  });
  const root = PDFDict.withContext(context);
  root.set(PDFName.of('Type'), PDFName.of('Outlines'));
  root.set(PDFName.of('First'), refs[0] as PDFRef);
  root.set(PDFName.of('Last'), refs[refs.length - 1] as PDFRef);
  root.set(PDFName.of('Count'), PDFNumber.of(refs.length));
  context.assign(rootRef, root);
  doc.catalog.set(PDFName.of('Outlines'), rootRef);
  // Open with the bookmarks shown: clerks and reviewers navigate a dossier by document.
  doc.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
}
