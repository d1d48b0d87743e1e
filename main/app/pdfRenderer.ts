/**
 * The shell's side of the 'electron' PDF engine (the core's side is
 * main/core/documents/pdf/electronEngine.ts): one hidden, sandboxed window without preload or Node
 * shows the print harness at app://pdf/harness.html — the page the Chromium engine prints from,
 * served by protocol.ts under the app's CSP — and webContents.printToPDF prints it. Requests come
 * from the core over its utilityProcess port (coreProcess.ts), run one at a time, and each gets an
 * answer, never a hang. A window that crashed, hung, failed or was destroyed is replaced on the
 * next request; close() (main window closed, app quitting) destroys it for good, so that the hidden
 * window never keeps the app alive. Electron comes in through PdfWindowLike: tested with fakes.
 */
import { printWindowOptions } from './print.js';
import type { BrowserWindowConstructorOptions } from 'electron';
import { parsePdfRenderRequest, type PdfRenderJob, type PdfRenderReply } from '#core/documents/pdf/electronWire.js';
import { harnessScriptFiles } from '#core/documents/pdf/harnessFiles.js';
import { SerialQueue } from '#core/documents/pdf/serial.js';
import type { AppProtocolDeps } from './protocol.js';

/**
 * Hidden (never shown: not an offscreen-rendering window, which printToPDF does not need and which
 * changes the device scale factor), sandboxed, isolated, no preload, no Node; JavaScript only for
 * docx-preview and the harness. Not throttled: fonts and layout must not wait for a visible window.
 */
export function pdfWindowOptions(): BrowserWindowConstructorOptions {
  // The print window's locked-down A4 page, plus the stricter switches and no throttling.
  const base = printWindowOptions();
  return {
    ...base,
    webPreferences: {
      ...base.webPreferences,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      allowRunningInsecureContent: false,
      backgroundThrottling: false,
    },
  };
}

const inches = (mm: number): number => mm / 25.4;

/**
 * Electron's printToPDF options, as the Chromium engine gives Playwright's page.pdf: the paper from
 * the DOCX's @page rule (A4 when a page has none), its margins (Electron wants inches), the footer
 * with the page number and count.
 */
export function printToPdfOptions(job: PdfRenderJob) {
  return {
    pageSize: 'A4' as const,
    preferCSSPageSize: true,
    printBackground: true,
    displayHeaderFooter: true,
    headerTemplate: '<span></span>',
    footerTemplate: job.footerTemplate,
    margins: {
      top: inches(job.marginsMm.top),
      right: inches(job.marginsMm.right),
      bottom: inches(job.marginsMm.bottom),
      left: inches(job.marginsMm.left),
    },
  };
}

export type PdfPrintOptions = ReturnType<typeof printToPdfOptions>;

/** What the window runs: the harness renders the DOCX and resolves once laid out with its fonts loaded. */
export function renderCall(job: PdfRenderJob): string {
  return `window.anjuanRender(${JSON.stringify(job.docxBase64)}, ${JSON.stringify(job.pageCss)})`;
}

export interface PdfWindowLike {
  loadURL(url: string): Promise<void>;
  isDestroyed(): boolean;
  destroy(): void;
  webContents: {
    isCrashed(): boolean;
    executeJavaScript(code: string): Promise<unknown>;
    printToPDF(options: PdfPrintOptions): Promise<Uint8Array>;
    /** Electron's CDP access to the page (webContents.debugger): used only to collect garbage. */
    debugger: {
      isAttached(): boolean;
      attach(protocolVersion?: string): void;
      sendCommand(method: string): Promise<unknown>;
    };
  };
}

export interface PdfRendererDeps {
  createWindow(): PdfWindowLike;
  /** The harness page (protocol.ts pdfHarnessUrl). */
  url: string;
  log(message: string): void;
  /** One request, window to PDF (default 55 s: under the core's 60 s, so the core hears the reason). */
  timeoutMs?: number;
}

function withTimeout<T>(p: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`生成PDF超时（${Math.round(ms / 1000)}秒）`)), ms);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

