/**
 * The two sets of print fonts at work (printFonts.ts): a document of common characters loads only
 * the small fonts; a name outside GB 2312 (堃, 赟, 喆) is printed from the bundled full font by both
 * engines — never a blank, never another font — with the same pages.
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docxPackage } from '../../../../scripts/templates/package.js';
import { para } from '../../../../scripts/templates/ooxml.js';
import { sampleDocx } from '../fixtures.js';
import { loadManifest } from '../manifest.js';
import { docxText } from '../render.js';
import { ChromiumEngine, chromiumExecutable } from './chromium.js';
import { commonCodePoints } from './commonSet.js';
import { readDocxLayout } from './docxLayout.js';
import type { PdfResult } from './engine.js';
import { fontEnv } from './fontconfig.js';
import { pageCss } from './harness.js';
import { harnessFile, harnessScriptFiles } from './harnessFiles.js';
import { findSoffice, LibreOfficeEngine } from './libreoffice.js';
import { pdfPageTexts } from './pdfText.js';
import { printFontsDir } from './printFonts.js';
import { commandExists } from '#core/testing/commandExists.js';

const chromiumPath = chromiumExecutable();
const hasChromium = existsSync(chromiumPath);
const soffice = findSoffice();
const hasPoppler = commandExists('pdffonts') && commandExists('pdftoppm');
if (!hasChromium)
  console.warn(`Font set tests in Chromium skipped: no browser at ${chromiumPath} (set ANJUAN_CHROMIUM).`);
if (!soffice)
  console.warn(
    'Font set test in LibreOffice skipped: no soffice on PATH (install LibreOffice, or set ANJUAN_SOFFICE).',
  );
if (!hasPoppler)
  console.warn('Embedded font and ink checks skipped: pdffonts/pdftoppm (poppler-utils) are not installed.');

const doc = (body: string[]): Buffer => docxPackage({ title: '测试', version: '1', body, footer: 'pageOfPages' });
/** Only common characters, symbols included. */
const commonDoc = doc([
  para('贵州省某某市生态环境局（罚款）①×㎡℃《行政处罚决定书》、〔2026〕12号，ABC-123，１２３％。'),
  para('黑体标题：排污许可', { font: '黑体' }),
  para('加粗：责令改正', { bold: true }),
]);
/** Nothing but names outside GB 2312, one line in each bundled font. */
const rare = '堃赟喆';
const rareDoc = doc([para(rare), para(rare, { font: '黑体' }), para(rare, { bold: true })]);
const ourFonts = ['NotoSerifSC-Regular', 'NotoSerifSC-Bold', 'NotoSansSC-Regular'];

/** The harness page in Chromium, its requests recorded: `env` picks the fonts the browser sees. */
async function harnessRequests(env: NodeJS.ProcessEnv, docxs: Buffer[]): Promise<string[][]> {
  const fonts = await printFontsDir();
  const scripts = harnessScriptFiles(process.cwd());
  const browser: Browser = await chromium.launch({
    executablePath: chromiumPath,
    env,
    args: ['--no-sandbox', '--disable-gpu'],
  });
  try {
    const page = await browser.newPage();
    let requests: string[] = [];
    await page.route('http://harness.test/**', async (route) => {
      const path = new URL(route.request().url()).pathname.slice(1);
      requests.push(path);
      const f = harnessFile(path, () => scripts, fonts);
      if (!f) return route.fulfill({ status: 404 });
      return route.fulfill({
        status: 200,
        contentType: f.contentType,
        body: 'text' in f ? f.text : readFileSync(f.file),
      });
    });
    await page.goto('http://harness.test/harness.html');
    const out: string[][] = [];
    for (const d of docxs) {
      requests = [];
      const css = pageCss(readDocxLayout(d).geometry);
      await page.evaluate(
        ([b64, c]) =>
          (globalThis as unknown as { anjuanRender(b: string, c: string): Promise<number> }).anjuanRender(b64!, c!),
        [d.toString('base64'), css],
      );
      out.push(requests.filter((r) => r.startsWith('fonts/')));
    }
    return out;
  } finally {
    await browser.close();
  }
}

