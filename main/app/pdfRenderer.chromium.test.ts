/**
 * The 'electron' PDF engine end to end, with real Chromium standing in for Electron's (the Electron
 * binary cannot run here): the core's ElectronEngine → the wire → the shell's PdfRenderer → a
 * "window" that is a Playwright page showing app://pdf/harness.html through the very app: handler
 * (CSP included) → printToPDF with the options Electron gets, passed to page.pdf (both are
 * Chromium's Page.printToPDF). Its PDF must paginate like the Chromium engine's on the same
 * template. Skipped, with the reason, where no Chromium is installed.
 */
import { PDFDocument } from 'pdf-lib';
import { chromium, type Browser, type CDPSession, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChromiumEngine, chromiumLaunchArgs } from '#core/documents/pdf/chromium.js';
import { ElectronEngine } from '#core/documents/pdf/electronEngine.js';
import { createElectronPdfPort, type PdfRenderRequest } from '#core/documents/pdf/electronWire.js';
import type { PdfResult } from '#core/documents/pdf/engine.js';
import { fontEnv } from '#core/documents/pdf/fontconfig.js';
import { pdfPageTexts } from '#core/documents/pdf/pdfText.js';
import { sampleDocx } from '#core/documents/fixtures.js';
import { loadManifest } from '#core/documents/manifest.js';
import { pdfHarnessFiles, PdfRenderer, type PdfWindowLike } from './pdfRenderer.js';
import { pdfHarnessUrl } from './protocol.js';
import { PrintJobs } from './printPage.js';
import { chromiumPath, hasChromium, routeAppScheme, testUrl } from './testing/appScheme.js';

if (!hasChromium) console.warn(`跳过 Electron PDF 引擎的 Chromium 测试：未找到 Chromium（${chromiumPath}）`);

const template = loadManifest().find((t) => t.id === 'penalty-decision')!;
const docx = sampleDocx(template);
const compact = (s: string): string => s.replace(/\s+/g, '');

/**
 * What the shell's BrowserWindow does, done by a Playwright page. Created synchronously like
 * `new BrowserWindow`, so each method waits for the page to be open.
 */
function pageWindow(opening: Promise<Page>): PdfWindowLike {
  let page: Page | null = null;
  void opening.then((p) => {
    page = p;
  });
  return {
    loadURL: async (url) => {
      await (await opening).goto(testUrl(url));
    },
    isDestroyed: () => page?.isClosed() ?? false,
    destroy: () => {
      void opening.then((p) => p.close());
    },
    webContents: {
      isCrashed: () => false,
      // Like executeJavaScript: evaluates the code in the page and awaits the promise it returns.
      executeJavaScript: async (code) => (await opening).evaluate(code),
      printToPDF: async (o) =>
        (await opening).pdf({
          format: o.pageSize,
          preferCSSPageSize: o.preferCSSPageSize,
          printBackground: o.printBackground,
          displayHeaderFooter: o.displayHeaderFooter,
          headerTemplate: o.headerTemplate,
          footerTemplate: o.footerTemplate,
          margin: {
            top: `${o.margins.top}in`,
            right: `${o.margins.right}in`,
            bottom: `${o.margins.bottom}in`,
            left: `${o.margins.left}in`,
          },
        }),
      // Like webContents.debugger: CDP on this page.
      debugger: (() => {
        let session: Promise<CDPSession> | null = null;
        return {
          isAttached: () => session !== null,
          attach: () => {
            session = opening.then((p) => p.context().newCDPSession(p));
          },
          sendCommand: async (method: string) => (await session!).send(method as 'HeapProfiler.collectGarbage'),
        };
      })(),
    },
  };
}

