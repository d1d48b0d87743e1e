/**
 * The built-in engine: one headless Chromium kept running with a page that has the print harness
 * loaded, so that after the first document a conversion is a render plus a print (no browser
 * start, no font load). Everything the page loads is served from memory and disk through request
 * interception (CDP Fetch) under a made-up origin; every other request is refused: the engine never
 * goes online. The browser is driven over a pipe (cdpPipe.ts), not through playwright-core: see there.
 */
import { existsSync, readFileSync } from 'node:fs';
import type { Protocol } from 'devtools-protocol';
import { AppError } from '#common/errors.js';
import { appRoot } from '#core/paths.js';
import { CdpError, launchChromium, type LaunchedChromium } from './cdpPipe.js';
import {
  chromiumSandboxPlan,
  launchWithSandbox,
  noSandboxFlag,
  readSandboxFacts,
  type SandboxPlan,
} from './chromiumSandbox.js';
import { readDocxLayout } from './docxLayout.js';
import type { PdfEngine, PdfResult } from './engine.js';
import { fontEnv } from './fontconfig.js';
import { footerTemplate, pageCss } from './harness.js';
import { harnessFile, harnessScriptFiles } from './harnessFiles.js';
import { pageCount } from './pageCount.js';
import { printFontsDir } from './printFonts.js';
import { SerialQueue } from './serial.js';

const origin = 'http://anjuan-print.invalid';
/**
 * Flags of ours, on top of what any headless print browser gets (launch()); also used by tests that stand in for Electron.
 * No `--no-sandbox`: the sandbox is on wherever the system allows it (chromiumSandbox.ts).
 */
export const chromiumLaunchArgs = [
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--no-first-run',
];

/**
 * What keeps the browser small (measured on Debian Chromium 156, for the render-memory figure of the bench):
 * headless Chrome preloads two omnibox pop-up WebUI renderers (~100 MB) a print engine never shows,
 * and keeps a spare renderer; the GPU and network services in their own processes cost ~75 MB
 * more than inside the browser process. Everything else is what a headless browser that must not
 * go online or show UI gets anyway. Chromium reads only the last --disable-features, so one list.
 */
const headlessArgs = [
  '--headless',
  '--hide-scrollbars',
  '--mute-audio',
  '--no-default-browser-check',
  '--no-startup-window',
  '--disable-extensions',
  '--disable-default-apps',
  '--disable-sync',
  '--disable-breakpad',
  '--disable-domain-reliability',
  '--disable-client-side-phishing-detection',
  '--disable-dev-shm-usage',
  '--password-store=basic',
  '--use-mock-keychain',
  '--force-color-profile=srgb',
  '--metrics-recording-only',
  '--no-service-autorun',
  '--disable-search-engine-choice-screen',
  '--in-process-gpu',
  '--enable-features=NetworkServiceInProcess2',
  '--js-flags=--expose-gc',
  '--disable-features=WebUIOmniboxPopup,WebUIOmniboxAimPopup,WebUIOmniboxFullPopup,SpareRendererForSitePerProcess,Translate,OptimizationHints,MediaRouter,BackForwardCache,InterestFeedContentSuggestions',
];

/**
 * Where a Chromium-family browser may be: ANJUAN_CHROMIUM alone when set; otherwise Debian's Chromium, then the
 * Edge that ships with every Windows 10/11 PC and common Chrome installs — so a county PC without
 * LibreOffice still gets PDFs until the Electron-window engine exists.
 */
export function chromiumCandidates(
  env: NodeJS.ProcessEnv = process.env,
  platform: NodeJS.Platform = process.platform,
): string[] {
  // An explicit choice is final: a wrong path must show as an error, not be silently replaced.
  if (env.ANJUAN_CHROMIUM) return [env.ANJUAN_CHROMIUM];
  const list: string[] = [];
  if (platform === 'win32') {
    for (const base of [env['PROGRAMFILES(X86)'], env.PROGRAMFILES, env.LOCALAPPDATA].filter(Boolean)) {
      list.push(
        `${base}\\Microsoft\\Edge\\Application\\msedge.exe`,
        `${base}\\Google\\Chrome\\Application\\chrome.exe`,
      );
    }
  } else if (platform === 'darwin') {
    list.push(
      '/Applications/Google Chrome.app/Contents/MacOS/Google Chrome',
      '/Applications/Microsoft Edge.app/Contents/MacOS/Microsoft Edge',
    );
  } else {
    list.push('/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome', '/usr/bin/microsoft-edge');
  }
  return list;
}

export function chromiumExecutable(): string {
  const candidates = chromiumCandidates();
  return candidates.find((p) => existsSync(p)) ?? candidates[0] ?? '/usr/bin/chromium';
}

export interface ChromiumOptions {
  executablePath?: string;
  timeoutMs?: number;
  pages?: number;
  /** Where the sandbox warnings go (default: stderr). */
  log?(message: string): void;
  /** Tests: the sandbox plan instead of this machine's (chromiumSandbox.ts). */
  sandbox?: SandboxPlan;
}