export class PdfRenderer {
  private win: PdfWindowLike | null = null;
  private readonly queue = new SerialQueue();
  private closed = false;
  private gcFailureLogged = false;
  /** The folder of print fonts the core named last: what app://pdf/fonts/ serves. */
  fontsDir: string | null = null;

  constructor(private readonly deps: PdfRendererDeps) {}

  /** Answers one request from the core; null only for a message without an id (nobody to answer). Never rejects. */
  handle(raw: unknown): Promise<PdfRenderReply | null> {
    const parsed = parsePdfRenderRequest(raw);
    if (!parsed.ok) {
      this.deps.log(`收到格式不正确的PDF请求：${parsed.message}`);
      return Promise.resolve(parsed.id === null ? null : { id: parsed.id, ok: false, message: parsed.message });
    }
    const { id, fontsDir, job } = parsed.request;
    return this.queue.run(async (): Promise<PdfRenderReply> => {
      if (this.closed) return { id, ok: false, message: '程序正在退出' };
      this.fontsDir = fontsDir;
      try {
        const pdf = await withTimeout(this.render(job), this.deps.timeoutMs ?? 55_000);
        return pdf ? { id, ok: true, pdfBase64: Buffer.from(pdf).toString('base64') } : { id, ok: true };
      } catch (e) {
        // A window that failed once (hung, crashed, half-loaded) is not used again.
        this.discard();
        const message = e instanceof Error ? e.message : String(e);
        this.deps.log(`生成PDF失败：${e instanceof Error ? (e.stack ?? message) : message}`);
        return { id, ok: false, message };
      }
    });
  }

  private async render(job: PdfRenderJob | null): Promise<Uint8Array | null> {
    const win = await this.window();
    if (!job) return null; // warm-up: the harness is loaded
    const sections = await win.webContents.executeJavaScript(renderCall(job));
    if (typeof sections !== 'number' || sections < 1) throw new Error('排版页面未能显示文书');
    const pdf = await win.webContents.printToPDF(printToPdfOptions(job));
    await this.collectGarbage(win);
    return pdf;
  }

  /**
   * Each print leaves the footer's per-page documents in Blink's heap until a full collection,
   * which rarely comes on its own (the page's JavaScript heap stays small): the built-in engine's
   * renderer grew by ~90 MB over 41 documents without one (chromium.ts does the same). Only an
   * optimisation: a failure is logged once and never fails a print.
   */
  private async collectGarbage(win: PdfWindowLike): Promise<void> {
    try {
      const d = win.webContents.debugger;
      if (!d.isAttached()) d.attach('1.3');
      await d.sendCommand('HeapProfiler.collectGarbage');
    } catch (e) {
      if (!this.gcFailureLogged)
        this.deps.log(`PDF窗口无法回收内存（不影响打印）：${e instanceof Error ? e.message : String(e)}`);
      this.gcFailureLogged = true;
    }
  }

  private async window(): Promise<PdfWindowLike> {
    const current = this.win;
    if (current && !current.isDestroyed() && !current.webContents.isCrashed()) return current;
    this.discard();
    const fresh = this.deps.createWindow();
    this.win = fresh;
    await fresh.loadURL(this.deps.url);
    if ((await fresh.webContents.executeJavaScript('typeof window.anjuanRender')) !== 'function')
      throw new Error('排版页面未能加载');
    return fresh;
  }

  private discard(): void {
    const w = this.win;
    this.win = null;
    if (w && !w.isDestroyed()) w.destroy();
  }

  /** Destroys the window; later requests are refused. */
  close(): void {
    this.closed = true;
    this.discard();
  }
}

/** What app://pdf/ serves (protocol.ts): the libraries, found on first use, and the fonts the core named. */
export function pdfHarnessFiles(
  appPath: string,
  renderer: Pick<PdfRenderer, 'fontsDir'>,
): NonNullable<AppProtocolDeps['pdfHarness']> {
  let scripts: Record<string, string> | null = null;
  return {
    scripts: () => (scripts ??= harnessScriptFiles(appPath)),
    fontsDir: () => renderer.fontsDir,
  };
}
