/**
 * The print page in real Chromium (Electron's engine): pdf.js loads under our CSP, draws every
 * page, and @page gives one A4 sheet per PDF page, landscape pages included (pages served by
 * testing/appScheme.ts through the very handler behind app://print/).
 * Skipped, with the reason, where no Chromium is installed.
 */
import { PDFDocument, StandardFonts, rgb } from 'pdf-lib';
import { chromium, type Browser, type BrowserContext } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PrintJobs, printPageUrl } from './printPage.js';
import { chromiumPath, hasChromium, routeAppScheme } from './testing/appScheme.js';

if (!hasChromium) console.warn(`跳过打印页测试：未找到 Chromium（${chromiumPath}）`);

async function samplePdf(): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedStandardFont(StandardFonts.Helvetica); // not embedded: pdf.js needs standard_fonts/
  for (const [w, h] of [
    [595.28, 841.89],
    [841.89, 595.28],
    [595.28, 841.89],
  ] as const) {
    const page = doc.addPage([w, h]);
    page.drawRectangle({ x: 40, y: 40, width: w - 80, height: h - 80, borderColor: rgb(0, 0, 0), borderWidth: 4 });
    page.drawText(`Page ${doc.getPageCount()}`, { x: 80, y: h - 120, size: 48, font });
  }
  return doc.save();
}

describe.skipIf(!hasChromium)('print page in Chromium', () => {
  let browser: Browser;
  const jobs = new PrintJobs();
  beforeAll(async () => {
    browser = await chromium.launch({ executablePath: chromiumPath });
  });
  afterAll(async () => {
    await browser?.close();
  });

  async function printContext(): Promise<BrowserContext> {
    const context = await browser.newContext();
    await routeAppScheme(context, jobs);
    return context;
  }

  it('renders every page to an A4 sheet under the CSP, ready for print', async () => {
    const context = await printContext();
    const page = await context.newPage();
    const violations: string[] = [];
    page.on('console', (m) => {
      if (/Content Security Policy/i.test(m.text())) violations.push(m.text());
    });
    const id = jobs.add(await samplePdf());
    await page.goto(printPageUrl('http://print.test', id, '行政处罚决定书\u0007'));
    const result = await page.evaluate('window.anjuanPrint');
    expect(result).toEqual({ ok: true, pages: 3 });
    expect(violations).toEqual([]);
    expect(await page.title()).toContain('行政处罚决定书');
    // The CSP is in force on this page (an injected inline script does not run), so pdf.js ran within it.
    expect(
      await page.evaluate(`(() => {
      const s = document.createElement('script');
      s.textContent = 'window.inlineRan = true';
      document.head.append(s);
      return window.inlineRan ?? false;
    })()`),
    ).toBe(false);
    await expect.poll(() => violations.length).toBe(1);

    const sheets = await page.$$eval('.sheet', (els) => els.map((e) => e.className));
    expect(sheets).toEqual(['sheet', 'sheet wide', 'sheet']);
    // The images carry the drawing (not blank pages): count dark pixels of the first one.
    const dark = await page.evaluate<{ n: number; w: number }>(`(() => {
      const img = document.querySelector('.sheet img');
      const c = document.createElement('canvas');
      c.width = img.naturalWidth; c.height = img.naturalHeight;
      const ctx = c.getContext('2d');
      ctx.drawImage(img, 0, 0);
      const d = ctx.getImageData(0, 0, c.width, c.height).data;
      let n = 0;
      for (let k = 0; k < d.length; k += 4) if (d[k] < 100) n++;
      return { n, w: c.width };
    })()`);
    expect(dark.w).toBe(Math.ceil((595.28 * 200) / 72));
    expect(dark.n).toBeGreaterThan(10_000);

    // What the print dialog will lay out: one sheet per page, A4, the landscape page turned.
    const printed = await PDFDocument.load(await page.pdf({ preferCSSPageSize: true, printBackground: true }));
    const sizes = printed
      .getPages()
      .map((p) => p.getSize())
      .map(({ width, height }) => [Math.round(width), Math.round(height)]);
    expect(sizes).toEqual([
      [595, 842],
      [842, 595],
      [595, 842],
    ]);
    await context.close();
  });

  it('reports a job that is not queued as a value, not a hang', async () => {
    const context = await printContext();
    const page = await context.newPage();
    await page.goto(printPageUrl('http://print.test', 'missing', 'x'));
    const result = await page.evaluate('window.anjuanPrint');
    expect(result).toEqual({ ok: false, message: '找不到要打印的文件' });
    await context.close();
  });
});