/** A tab with the harness loaded, attached over the pipe. */
interface HarnessPage {
  sessionId: string;
  targetId: string;
}

/** One page with the harness loaded and its own queue: a page renders one document at a time. */
interface Slot {
  queue: SerialQueue;
  page: Promise<HarnessPage> | null;
  pending: number;
}

const mm = (v: number): number => v / 25.4; // CDP takes inches

export class ChromiumEngine implements PdfEngine {
  readonly name = 'chromium' as const;
  private browser: Promise<LaunchedChromium> | null = null;
  private readonly slots: Slot[];
  private closed = false;
  /** Whether the running browser has its sandbox (null before the first start); false stays false after a failed sandboxed start. */
  sandboxed: boolean | null = null;

  constructor(private readonly opts: ChromiumOptions = {}) {
    // One page by default: with the small print fonts (printFonts.ts) a document prints in ~0.13 s,
    // 41 in ~5 s; a second page saves about a second of that and costs ~150 MB (a renderer and a
    // print compositor), which the 500 MB render budget cannot spare.
    const n = Math.max(1, opts.pages ?? 1);
    this.slots = Array.from({ length: n }, () => ({ queue: new SerialQueue(), page: null, pending: 0 }));
  }

  /** Starts the browser and loads the harness in every page now rather than on the first document. */
  async warmUp(): Promise<void> {
    await Promise.all(this.slots.map((slot) => slot.queue.run(() => this.ready(slot))));
  }

  convert(docx: Buffer): Promise<PdfResult> {
    const slot = this.slots.reduce((a, b) => (b.pending < a.pending ? b : a));
    slot.pending++;
    return slot.queue
      .run(async () => {
        if (this.closed) throw new AppError('PDF_CONVERSION_FAILED', 'PDF转换引擎已关闭');
        const page = await this.ready(slot);
        try {
          return await withTimeout(this.print(page, docx), this.opts.timeoutMs ?? 60_000);
        } catch (e) {
          // A hung or crashed page is thrown away; the next document starts a fresh one.
          slot.page = null;
          await this.closePage(page);
          if (e instanceof AppError) throw e;
          throw new AppError('PDF_CONVERSION_FAILED', `内置引擎转换PDF失败：${(e as Error).message}`, {
            engine: this.name,
          });
        }
      })
      .finally(() => {
        slot.pending--;
      });
  }

  private async print(page: HarnessPage, docx: Buffer): Promise<PdfResult> {
    let layout;
    try {
      layout = readDocxLayout(docx);
    } catch (e) {
      throw new AppError('PDF_CONVERSION_FAILED', `文书不是有效的Word文档：${(e as Error).message}`, {
        engine: this.name,
      });
    }
    const { geometry: g, footer } = layout;
    const { cdp } = await this.startBrowser();
    const rendered = await cdp.send(
      'Runtime.evaluate',
      {
        expression: `anjuanRender(${JSON.stringify(docx.toString('base64'))}, ${JSON.stringify(pageCss(g))})`,
        awaitPromise: true,
        returnByValue: true,
      },
      page.sessionId,
    );
    if (rendered.exceptionDetails) {
      const d = rendered.exceptionDetails;
      throw new CdpError(`排版失败：${d.exception?.description?.split('\n')[0] ?? d.text}`);
    }
    const { data } = await cdp.send(
      'Page.printToPDF',
      {
        preferCSSPageSize: true,
        printBackground: true,
        displayHeaderFooter: true,
        headerTemplate: '<span></span>',
        footerTemplate: footerTemplate(footer, g),
        paperWidth: mm(g.width),
        paperHeight: mm(g.height),
        marginTop: mm(g.top),
        marginRight: mm(g.right),
        marginBottom: mm(g.bottom),
        marginLeft: mm(g.left),
        // Tags and an outline are not asked of a form, and tagging costs time on every page.
        generateTaggedPDF: false,
        generateDocumentOutline: false,
      },
      page.sessionId,
    );
    const pdf = Buffer.from(data, 'base64');
    // Each print leaves a few documents behind (the footer is drawn in a frame per page), held in
    // Blink's heap until a full collection, which V8 rarely runs because its own heap stays small:
    // the renderer grew by ~90 MB over 41 documents. A full collection after each costs ~15 ms.
    await cdp.send('Runtime.evaluate', { expression: 'gc()' }, page.sessionId);
    return { pdf, pages: await pageCount(pdf) };
  }

  private ready(slot: Slot): Promise<HarnessPage> {
    if (!slot.page) {
      slot.page = this.openPage();
      slot.page.catch(() => {
        slot.page = null;
      });
    }
    return slot.page;
  }

  private startBrowser(): Promise<LaunchedChromium> {
    if (!this.browser) {
      const started = this.launch();
      this.browser = started;
      started.then(
        (b) =>
          b.exited.then(() => {
            // A crashed browser takes every page with it: all start afresh on the next document.
            if (this.browser === started) {
              this.browser = null;
              for (const s of this.slots) s.page = null;
            }
          }),
        () => {
          if (this.browser === started) this.browser = null;
        },
      );
    }
    return this.browser;
  }

