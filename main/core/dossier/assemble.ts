/**
 * Assembles one volume of a case file (卷宗) into a single PDF:
 *   卷宗封面 → 卷内目录 → the documents in filing order → 备考表,
 * with the documents and 备考表 numbered 1..N in the bottom outer corner (cover and catalog are not
 * numbered, as in a paper file), the catalog's 页号 column pointing at those numbers, bookmarks for
 * every part, and page labels matching the printed numbers.
 *
 * Numbering starts at the first document whatever the catalog's length, so the catalog can be laid
 * out last, once every document's page count is known.
 */
import { PDFDocument, type PDFPage } from 'pdf-lib';
import { fontsDir } from '../paths.js';
import { catalogSheets } from './catalogPages.js';
import { loadCjkFonts } from '../fonts/cjkFont.js';
import { coverSheet } from './coverPage.js';
import { oneLine, pageRange } from './format.js';
import { loadItem, type LoadedItem } from './loadItem.js';
import { addOutline, type Bookmark } from './outline.js';
import { paintSheet } from './paint.js';
import { addPageLabels } from './pageLabels.js';
import { pageNumberSheet } from './pageNumbers.js';
import { listingSheets } from './listingPage.js';
import { photoSheet } from './photoPage.js';
import { remarksSheets } from './remarksPage.js';
import { A4, type Sheet, type TextOp } from './sheet.js';
import type { CatalogRow, DossierInput, DossierItem } from './types.js';

export type { CatalogRow, DossierInput, DossierItem } from './types.js';

export interface AssembleOptions {
  /** Folder holding NotoSerifSC-Regular.ttf (and -Bold.ttf); defaults to the bundled fonts. */
  fontsDir?: string;
  /** Steps: one per item, one for laying out and drawing, one for writing the file. */
  onProgress?: (done: number, total: number) => void;
  /** Writes the finished document instead of a plain save: the bureau's signature (signing/signPdf.ts `saveSigned`). */
  save?: (doc: PDFDocument) => Promise<Uint8Array>;
}

export interface AssembledDossier {
  pdf: Uint8Array;
  /** Pages in the PDF, cover and catalog included. */
  pages: number;
  catalog: CatalogRow[];
  /** 件数 (catalog rows) and 页数 (the numbered pages: documents, photos, 备考表), as the cover and 备考表 print them. */
  items: number;
  numberedPages: number;
}

/** The 备考表's count line, the same figures as the cover's. */
export const extentLine = (items: number, pages: number): string => `本卷共有文件材料${items}件，共${pages}页。`;

/** A page of the output: copied from a document or new (A4), with what is to be drawn on it. */
interface PagePlan {
  copied: PDFPage | null;
  sheets: Sheet[];
}

/** Midnight Beijing time of the build date: the file's dates come from the input, never the clock, so a rebuild is byte-identical. */
function buildDate(day: string): Date | null {
  const d = new Date(`${day}T00:00:00+08:00`);
  return Number.isNaN(d.getTime()) ? null : d;
}

