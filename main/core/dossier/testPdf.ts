/** Reads a PDF back with pdf.js for the dossier tests: text with positions, outline, labels, info. */
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { pdfjs } from '../documents/pdf/pdfjsNode.js';
import { mm } from './sheet.js';

// The fixtures use pdf-lib's Helvetica, which pdf.js reads from its standard font data.
const standardFontDataUrl = join(
  dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')),
  'standard_fonts/',
);

/** A run of text; (x, y) is where it starts as the page is seen: from the top-left, y downwards. */
export interface SeenText {
  str: string;
  x: number;
  y: number;
}
export interface SeenPage {
  width: number;
  height: number;
  items: SeenText[];
  text: string;
}
export interface OutlineEntry {
  title: string;
  pageIndex: number;
  kind: string;
}
export interface InspectedPdf {
  pages: SeenPage[];
  outline: OutlineEntry[];
  labels: string[] | null;
  info: Record<string, unknown>;
  pageMode: string | null;
}

export async function inspectPdf(bytes: Uint8Array): Promise<InspectedPdf> {
  // pdf.js detaches the buffer it is given: hand it a copy.
  const { getDocument } = await pdfjs();
  const doc = await getDocument({
    data: new Uint8Array(bytes),
    useSystemFonts: false,
    isEvalSupported: false,
    standardFontDataUrl,
  }).promise;
  try {
    const pages: SeenPage[] = [];
    for (let i = 1; i <= doc.numPages; i++) {
      const page = await doc.getPage(i);
      const viewport = page.getViewport({ scale: 1 });
      const content = await page.getTextContent();
      const items: SeenText[] = [];
      for (const it of content.items) {
        if (!('str' in it) || it.str === '') continue;
        const [x, y] = viewport.convertToViewportPoint(it.transform[4] as number, it.transform[5] as number) as [
          number,
          number,
        ];
        items.push({ str: it.str, x, y });
      }
      pages.push({ width: viewport.width, height: viewport.height, items, text: items.map((t) => t.str).join('') });
    }
    const outline: OutlineEntry[] = [];
    for (const o of (await doc.getOutline()) ?? []) {
      const dest = (typeof o.dest === 'string' ? await doc.getDestination(o.dest) : o.dest) as unknown[] | null;
      const ref = dest?.[0] as { num: number; gen: number };
      const kind = (dest?.[1] as { name?: string } | undefined)?.name ?? '';
      outline.push({ title: o.title, pageIndex: await doc.getPageIndex(ref), kind });
    }
    const meta = await doc.getMetadata();
    return {
      pages,
      outline,
      labels: await doc.getPageLabels(),
      info: meta.info as Record<string, unknown>,
      pageMode: await doc.getPageMode(),
    };
  } finally {
    await doc.destroy();
  }
}

/** The dossier number printed in the seen bottom-right corner of a page, if any. */
export function cornerNumber(page: SeenPage): string | undefined {
  return page.items.find(
    (t) => /^\d+$/.test(t.str) && t.x > page.width - mm(25) && Math.abs(t.y - (page.height - mm(10))) < 2,
  )?.str;
}
