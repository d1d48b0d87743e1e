/**
 * The built-in engine: one headless Chromium kept running with one page that has the print harness
 * loaded, so that after the first document a conversion is a render plus a print (no browser
 * start, no font load). Everything the page loads is served from memory and disk through request
 * interception under a made-up origin; every other request is refused: the engine never goes online.
 */
import { existsSync, readFileSync } from 'node:fs';
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

export interface ChromiumOptions { executablePath?: string; timeoutMs?: number }

export class ChromiumEngine implements PdfEngine {
  readonly name = 'chromium' as const;
  private readonly queue = new SerialQueue();
  private browser: Browser | null = null;
  private page: Promise<Page> | null = null;
  private closed = false;

  constructor(private readonly opts: ChromiumOptions = {}) {}

  /** Starts the browser and loads the harness now rather than on the first document. */
  async warmUp(): Promise<void> {
    await this.queue.run(() => this.ready());
  }

  convert(docx: Buffer): Promise<PdfResult> {
    return this.queue.run(async () => {
      if (this.closed) throw new AppError('PDF_CONVERSION_FAILED', 'PDF转换引擎已关闭');
      const page = await this.ready();
      try {
        return await withTimeout(this.print(page, docx), this.opts.timeoutMs ?? 60_000);
      } catch (e) {
        // A hung or crashed page is thrown away; the next document starts a fresh one.
        await this.reset();
        if (e instanceof AppError) throw e;
        throw new AppError('PDF_CONVERSION_FAILED', `内置引擎转换PDF失败：${(e as Error).message}`, { engine: this.name });
      }
    });
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

  private ready(): Promise<Page> {
    if (!this.page) {
      this.page = this.launch();
      this.page.catch(() => { this.page = null; });
    }
    return this.page;
  }

  private async launch(): Promise<Page> {
    const executablePath = this.opts.executablePath ?? chromiumExecutable();
    if (!existsSync(executablePath)) {
      throw new AppError('PDF_ENGINE_UNAVAILABLE', `找不到内置PDF引擎所需的Chromium：${executablePath}`, { engine: this.name, executablePath });
    }
    const env = await fontEnv();
    try {
      this.browser = await chromium.launch({ executablePath, headless: true, args: chromiumLaunchArgs, env });
    } catch (e) {
      throw new AppError('PDF_ENGINE_UNAVAILABLE', `内置PDF引擎无法启动：${(e as Error).message.split('\n')[0]}`, { engine: this.name, executablePath });
    }
    const browser = this.browser;
    browser.on('disconnected', () => {
      if (this.browser === browser) { this.browser = null; this.page = null; }
    });
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

  private async reset(): Promise<void> {
    const b = this.browser;
    this.browser = null;
    this.page = null;
    await b?.close().catch(() => undefined);
  }

  async close(): Promise<void> {
    this.closed = true;
    await this.queue.run(() => this.reset());
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
