/**
 * The built-in engine: one headless Chromium kept running with a page or two that have the print
 * harness loaded, so that after the first document a conversion is a render plus a print (no
 * browser start, no font load). Everything the page loads is served from memory and disk through request
 * interception under a made-up origin; every other request is refused: the engine never goes online.
 */
import { existsSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { chromium, type Browser, type Page, type Route } from 'playwright-core';
import { AppError } from '../../../../common/errors.js';
import { appRoot } from '../../paths.js';
import { readDocxLayout } from './docxLayout.js';
import type { PdfEngine, PdfResult } from './engine.js';
import { fontEnv } from './fontconfig.js';
import { footerTemplate, pageCss } from './harness.js';
import { harnessFile, harnessScriptFiles } from './harnessFiles.js';
import { pageCount } from './pageCount.js';
import { printFontsDir } from './printFonts.js';
import { SerialQueue } from './serial.js';

const origin = 'http://anjuan-print.invalid';
export const chromiumLaunchArgs = ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'];

/**
 * Where a Chromium-family browser may be: ANJUAN_CHROMIUM alone when set; otherwise Debian's Chromium, then the
 * Edge that ships with every Windows 10/11 PC and common Chrome installs — so a county PC without
 * LibreOffice still gets PDFs until the Electron-window engine exists.
 */
export function chromiumCandidates(env: NodeJS.ProcessEnv = process.env, platform: NodeJS.Platform = process.platform): string[] {
  // An explicit choice is final: a wrong path must show as an error, not be silently replaced.
  if (env.ANJUAN_CHROMIUM) return [env.ANJUAN_CHROMIUM];
  const list: string[] = [];
  if (platform === 'win32') {
    for (const base of [env['PROGRAMFILES(X86)'], env.PROGRAMFILES, env.LOCALAPPDATA].filter(Boolean)) {
      list.push(`${base}\\Microsoft\\Edge\\Application\\msedge.exe`, `${base}\\Google\\Chrome\\Application\\chrome.exe`);
    }
  } else if (platform === 'darwin') {
    list.push('/Applications/Google Chrome.app/Contents/MacOS/Google Chrome', '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge');
  } else {
    list.push('/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/microsoft-edge');
  }
  return list;
}

export function chromiumExecutable(): string {
  const candidates = chromiumCandidates();
  return candidates.find((p) => existsSync(p)) ?? candidates[0] ?? '/usr/bin/chromium';
}

export interface ChromiumOptions { executablePath?: string; timeoutMs?: number; pages?: number }

/** One page with the harness loaded and its own queue: a page renders one document at a time. */
interface Slot { queue: SerialQueue; page: Promise<Page> | null; pending: number }

export class ChromiumEngine implements PdfEngine {
  readonly name = 'chromium' as const;
  private browser: Promise<Browser> | null = null;
  private readonly slots: Slot[];
  private closed = false;

  constructor(private readonly opts: ChromiumOptions = {}) {
    // Printing is mostly CPU in the browser: two pages on two cores print about 1.5–2× faster than
    // one; more pages than cores only add memory.
    const n = Math.max(1, opts.pages ?? Math.min(2, availableParallelism()));
    this.slots = Array.from({ length: n }, () => ({ queue: new SerialQueue(), page: null, pending: 0 }));
  }

  /** Starts the browser and loads the harness in every page now rather than on the first document. */
  async warmUp(): Promise<void> {
    await Promise.all(this.slots.map((slot) => slot.queue.run(() => this.ready(slot))));
  }

  convert(docx: Buffer): Promise<PdfResult> {
    const slot = this.slots.reduce((a, b) => (b.pending < a.pending ? b : a));
    slot.pending++;
    return slot.queue.run(async () => {
      if (this.closed) throw new AppError('PDF_CONVERSION_FAILED', 'PDF转换引擎已关闭');
      const page = await this.ready(slot);
      try {
        return await withTimeout(this.print(page, docx), this.opts.timeoutMs ?? 60_000);
      } catch (e) {
        // A hung or crashed page is thrown away; the next document starts a fresh one.
        slot.page = null;
        await page.close().catch(() => undefined);
        if (e instanceof AppError) throw e;
        throw new AppError('PDF_CONVERSION_FAILED', `内置引擎转换PDF失败：${(e as Error).message}`, { engine: this.name });
      }
    }).finally(() => { slot.pending--; });
  }

  private async print(page: Page, docx: Buffer): Promise<PdfResult> {
    let layout;
    try {
      layout = readDocxLayout(docx);
    } catch (e) {
      throw new AppError('PDF_CONVERSION_FAILED', `文书不是有效的Word文档：${(e as Error).message}`, { engine: this.name });
    }
    const { geometry: g, footer } = layout;
    await page.evaluate(({ b64, css }) => (globalThis as unknown as { anjuanRender(b: string, c: string): Promise<number> }).anjuanRender(b64, css),
      { b64: docx.toString('base64'), css: pageCss(g) });
    const pdf = await page.pdf({
      preferCSSPageSize: true,
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: '<span></span>',
      footerTemplate: footerTemplate(footer, g),
      margin: { top: `${g.top}mm`, right: `${g.right}mm`, bottom: `${g.bottom}mm`, left: `${g.left}mm` },
    });
    return { pdf, pages: await pageCount(pdf) };
  }

  private ready(slot: Slot): Promise<Page> {
    if (!slot.page) {
      slot.page = this.openPage();
      slot.page.catch(() => { slot.page = null; });
    }
    return slot.page;
  }

  private startBrowser(): Promise<Browser> {
    if (!this.browser) {
      const started = this.launch();
      this.browser = started;
      started.then((b) => b.on('disconnected', () => {
        // A crashed browser takes every page with it: all start afresh on the next document.
        if (this.browser === started) { this.browser = null; for (const s of this.slots) s.page = null; }
      }), () => { if (this.browser === started) this.browser = null; });
    }
    return this.browser;
  }

  private async launch(): Promise<Browser> {
    const executablePath = this.opts.executablePath ?? chromiumExecutable();
    if (!existsSync(executablePath)) {
      throw new AppError('PDF_ENGINE_UNAVAILABLE', `找不到内置PDF引擎所需的Chromium：${executablePath}`, { engine: this.name, executablePath });
    }
    const env = await fontEnv();
    try {
      return await chromium.launch({ executablePath, headless: true, args: chromiumLaunchArgs, env });
    } catch (e) {
      throw new AppError('PDF_ENGINE_UNAVAILABLE', `内置PDF引擎无法启动：${(e as Error).message.split('\n')[0]}`, { engine: this.name, executablePath });
    }
  }

  private async openPage(): Promise<Page> {
    const browser = await this.startBrowser();
    const context = await browser.newContext({ offline: false, javaScriptEnabled: true });
    const page = await context.newPage();
    const assets = harnessAssets(await printFontsDir());
    await context.route('**/*', (route: Route) => {
      const url = route.request().url();
      const body = url.startsWith(`${origin}/`) ? assets(url.slice(origin.length + 1)) : null;
      return body ? route.fulfill(body) : route.abort('blockedbyclient');
    });
    await page.goto(`${origin}/harness.html`);
    return page;
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.slots.map((s) => s.queue.run(async () => undefined)));
    const b = this.browser;
    this.browser = null;
    for (const s of this.slots) s.page = null;
    await (await b?.catch(() => null))?.close().catch(() => undefined);
  }
}

/** The harness page, its scripts and the bundled fonts (harnessFiles.ts), by path under the made-up origin. */
function harnessAssets(fonts: string): (path: string) => { status: number; contentType: string; body: Buffer | string } | null {
  const scripts = harnessScriptFiles(appRoot());
  return (path) => {
    const f = harnessFile(path, () => scripts, fonts);
    if (!f) return null;
    if ('text' in f) return { status: 200, contentType: f.contentType, body: f.text };
    return existsSync(f.file) ? { status: 200, contentType: f.contentType, body: readFileSync(f.file) } : null;
  };
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new AppError('PDF_CONVERSION_FAILED', `内置引擎转换PDF超时（${Math.round(ms / 1000)}秒）`, { engine: 'chromium' })), ms);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}
