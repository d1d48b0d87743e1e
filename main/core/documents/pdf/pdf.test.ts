/**
 * Both PDF engines on every template filled with the sample case. One engine instance of each
 * kind serves the whole file; LibreOffice converts the seven documents in one batch.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import PizZip from 'pizzip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '#common/errors.js';
import { docxPackage } from '../../../../scripts/templates/package.js';
import { para, table } from '../../../../scripts/templates/ooxml.js';
import { sampleDocx } from '../fixtures.js';
import { docxText } from '../render.js';
import { docxTitle } from '../docxTitle.js';
import { loadManifest } from '../manifest.js';
import { ChromiumEngine, chromiumExecutable } from './chromium.js';
import type { PdfResult } from './engine.js';
import { findSoffice, LibreOfficeEngine } from './libreoffice.js';
import { pdfPageTexts } from './pdfText.js';
import { commandExists } from '#core/testing/commandExists.js';

const manifest = loadManifest();
const docs = manifest.map((t) => ({ t, docx: sampleDocx(t) }));
const party = '贵州某某塑料再生有限公司';

const soffice = findSoffice();
const chromiumPath = chromiumExecutable();
const hasChromium = existsSync(chromiumPath);
const hasPdffonts = commandExists('pdffonts');
if (!soffice)
  console.warn('LibreOffice tests skipped: no soffice on PATH (install LibreOffice, or set ANJUAN_SOFFICE).');
if (!hasChromium) console.warn(`Chromium engine tests skipped: no browser at ${chromiumPath} (set ANJUAN_CHROMIUM).`);
if (!hasPdffonts) console.warn('Type 3 font check skipped: pdffonts (poppler-utils) is not installed.');

const compact = (s: string): string => s.replace(/\s+/g, '');
/** The document's name and 文号 as generated (docxTitle.ts): the PDF's Title must be it. */
const titleOf = (docx: Buffer): string => {
  const title = docxTitle(new PizZip(docx));
  if (!title) throw new Error('no dc:title');
  return title;
};

/** Every paragraph of the DOCX appears, in one piece, in the PDF's text (footers taken out). */
async function expectSameText(docx: Buffer, pdf: Buffer): Promise<void> {
  const text = (await pdfPageTexts(pdf)).map((t) => compact(t).replace(/第\d+页共\d+页|—\d+—/g, '')).join('');
  for (const line of docxText(docx).split('\n').map(compact).filter(Boolean)) expect(text).toContain(line);
}

let lo: PdfResult[] | null = null;

describe.skipIf(!soffice)('LibreOffice engine', () => {
  const engine = new LibreOfficeEngine();
  beforeAll(async () => {
    lo = await engine.convertMany(docs.map((d) => d.docx));
  }, 120_000);
  afterAll(() => engine.close());

  it.each(docs.map((d, i) => [d.t.id, i] as const))(
    'converts %s, and the PDF text has the party name',
    async (_id, i) => {
      const texts = await pdfPageTexts(lo![i]!.pdf);
      expect(texts).toHaveLength(lo![i]!.pages);
      expect(compact(texts.join(''))).toContain(party);
      await expectSameText(docs[i]!.docx, lo![i]!.pdf);
      expect((await PDFDocument.load(lo![i]!.pdf, { updateMetadata: false })).getTitle()).toBe(titleOf(docs[i]!.docx));
    },
  );

  it('stops a run that takes too long and says so in Chinese', async () => {
    // LibreOffice opens almost anything (random bytes become a text document), so a hang is the failure to test.
    const impatient = new LibreOfficeEngine({ timeoutMs: 50 });
    const e = await impatient.convert(docs[0]!.docx).catch((x: unknown) => x);
    await impatient.close();
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).code).toBe('PDF_CONVERSION_FAILED');
    expect((e as AppError).message).toContain('超时');
  }, 60_000);
});