  private async launch(): Promise<LaunchedChromium> {
    const executablePath = this.opts.executablePath ?? chromiumExecutable();
    if (!existsSync(executablePath)) {
      throw new AppError('PDF_ENGINE_UNAVAILABLE', `找不到内置PDF引擎所需的Chromium：${executablePath}`, {
        engine: this.name,
        executablePath,
      });
    }
    const env = await fontEnv();
    try {
      // Decided at the first start; the warning is logged once, and a sandboxed start that failed is not
      // tried again by this engine (every restart after a crash would pay for it).
      const first = this.sandboxed === null;
      const plan: SandboxPlan = first
        ? (this.opts.sandbox ?? chromiumSandboxPlan(readSandboxFacts(executablePath)))
        : this.sandboxed
          ? { sandbox: true }
          : { sandbox: false, reason: '' }; // '': already said
      const log = this.opts.log ?? ((m: string) => console.warn(`[anjuan] ${m}`));
      const { browser, sandboxed } = await launchWithSandbox(
        plan,
        (sandbox) =>
          launchChromium(
            executablePath,
            [...headlessArgs, ...chromiumLaunchArgs, ...(sandbox ? [] : [noSandboxFlag])],
            env,
          ),
        log,
      );
      this.sandboxed = sandboxed;
      this.serveHarness(browser, harnessAssets(await printFontsDir()));
      return browser;
    } catch (e) {
      throw new AppError('PDF_ENGINE_UNAVAILABLE', `内置PDF引擎无法启动：${(e as Error).message.split('\n')[0]}`, {
        engine: this.name,
        executablePath,
      });
    }
  }

  /** Answers every request of every page: the harness's files, or a refusal; and notices pages that die. */
  private serveHarness(browser: LaunchedChromium, assets: ReturnType<typeof harnessAssets>): void {
    const { cdp } = browser;
    cdp.onEvent((method, params, sessionId) => {
      if (method === 'Fetch.requestPaused' && sessionId) {
        const { requestId, request } = params as Protocol.Fetch.RequestPausedEvent;
        const body = request.url.startsWith(`${origin}/`) ? assets(request.url.slice(origin.length + 1)) : null;
        const answer = body
          ? cdp.send(
              'Fetch.fulfillRequest',
              {
                requestId,
                responseCode: body.status,
                responseHeaders: [{ name: 'Content-Type', value: body.contentType }],
                body: Buffer.from(body.body).toString('base64'),
              },
              sessionId,
            )
          : cdp.send('Fetch.failRequest', { requestId, errorReason: 'BlockedByClient' }, sessionId);
        answer.catch(() => undefined); // the page may have gone meanwhile
      } else if (method === 'Inspector.targetCrashed' && sessionId) {
        cdp.failSession(sessionId, new CdpError('页面崩溃'));
      } else if (method === 'Target.detachedFromTarget') {
        const gone = (params as Protocol.Target.DetachedFromTargetEvent).sessionId;
        cdp.failSession(gone, new CdpError('页面已关闭'));
      }
    });
  }

  private async openPage(): Promise<HarnessPage> {
    const { cdp } = await this.startBrowser();
    const { browserContextId } = await cdp.send('Target.createBrowserContext', { disposeOnDetach: true });
    const { targetId } = await cdp.send('Target.createTarget', { url: 'about:blank', browserContextId });
    const { sessionId } = await cdp.send('Target.attachToTarget', { targetId, flatten: true });
    const page = { sessionId, targetId };
    try {
      await cdp.send('Fetch.enable', { patterns: [{ urlPattern: '*' }] }, sessionId);
      await cdp.send('Inspector.enable', undefined, sessionId);
      await cdp.send('Page.enable', undefined, sessionId);
      const loaded = new Promise<void>((resolve) => {
        const stop = cdp.onEvent((method, _p, from) => {
          if (method === 'Page.loadEventFired' && from === sessionId) {
            stop();
            resolve();
          }
        });
      });
      const nav = await cdp.send('Page.navigate', { url: `${origin}/harness.html` }, sessionId);
      if (nav.errorText) throw new CdpError(`打印页面载入失败：${nav.errorText}`);
      await withTimeout(loaded, 30_000);
      return page;
    } catch (e) {
      await this.closePage(page);
      throw e;
    }
  }

  private async closePage(page: HarnessPage): Promise<void> {
    const b = await this.browser?.catch(() => null);
    await b?.cdp.send('Target.closeTarget', { targetId: page.targetId }).catch(() => undefined);
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
function harnessAssets(
  fonts: string,
): (path: string) => { status: number; contentType: string; body: Buffer | string } | null {
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
    timer = setTimeout(
      () =>
        reject(
          new AppError('PDF_CONVERSION_FAILED', `内置引擎转换PDF超时（${Math.round(ms / 1000)}秒）`, {
            engine: 'chromium',
          }),
        ),
      ms,
    );
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}
