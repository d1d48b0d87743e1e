/**
 * Page labels (PDF 32000 §12.4.2): a reader's page box then shows the dossier's own numbers —
 * 封面, 目录1…, then 1, 2, … as printed in the corners and listed in 卷内目录 — so "page 12" in the
 * catalog is page 12 in the viewer too.
 */
import { PDFArray, PDFDict, PDFHexString, PDFName, PDFNumber, type PDFDocument } from 'pdf-lib';

export interface LabelRange {
  /** Index of the first page of the range, from 0. */
  start: number;
  prefix?: string;
  /** Decimal numbers from `first` (default 1); without it the label is the prefix alone. */
  numbered?: boolean;
  first?: number;
}

export function addPageLabels(doc: PDFDocument, ranges: LabelRange[]): void {
  const context = doc.context;
  const nums = PDFArray.withContext(context);
  for (const r of ranges) {
    const label = PDFDict.withContext(context);
    if (r.numbered) label.set(PDFName.of('S'), PDFName.of('D'));
    if (r.prefix) label.set(PDFName.of('P'), PDFHexString.fromText(r.prefix));
    if (r.numbered && r.first !== undefined && r.first !== 1) label.set(PDFName.of('St'), PDFNumber.of(r.first));
    nums.push(PDFNumber.of(r.start));
    nums.push(label);
  }
  const tree = PDFDict.withContext(context);
  tree.set(PDFName.of('Nums'), nums);
  doc.catalog.set(PDFName.of('PageLabels'), context.register(tree));
}