describe.skipIf(!hasChromium)('Electron engine path in Chromium (harness at app://pdf/ → printToPDF)', () => {
  let browser: Browser;
  let renderer: PdfRenderer;
  let engine: ElectronEngine;
  const pages: Page[] = [];
  const problems: string[] = [];
  let viaElectronPath: PdfResult;
  let viaChromiumEngine: PdfResult;

  beforeAll(async () => {
    // The footer template cannot use web fonts: like the Chromium engine, give the browser the bundled fonts.
    browser = await chromium.launch({ executablePath: chromiumPath, args: chromiumLaunchArgs, env: await fontEnv() });
    const context = await browser.newContext();
    renderer = new PdfRenderer({
      url: pdfHarnessUrl,
      log: (m) => problems.push(m),
      createWindow: () =>
        pageWindow(
          context.newPage().then((p) => {
            pages.push(p);
            p.on('console', (m) => {
              if (/Content Security Policy|Refused to/i.test(m.text())) problems.push(m.text());
            });
            p.on('pageerror', (e) => problems.push(e.message));
            p.on('response', (r) => {
              if (r.status() >= 400) problems.push(`${r.status()} ${r.url()}`);
            });
            return p;
          }),
        ),
    });
    await routeAppScheme(context, new PrintJobs(), pdfHarnessFiles(process.cwd(), renderer));
    // The wire as in the app: core → { pdfRender } → shell → { pdfRendered } → core.
    const port = createElectronPdfPort((message) => {
      void renderer
        .handle((message as { pdfRender: PdfRenderRequest }).pdfRender)
        .then((reply) => port.deliver({ pdfRendered: reply }));
    });
    engine = new ElectronEngine(port.channel);
    await engine.warmUp();
    viaElectronPath = await engine.convert(docx);

    const reference = new ChromiumEngine({ executablePath: chromiumPath });
    try {
      viaChromiumEngine = await reference.convert(docx);
    } finally {
      await reference.close();
    }
  }, 120_000);

  afterAll(async () => {
    await engine?.close();
    renderer?.close();
    await browser?.close();
  });

  it("loads the harness under the app's CSP with every file found (scripts, fonts)", () => {
    expect(problems).toEqual([]);
    expect(pages).toHaveLength(1);
  });

  it(`paginates ${template.id} exactly as the Chromium engine does, page for page`, async () => {
    expect(viaElectronPath.pages).toBeGreaterThan(0);
    expect(viaElectronPath.pages).toBe(viaChromiumEngine.pages);
    const a = (await pdfPageTexts(viaElectronPath.pdf)).map(compact);
    const b = (await pdfPageTexts(viaChromiumEngine.pdf)).map(compact);
    expect(a).toEqual(b);
    console.info(
      `Electron 引擎路径（Chromium 代替）：${template.id} ${viaElectronPath.pages} 页，与 Chromium 引擎一致`,
    );
  });

  it('prints A4 pages with the party name, a page number on every page and searchable text', async () => {
    const pdf = await PDFDocument.load(viaElectronPath.pdf);
    expect(pdf.getPageCount()).toBe(viaElectronPath.pages);
    for (const p of pdf.getPages()) {
      expect(p.getWidth()).toBeCloseTo(595.3, 0);
      expect(p.getHeight()).toBeCloseTo(841.9, 0);
    }
    const texts = (await pdfPageTexts(viaElectronPath.pdf)).map(compact);
    expect(texts.join('')).toContain('贵州某某塑料再生有限公司');
    expect(texts.join('')).not.toMatch(/[\u2e80-\u2fdf]/u); // the print fonts were served, not the originals
    for (const [i, t] of texts.entries())
      expect(t.includes(`第${i + 1}页共${texts.length}页`) || t.includes(`—${i + 1}—`), `page ${i + 1}`).toBe(true);
  });

  it('reuses the one window for the next document and refuses a broken one in Chinese', async () => {
    const again = await engine.convert(docx);
    expect(again.pages).toBe(viaElectronPath.pages);
    const bad = await engine.convert(Buffer.from('PK\u0003\u0004 not really a docx')).catch((e: unknown) => e);
    expect(bad).toMatchObject({ code: 'PDF_CONVERSION_FAILED' });
    expect(pages).toHaveLength(1);
  }, 60_000);
});