export async function assembleDossier(input: DossierInput, opts: AssembleOptions = {}): Promise<AssembledDossier> {
  const total = input.items.length + 2;
  let done = 0;
  const step = (): void => opts.onProgress?.(++done, total);

  const fonts = await loadCjkFonts(opts.fontsDir ?? fontsDir());
  const measure = fonts.measure;
  const doc = await PDFDocument.create({ updateMetadata: false });

  const loaded: LoadedItem[] = [];
  for (const item of input.items) {
    loaded.push(await loadItem(doc, item));
    step();
  }

  // Numbering and the catalog rows.
  const catalog: CatalogRow[] = [];
  const itemPlans: PagePlan[][] = [];
  let next = 1;
  loaded.forEach((l, i) => {
    const item = input.items[i] as DossierItem;
    const title = oneLine(item.title) || '（无题名）';
    const plans: PagePlan[] =
      l.kind === 'pdf'
        ? l.pages.map((page) => ({ copied: page, sheets: [] }))
        : l.kind === 'listing'
          ? listingSheets(title, l.rows, measure, l.still).map((sheet) => ({ copied: null, sheets: [sheet] }))
          : [{ copied: null, sheets: [photoSheet(title, oneLine(l.caption), l.photo, measure)] }];
    catalog.push({
      seq: i + 1,
      number: oneLine(item.number),
      author: oneLine(item.author),
      title,
      date: item.date,
      page: pageRange(next, plans.length),
    });
    itemPlans.push(plans);
    next += plans.length;
  });
  // The 备考表 states the volume's 件数 and 页数, its own pages included: laid out until the count it prints holds.
  const itemPages = next - 1;
  const remarkSheetsFor = (pages: number) =>
    remarksSheets(
      {
        caseNumber: oneLine(input.caseNumber),
        remarks: input.remarks.map(oneLine).filter(Boolean),
        extent: extentLine(catalog.length, pages),
        preparedBy: oneLine(input.preparedBy),
        checkedBy: oneLine(input.checkedBy),
        builtOn: input.builtOn,
      },
      measure,
    );
  let remarkSheets = remarkSheetsFor(itemPages + 1);
  // A long 情况说明 runs onto a second sheet: lay out again with that count (the count line never adds a sheet of its own twice).
  for (let i = 0; i < 3 && remarkSheets.length !== 1; i++) {
    const again = remarkSheetsFor(itemPages + remarkSheets.length);
    const stable = again.length === remarkSheets.length;
    remarkSheets = again;
    if (stable) break;
  }
  const remarkPlans: PagePlan[] = remarkSheets.map((sheet) => ({ copied: null, sheets: [sheet] }));
  const numbered = [...itemPlans.flat(), ...remarkPlans];
  numbered.forEach((plan, i) => {
    const box = plan.copied ? plan.copied.getCropBox() : { x: 0, y: 0, ...A4 };
    const rotation = plan.copied ? plan.copied.getRotation().angle : 0;
    plan.sheets.push(pageNumberSheet(i + 1, box, rotation, measure));
  });

  const cover: PagePlan = {
    copied: null,
    sheets: [
      coverSheet(
        {
          bureauName: oneLine(input.bureauName),
          caseTitle: oneLine(input.caseTitle),
          caseNumber: oneLine(input.caseNumber),
          partyName: oneLine(input.partyName),
          filedOn: input.filedOn,
          closedOn: input.closedOn,
          retention: oneLine(input.retention),
          volume: input.volume,
          pageCount: numbered.length,
          itemCount: catalog.length,
          preparedBy: oneLine(input.preparedBy),
        },
        measure,
      ),
    ],
  };
  const catalogPlans: PagePlan[] = catalogSheets(catalog, oneLine(input.caseNumber), input.volume, measure).map(
    (sheet) => ({ copied: null, sheets: [sheet] }),
  );

  // Fonts are cut to what was laid out, then everything is drawn.
  const plans = [cover, ...catalogPlans, ...numbered];
  const texts = plans.flatMap((p) => p.sheets.flatMap((s) => s.ops.filter((op): op is TextOp => op.kind === 'text')));
  const embedded = await fonts.embed(doc, texts);
  const pages = new Map<PagePlan, PDFPage>();
  for (const plan of plans) {
    const page = plan.copied ? doc.addPage(plan.copied) : doc.addPage([A4.width, A4.height]);
    for (const sheet of plan.sheets) paintSheet(page, sheet, embedded);
    pages.set(plan, page);
  }

  const pageOf = (plan: PagePlan | undefined): PDFPage => pages.get(plan as PagePlan) as PDFPage;
  const bookmarks: Bookmark[] = [
    { title: '封面', page: pageOf(cover) },
    { title: '卷内目录', page: pageOf(catalogPlans[0]) },
    ...catalog.map((row, i) => ({ title: row.title, page: pageOf(itemPlans[i]?.[0]) })),
    { title: '备考表', page: pageOf(remarkPlans[0]) },
  ];
  addOutline(doc, bookmarks);
  addPageLabels(doc, [
    { start: 0, prefix: '封面' },
    { start: 1, prefix: '目录', numbered: catalogPlans.length > 1 },
    { start: 1 + catalogPlans.length, numbered: true },
  ]);

  const title = `${oneLine(input.caseTitle)}（${input.volume}）`;
  doc.setTitle(title, { showInWindowTitleBar: true });
  doc.setAuthor(oneLine(input.bureauName));
  doc.setSubject(oneLine(input.caseNumber));
  doc.setProducer('Anjuan');
  doc.setCreator('Anjuan');
  doc.setLanguage('zh-CN');
  const date = buildDate(input.builtOn);
  if (date) {
    doc.setCreationDate(date);
    doc.setModificationDate(date);
  }
  step();

  const pdf = opts.save
    ? await opts.save(doc)
    : await doc.save({ useObjectStreams: true, objectsPerTick: Number.POSITIVE_INFINITY });
  step();
  return { pdf, pages: doc.getPageCount(), catalog, items: catalog.length, numberedPages: numbered.length };
}
