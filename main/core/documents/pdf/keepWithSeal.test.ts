/**
 * A page that carries only the seal and the date is not acceptable in a 公文: the seal block keeps
 * with the paragraph before it (w:keepNext / w:keepLines, written by scripts/templates/ooxml.ts; the
 * Chromium harness maps the KeepWithNext style to CSS break-after/break-inside: avoid).
 *
 * A 告知书 whose facts grow line by line pushes its end across a page break. For every length, the
 * last page must hold the paragraph before the seal with the seal; the same DOCX with the keep
 * properties stripped shows that the sweep does reach lengths where the seal stood alone.
 */
import { existsSync } from 'node:fs';
import PizZip from 'pizzip';
import { afterAll, describe, expect, it } from 'vitest';
import type { PdfEngine } from './engine.js';
import { ChromiumEngine, chromiumExecutable } from './chromium.js';
import { findSoffice, LibreOfficeEngine } from './libreoffice.js';
import { pdfPageTexts } from './pdfText.js';
import { findTemplate, loadManifest } from '../manifest.js';
import { sampleCaseStateOn, sampleDocx } from '../fixtures.js';

const notice = findTemplate(loadManifest(), 'penalty-notice');
const longer = '现场检查时当事人生产设施正在运行，';

/** The sample 告知书 with its facts made longer by about `lines` lines of 三号 text. */
function noticeWith(lines: number): Buffer {
  const s = sampleCaseStateOn('2026-03-10');
  s.report = { ...s.report!, facts: s.report!.facts + longer.repeat(Math.ceil(lines * 1.6)) };
  return sampleDocx(notice, {}, s);
}

/** The same document as Word would lay it out without the keep properties. */
function withoutKeep(docx: Buffer): Buffer {
  const zip = new PizZip(docx);
  const xml = zip
    .file('word/document.xml')!
    .asText()
    .replace(/<w:pStyle w:val="KeepWithNext"\/>|<w:keepNext\/>|<w:keepLines\/>/g, '');
  zip.file('word/document.xml', xml);
  return zip.generate({ type: 'nodebuffer' });
}

/** The last page's text without spaces and the page-number footer (— 3 —). */
async function lastPage(pdf: Buffer): Promise<string> {
  const pages = await pdfPageTexts(pdf);
  return pages.at(-1)!.replace(/\s+/g, '').replace(/—\d+—/g, '');
}

/** Each DOCX to PDF: in one soffice run where the engine batches (a run costs ~1 s to start), else one by one. */
async function convertAll(engine: PdfEngine, docxs: Buffer[]): Promise<Buffer[]> {
  if (engine instanceof LibreOfficeEngine) return (await engine.convertMany(docxs)).map((r) => r.pdf);
  const out: Buffer[] = [];
  for (const d of docxs) out.push((await engine.convert(d)).pdf);
  return out;
}

const sealOnly = (page: string): boolean => page.includes('（印章）') && !page.includes('联系人');

const engines: Array<[string, boolean, () => PdfEngine, number[]]> = [
  // Chromium is quick: a full page of lengths. LibreOffice (the reference) on the lengths around both page breaks.
  ['Chromium', existsSync(chromiumExecutable()), () => new ChromiumEngine(), Array.from({ length: 26 }, (_, i) => i)],
  ['LibreOffice', Boolean(findSoffice()), () => new LibreOfficeEngine(), [0, 1, 2, 3, 21, 22, 23, 24]],
];
const open: PdfEngine[] = [];
afterAll(async () => {
  await Promise.all(open.map((e) => e.close()));
});

describe.each(engines)('%s: the seal block never stands alone on the last page', (name, available, make, lengths) => {
  it.skipIf(!available)(
    'keeps the paragraph before the seal with it, whatever the length of the facts',
    async () => {
      const engine = make();
      open.push(engine);
      const kept = lengths.map((n) => noticeWith(n));
      const pdfs = await convertAll(engine, [...kept, ...kept.map(withoutKeep)]);
      let aloneWithoutKeep = 0;
      for (const [i, n] of lengths.entries()) {
        const last = await lastPage(pdfs[i]!);
        expect(last, `${name}, facts +${n} lines`).toContain('联系人：张伟、李娜。');
        expect(last, `${name}, facts +${n} lines`).toContain('（印章）');
        if (sealOnly(await lastPage(pdfs[lengths.length + i]!))) aloneWithoutKeep++;
      }
      // Without the keep, some of these lengths leave the seal and date alone on a page: the sweep tests the case.
      expect(aloneWithoutKeep, `${name}: lengths where the seal stood alone without the keep`).toBeGreaterThan(0);
    },
    180_000,
  );
});