describe.skipIf(!hasChromium)('built-in Chromium engine', () => {
  const engine = new ChromiumEngine();
  const results: PdfResult[] = [];
  const timings: number[] = [];
  const dir = mkdtempSync(join(tmpdir(), 'anjuan-pdf-test-'));

  beforeAll(async () => {
    await engine.warmUp();
    for (const d of docs) {
      const t0 = performance.now();
      results.push(await engine.convert(d.docx));
      timings.push(performance.now() - t0);
    }
    console.info(
      `Chromium engine, ms per document: ${docs.map((d, i) => `${d.t.id} ${Math.round(timings[i]!)}`).join(', ')}`,
    );
  }, 120_000);
  afterAll(async () => {
    await engine.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it.each(docs.map((d, i) => [d.t.id, i] as const))(
    '%s: A4, the party name, and a page number on every page',
    async (_id, i) => {
      const r = results[i]!;
      const pdf = await PDFDocument.load(r.pdf, { updateMetadata: false });
      expect(pdf.getPageCount()).toBe(r.pages);
      expect(pdf.getTitle()).toBe(titleOf(docs[i]!.docx));
      for (const page of pdf.getPages()) {
        expect(page.getWidth()).toBeCloseTo(595.3, 0);
        expect(page.getHeight()).toBeCloseTo(841.9, 0);
      }
      const texts = (await pdfPageTexts(r.pdf)).map(compact);
      expect(texts.join('')).toContain(party);
      texts.forEach((text, p) => {
        const n = p + 1;
        expect(
          text.includes(`第${n}页共${r.pages}页`) || text.includes(`—${n}—`),
          `page ${n} of ${docs[i]!.t.id}`,
        ).toBe(true);
      });
    },
  );

  it.each(docs.map((d, i) => [d.t.id, i] as const))(
    '%s: the PDF text is the document text (searchable, no radical look-alikes)',
    async (_id, i) => {
      await expectSameText(docs[i]!.docx, results[i]!.pdf);
      expect((await pdfPageTexts(results[i]!.pdf)).join('')).not.toMatch(/[\u2e80-\u2fdf]/u);
    },
  );

  it.skipIf(!soffice).each(docs.map((d, i) => [d.t.id, i] as const))('%s: as many pages as LibreOffice', (_id, i) => {
    expect(lo, 'LibreOffice results').not.toBeNull();
    expect(results[i]!.pages).toBe(lo![i]!.pages);
  });

  it.skipIf(!hasPdffonts).each(docs.map((d, i) => [d.t.id, i] as const))('%s: embeds no Type 3 font', (id, i) => {
    const file = join(dir, `${id}.pdf`);
    writeFileSync(file, results[i]!.pdf);
    const fonts = execFileSync('pdffonts', [file]).toString();
    expect(fonts).not.toMatch(/Type 3/);
    expect(fonts).toMatch(/CID TrueType/);
  });

  it('keeps text inside the DOCX margins on every page', async () => {
    const r = results[manifest.findIndex((t) => t.id === 'penalty-decision')]!;
    const { getDocument } = await (await import('./pdfjsNode.js')).pdfjs();
    const doc = await getDocument({ data: new Uint8Array(r.pdf) }).promise;
    const mm = (v: number): number => (v * 72) / 25.4;
    for (let p = 1; p <= doc.numPages; p++) {
      const page = await doc.getPage(p);
      const items = (await page.getTextContent()).items.filter(
        (it) => 'str' in it && it.str.trim() && !/^[—\d\s]+$/.test(it.str),
      );
      const xs = items.map((it) => ('transform' in it ? (it.transform[4] as number) : 0));
      const ys = items.map((it) => ('transform' in it ? (it.transform[5] as number) : 0));
      // Body text starts at the left margin (28 mm) and stays below the top margin (37 mm) and above the bottom one (35 mm).
      expect(Math.min(...xs)).toBeGreaterThanOrEqual(mm(28) - 1);
      expect(Math.min(...xs)).toBeLessThan(mm(28) + 2);
      expect(Math.max(...ys)).toBeLessThanOrEqual(841.9 - mm(37));
      expect(Math.min(...ys)).toBeGreaterThanOrEqual(mm(35) - 3);
    }
    await doc.destroy();
  });

  it('converts each document after the first in well under a second', () => {
    const warm = [...timings.slice(1)].sort((a, b) => a - b);
    const median = warm[Math.floor(warm.length / 2)]!;
    // The target is 500 ms (measured ~250 ms here); the margin absorbs a busy CI machine.
    expect(median).toBeLessThan(1000);
  });

  it('never splits a table row across pages', async () => {
    const rows = Array.from({ length: 40 }, (_, i) => ({
      cells: [
        { paras: [para(`第${i + 1}行甲`, { sz: 24 })] },
        {
          paras: [para(`第${i + 1}行乙起`, { sz: 24 }), para('中间', { sz: 24 }), para(`第${i + 1}行乙止`, { sz: 24 })],
        },
      ],
    }));
    const docx = docxPackage({ title: '测试', version: '1', body: [table([40, 116], rows)], footer: 'pageOfPages' });
    const r = await engine.convert(docx);
    expect(r.pages).toBeGreaterThan(1);
    const texts = (await pdfPageTexts(r.pdf)).map(compact);
    for (let i = 1; i <= 40; i++) {
      const start = texts.findIndex((t) => t.includes(`第${i}行乙起`));
      const end = texts.findIndex((t) => t.includes(`第${i}行乙止`));
      expect(start, `row ${i}`).toBeGreaterThanOrEqual(0);
      expect(end, `row ${i}`).toBe(start);
    }
  });

  it.skipIf(!soffice)(
    'paginates single and 1.5-line (auto) spacing as LibreOffice does',
    async () => {
      const text =
        '生态环境主管部门依法对排放污染物的企业事业单位进行现场检查，被检查者应当如实反映情况，提供必要的资料。2026年3月2日检查发现ABC公司超标排放。';
      const docx = (line: number): Buffer =>
        docxPackage({
          title: '测试',
          version: '1',
          footer: 'dash',
          body: Array.from(
            { length: 30 },
            (_, i) =>
              `<w:p><w:pPr><w:spacing w:before="0" w:after="0" w:line="${line}" w:lineRule="auto"/><w:ind w:firstLine="640"/></w:pPr>` +
              `<w:r><w:rPr><w:rFonts w:ascii="仿宋" w:hAnsi="仿宋" w:eastAsia="仿宋"/><w:sz w:val="32"/></w:rPr><w:t>${i + 1}．${text}</w:t></w:r></w:p>`,
          ),
        });
      const samples = [docx(240), docx(360)];
      const reference = new LibreOfficeEngine();
      const expected = await reference.convertMany(samples).finally(() => reference.close());
      for (const [i, d] of samples.entries()) expect((await engine.convert(d)).pages).toBe(expected[i]!.pages);
    },
    60_000,
  );

  it('serves overlapping requests one at a time, and survives a bad file', async () => {
    const [a, bad, b] = await Promise.allSettled([
      engine.convert(docs[0]!.docx),
      engine.convert(Buffer.from('not a docx')),
      engine.convert(docs[1]!.docx),
    ]);
    expect(a.status).toBe('fulfilled');
    expect(b.status).toBe('fulfilled');
    expect(bad.status).toBe('rejected');
    expect(((bad as PromiseRejectedResult).reason as AppError).code).toBe('PDF_CONVERSION_FAILED');
  }, 60_000);
});