describe.skipIf(!hasChromium)('the print harness loads the full fonts only when a character needs them', () => {
  // Three real documents of the sample case, checked to hold only common characters.
  const samples = loadManifest()
    .slice(0, 3)
    .map((t) => sampleDocx(t));

  it('the sample documents are made of common characters (the premise of the next tests)', () => {
    for (const d of samples) {
      const cps = [...new Set([...docxText(d)].map((ch) => ch.codePointAt(0)!))].filter((c) => c > 0x20);
      const kept = new Set(commonCodePoints(cps));
      expect(cps.filter((c) => !kept.has(c)).map((c) => String.fromCodePoint(c))).toEqual([]);
    }
  });

  it('with the bundled fonts from fontconfig (the Chromium engine on Linux): none for common text, the full ones for rare names', async () => {
    const [common, ...rest] = await harnessRequests(await fontEnv(), [commonDoc, ...samples, rareDoc]);
    expect(common).toEqual([]);
    for (const r of rest.slice(0, samples.length)) expect(r).toEqual([]);
    expect(rest.at(-1)!.sort()).toEqual(ourFonts.map((f) => `fonts/full/${f}.ttf`).sort());
  }, 60_000);

  it('without them (the Electron engine on Windows: local() finds nothing): the common fonts by URL, the full ones only for rare names', async () => {
    const system = { ...process.env };
    delete system.FONTCONFIG_FILE;
    const local = execFileSync('fc-list', [':postscriptname=NotoSerifSC-Regular', 'file'], {
      env: system,
      encoding: 'utf8',
    }).trim();
    if (local) {
      console.warn(
        `URL path not tested: this machine has Noto Serif SC installed (${local}), which local() finds first.`,
      );
      return;
    }
    const [common, ...rest] = await harnessRequests(system, [commonDoc, ...samples, rareDoc]);
    expect(common!.every((r) => !r.startsWith('fonts/full/'))).toBe(true);
    expect(common).toContain('fonts/NotoSerifSC-Regular.ttf');
    for (const r of rest.slice(0, samples.length)) expect(r.filter((p) => p.startsWith('fonts/full/'))).toEqual([]);
    expect(rest.at(-1)!.sort()).toEqual(ourFonts.map((f) => `fonts/full/${f}.ttf`).sort());
  }, 60_000);
});

/** Bands of rows with ink in the top half of page 1 (the body; the footer is at the bottom). */
function inkBands(pdf: Buffer, dir: string, name: string): number {
  const file = join(dir, `${name}.pdf`);
  writeFileSync(file, pdf);
  execFileSync('pdftoppm', ['-gray', '-r', '50', '-f', '1', '-l', '1', file, join(dir, name)]);
  const pgm = readFileSync(join(dir, `${name}-1.pgm`));
  const m = /^P5\s+(\d+)\s+(\d+)\s+255\s/.exec(pgm.toString('latin1', 0, 40))!;
  const [w, h, start] = [Number(m[1]), Number(m[2]), m[0].length];
  let bands = 0;
  let inBand = false;
  for (let y = 0; y < h / 2; y++) {
    let ink = false;
    for (let x = 0; x < w && !ink; x++) ink = pgm[start + y * w + x]! < 128;
    if (ink && !inBand) bands++;
    inBand = ink;
  }
  return bands;
}

async function expectRarePrinted(r: PdfResult, engine: string, dir: string, fontType: RegExp): Promise<void> {
  expect((await pdfPageTexts(r.pdf)).join('').replace(/\s+/g, '')).toContain(rare.repeat(3));
  if (!hasPoppler) return;
  const file = join(dir, `${engine}-fonts.pdf`);
  writeFileSync(file, r.pdf);
  const rows = execFileSync('pdffonts', [file], { encoding: 'utf8' }).trim().split('\n').slice(2);
  expect(rows.length).toBeGreaterThan(0);
  for (const row of rows) {
    // name, type, encoding, emb, sub, uni: every font embedded, a subset of one of ours, TrueType.
    expect(row, row).toMatch(
      new RegExp(`^[A-Z]{6}\\+(${ourFonts.join('|')})\\s+${fontType.source}\\s+\\S+\\s+yes\\s+yes\\s+yes`),
    );
  }
  // Three lines of glyphs (regular, 黑体, bold): a character without a glyph would leave a line blank.
  expect(inkBands(r.pdf, dir, engine)).toBe(3);
}

describe('a name outside GB 2312 is printed from the bundled full font', () => {
  const dir = mkdtempSync(join(tmpdir(), 'anjuan-font-sets-'));
  let viaChromium: PdfResult | null = null;
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  describe.skipIf(!hasChromium)('by the Chromium engine', () => {
    const engine = new ChromiumEngine();
    beforeAll(async () => {
      viaChromium = await engine.convert(rareDoc);
    }, 120_000);
    afterAll(() => engine.close());

    it('as CID TrueType subsets of our fonts, with the text searchable', async () => {
      await expectRarePrinted(viaChromium!, 'chromium', dir, /CID TrueType/);
      // The common document still prints, from the same fonts.
      await expectNoOtherFonts(await engine.convert(commonDoc), dir);
    });
  });

  describe.skipIf(!soffice)('by LibreOffice', () => {
    const engine = new LibreOfficeEngine();
    afterAll(() => engine.close());

    it("as TrueType subsets of our fonts, with the text searchable and the Chromium engine's pages", async () => {
      const r = await engine.convert(rareDoc);
      await expectRarePrinted(r, 'libreoffice', dir, /TrueType/);
      if (viaChromium) expect(r.pages).toBe(viaChromium.pages);
      else console.warn('Page count not compared with the Chromium engine: it did not run.');
    }, 120_000);
  });
});

async function expectNoOtherFonts(r: PdfResult, dir: string): Promise<void> {
  expect((await pdfPageTexts(r.pdf)).join('').replace(/\s+/g, '')).toContain('①×㎡℃《行政处罚决定书》');
  if (!hasPoppler) return;
  const file = join(dir, 'common.pdf');
  writeFileSync(file, r.pdf);
  for (const row of execFileSync('pdffonts', [file], { encoding: 'utf8' }).trim().split('\n').slice(2)) {
    expect(row, row).toMatch(new RegExp(`^[A-Z]{6}\\+(${ourFonts.join('|')})\\s+CID TrueType`));
  }
}
