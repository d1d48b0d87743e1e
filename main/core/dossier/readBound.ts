/**
 * What a bound volume really shows, read back from its PDF with pdf.js (never from what the binding meant
 * to write): the 卷内目录's rows (序号 and 页号 columns), where each filed item begins (its bookmark) as the
 * page number printed on that page, the number of numbered pages, and the 件数/页数 printed on the cover
 * and the 备考表. The 案卷评查 compares them (domain/review/dossierRules.ts).
 */
import type { BoundVolumeFacts } from '../domain/review/facts.js';
import { pdfjs } from '../documents/pdf/pdfjsNode.js';

interface Item {
  str: string;
  x: number;
  y: number;
}

const sheetTitles = new Set(['封面', '卷内目录', '备考表']);

function itemsOf(content: { items: unknown[] }): Item[] {
  const out: Item[] = [];
  for (const it of content.items) {
    if (!it || typeof it !== 'object' || !('str' in it)) continue;
    const { str, transform } = it as { str: string; transform: number[] };
    if (str.trim()) out.push({ str: str.trim(), x: transform[4] ?? 0, y: transform[5] ?? 0 });
  }
  return out;
}

/** The dossier number stamped on a page: drawn after the page's own content, so the last number on it. */
function printedNumber(items: Item[]): number | null {
  for (let i = items.length - 1; i >= 0; i--) if (/^\d{1,5}$/.test(items[i]!.str)) return Number(items[i]!.str);
  return null;
}

/** The rows of the 卷内目录 pages: the 序号 and the 页号 printed on the same line. */
function catalogRows(pages: Item[][]): BoundVolumeFacts['catalog'] {
  const rows: BoundVolumeFacts['catalog'] = [];
  for (const items of pages) {
    const seqHead = items.find((i) => i.str === '序号');
    const pageHead = items.find((i) => i.str === '页号');
    if (!seqHead || !pageHead) continue;
    const below = (i: Item) => i.y < seqHead.y - 1;
    const seqs = items.filter((i) => below(i) && /^\d+$/.test(i.str) && Math.abs(i.x - seqHead.x) < 12);
    const ranges = items.filter((i) => below(i) && /^\d+(-\d+)?$/.test(i.str) && i.x > pageHead.x - 14);
    for (const s of seqs) {
      const page = ranges.find((r) => Math.abs(r.y - s.y) < 2);
      rows.push({ seq: Number(s.str), page: page?.str ?? '' });
    }
  }
  return rows;
}

function counts(text: string, pattern: RegExp): { items: number; pages: number } | null {
  const m = pattern.exec(text.replace(/\s+/g, ''));
  return m ? { items: Number(m[1]), pages: Number(m[2]) } : null;
}

export async function readBoundVolume(volume: '正卷' | '副卷', pdf: Uint8Array): Promise<BoundVolumeFacts> {
  return (await readBound(volume, pdf)).facts;
}

/**
 * The facts, and the text each page shows (its text items in order, spaces dropped): read in the same
 * pass, for a check that also looks at what the pages say (the dossier's acceptance test).
 */
export async function readBound(
  volume: '正卷' | '副卷',
  pdf: Uint8Array,
): Promise<{ facts: BoundVolumeFacts; pageTexts: string[] }> {
  const { getDocument } = await pdfjs();
  // verbosity 0: the stand-in and Chromium pages use standard fonts pdf.js would warn about; only their text is read.
  const doc = await getDocument({
    data: new Uint8Array(pdf),
    useSystemFonts: false,
    isEvalSupported: false,
    verbosity: 0,
  }).promise;
  try {
    const pages: Item[][] = [];
    for (let i = 1; i <= doc.numPages; i++) pages.push(itemsOf(await (await doc.getPage(i)).getTextContent()));
    const marks: Array<{ title: string; index: number }> = [];
    for (const o of (await doc.getOutline()) ?? []) {
      const dest = typeof o.dest === 'string' ? await doc.getDestination(o.dest) : o.dest;
      const ref = Array.isArray(dest) ? dest[0] : null;
      if (ref && typeof ref === 'object') marks.push({ title: o.title, index: await doc.getPageIndex(ref) });
    }
    const at = (title: string) => marks.find((m) => m.title === title)?.index ?? null;
    const filed = marks.filter((m) => !sheetTitles.has(m.title));
    const remarksAt = at('备考表');
    const catalogAt = at('卷内目录') ?? 1;
    const firstNumbered = filed[0]?.index ?? remarksAt ?? doc.numPages;
    const textOf = (from: number, to: number) =>
      pages
        .slice(from, to)
        .flatMap((p) => p.map((i) => i.str))
        .join('');
    const facts: BoundVolumeFacts = {
      volume,
      catalog: catalogRows(pages.slice(catalogAt, firstNumbered)),
      starts: filed.map((m) => ({ title: m.title, page: printedNumber(pages[m.index] ?? []) })),
      remarksStart: remarksAt === null ? null : printedNumber(pages[remarksAt] ?? []),
      numberedPages: doc.numPages - firstNumbered,
      cover: counts(textOf(0, 1), /本卷共(\d+)件(\d+)页/),
      remarks:
        remarksAt === null ? null : counts(textOf(remarksAt, doc.numPages), /本卷共有文件材料(\d+)件，共(\d+)页/),
    };
    return { facts, pageTexts: pages.map((p) => p.map((i) => i.str.replace(/\s+/g, '')).join('')) };
  } finally {
    await doc.destroy();
  }
}
