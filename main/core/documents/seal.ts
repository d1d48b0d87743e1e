/**
 * 盖章: the bureau's seal on the last page of a finalised document, where the document names the
 * issuing authority (the line with the bureau's name, or “（印章）”), as a clerk would stamp it.
 * A bureau may register its own seal image (PNG, `settings.setSeal`); otherwise a drawn seal — red
 * ring, star and the bureau's name around the top — is used. The text layer stays searchable.
 */
import { PDFDocument, rgb, degrees, type PDFPage } from 'pdf-lib';
import { join } from 'node:path';
import { resourcesDir } from '../paths.js';
import { loadCjkFonts } from '../fonts/cjkFont.js';
import { pdfjs } from './pdf/pdfjsNode.js';

const sealRed = rgb(0.86, 0.08, 0.1);
const radius = (42 * 72) / 25.4 / 2; // a 42 mm seal, in points

/** Where the authority signs on the last page: the centre of the last line naming it. */
async function anchorOnLastPage(pdf: Buffer, bureauName: string): Promise<{ x: number; y: number } | null> {
  const { getDocument } = await pdfjs();
  const doc = await getDocument({ data: new Uint8Array(pdf), useSystemFonts: false, isEvalSupported: false }).promise;
  try {
    const page = await doc.getPage(doc.numPages);
    const items = (await page.getTextContent()).items.filter(
      (it): it is typeof it & { str: string; transform: number[]; width: number } => 'str' in it,
    );
    // The seal covers the authority's name and reaches down over the date (骑年盖月).
    const byName = items.filter((it) => it.str.includes(bureauName)).at(-1);
    const last = byName ?? items.filter((it) => it.str.includes('印章')).at(-1);
    if (!last) return null;
    return { x: last.transform[4]! + last.width / 2, y: last.transform[5]! - (byName ? 14 : -4) };
  } finally {
    await doc.destroy();
  }
}

async function drawSeal(doc: PDFDocument, page: PDFPage, cx: number, cy: number, bureauName: string): Promise<void> {
  const fonts = await loadCjkFonts(join(resourcesDir(), 'fonts'));
  const { bold } = await fonts.embed(doc, [{ text: bureauName, style: 'bold' }]);
  page.drawCircle({
    x: cx,
    y: cy,
    size: radius,
    borderColor: sealRed,
    borderWidth: 3,
    opacity: 0,
    borderOpacity: 0.85,
  });
  // A five-pointed star in the centre.
  const r1 = radius * 0.28;
  const r2 = r1 * 0.4;
  const pts: string[] = [];
  for (let i = 0; i < 10; i++) {
    const a = -Math.PI / 2 + (i * Math.PI) / 5;
    const r = i % 2 === 0 ? r1 : r2;
    pts.push(`${(r * Math.cos(a)).toFixed(2)},${(r * Math.sin(a)).toFixed(2)}`);
  }
  page.drawSvgPath(`M ${pts.join(' L ')} Z`, { x: cx, y: cy, color: sealRed, opacity: 0.85, borderWidth: 0 });
  // The name around the upper arc, each character upright to the circle.
  const chars = [...bureauName];
  const size = Math.min(12, (Math.PI * radius * 1.15) / Math.max(chars.length, 1));
  const span = Math.min(Math.PI * 1.25, (chars.length * (size * 1.05)) / (radius - size));
  chars.forEach((ch, i) => {
    const a = Math.PI / 2 + span / 2 - (span * (i + 0.5)) / chars.length;
    const rr = radius - size * 1.15;
    const w = bold.widthOfTextAtSize(ch, size);
    const x = cx + rr * Math.cos(a) - (w / 2) * Math.sin(a);
    const y = cy + rr * Math.sin(a) + (w / 2) * Math.cos(a) - size * 0.35 * Math.cos(a);
    page.drawText(ch, {
      x,
      y,
      size,
      font: bold,
      color: sealRed,
      opacity: 0.85,
      rotate: degrees((a * 180) / Math.PI - 90),
    });
  });
}

export async function sealPdf(pdf: Buffer, bureauName: string, sealPng?: Buffer): Promise<Buffer> {
  const anchor = await anchorOnLastPage(pdf, bureauName);
  const doc = await PDFDocument.load(pdf);
  const page = doc.getPage(doc.getPageCount() - 1);
  const { width } = page.getSize();
  const cx = anchor?.x ?? width - 72 - radius;
  const cy = anchor?.y ?? 72 + radius;
  if (sealPng) {
    const img = await doc.embedPng(sealPng);
    page.drawImage(img, { x: cx - radius, y: cy - radius, width: radius * 2, height: radius * 2, opacity: 0.9 });
  } else {
    await drawSeal(doc, page, cx, cy, bureauName);
  }
  doc.setModificationDate(new Date(0));
  return Buffer.from(await doc.save({ useObjectStreams: false }));
}
