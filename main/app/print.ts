/**
 * Printing a PDF: a hidden, sandboxed window without preload shows the PDF's pages as A4 images
 * (printPage.ts), then webContents.print opens the system dialog where the clerk picks the printer
 * and the number of copies. The window is destroyed whatever happens; a failure is a value.
 * Printer and copies are chosen in that dialog — Windows' own print dialog (in Chinese on
 * a Chinese Windows; GTK's on Linux) lists every installed printer, the default one selected, with
 * 份数/copies, page range and duplex — so nothing is printed silently and no printer name or copy
 * count crosses the bridge: the page cannot print behind the clerk's back or to a printer of its
 * choosing. Silent printing would need our own printer list (webContents.getPrintersAsync) and
 * deviceName/copies here; not needed while the system dialog offers both.
 */
import type { PrintRequest } from '#common/bridge.js';
import type { PrintJobs } from './printPage.js';
import { printPageUrl } from './printPage.js';

export interface PrintResult {
  ok: boolean;
  message?: string;
}

/** 200 MB of PDF is far beyond any dossier; larger is a mistake or an attack on memory. */
export const maxPrintBytes = 200 * 1024 * 1024;

export function parsePrintRequest(
  raw: unknown,
): { ok: true; title: string; pdf: Buffer } | { ok: false; message: string } {
  if (typeof raw !== 'object' || raw === null) return { ok: false, message: '打印请求格式不正确' };
  // The PDF crosses IPC as bytes (structured clone of a Uint8Array), never as Base64 (security audit).
  const { title, pdf: bytes } = raw as Partial<Record<keyof PrintRequest, unknown>>;
  if (typeof title !== 'string' || !(bytes instanceof Uint8Array) || bytes.length === 0) {
    return { ok: false, message: '打印请求格式不正确' };
  }
  if (bytes.length > maxPrintBytes) return { ok: false, message: '文件过大，无法打印' };
  const pdf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (pdf.subarray(0, 5).toString('latin1') !== '%PDF-') return { ok: false, message: '要打印的文件不是PDF' };
  // Control characters would end up in the print queue's job name.
  return {
    ok: true,
    title:
      title
        .replace(/[\u0000-\u001f\u007f]/g, ' ')
        .trim()
        .slice(0, 200) || '案卷文书',
    pdf,
  };
}

/** What the hidden window is built with: sandboxed, no preload, no Node; JavaScript only for pdf.js. */
export function printWindowOptions() {
  return {
    show: false,
    width: 794,
    height: 1123,
    webPreferences: {
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      spellcheck: false,
    },
  };
}

export interface PrintOptions {
  silent: boolean;
  printBackground: boolean;
  margins: { marginType: 'none' };
}

export interface PrintWindowLike {
  loadURL(url: string): Promise<void>;
  isDestroyed(): boolean;
  destroy(): void;
  webContents: {
    executeJavaScript(code: string): Promise<unknown>;
    print(options: PrintOptions, callback: (success: boolean, failureReason: string) => void): void;
  };
}

export interface PrintDeps {
  createWindow(): PrintWindowLike;
  jobs: PrintJobs;
  origin: string;
  log(message: string): void;
  /** How long pdf.js may take to draw the pages (default 2 minutes). */
  renderTimeoutMs?: number;
}

function withTimeout<T>(p: Promise<T>, ms: number, message: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
  });
  return Promise.race([p, timeout]).finally(() => clearTimeout(timer));
}

function openDialog(win: PrintWindowLike): Promise<PrintResult> {
  return new Promise((resolve) => {
    win.webContents.print(
      { silent: false, printBackground: true, margins: { marginType: 'none' } },
      (success, reason) => {
        if (success) resolve({ ok: true, message: '已发送到打印机' });
        else if (/cancel/i.test(reason)) resolve({ ok: false, message: '已取消打印' });
        else resolve({ ok: false, message: `打印失败：${reason || '未知原因'}` });
      },
    );
  });
}

export async function printPdf(raw: unknown, deps: PrintDeps): Promise<PrintResult> {
  const req = parsePrintRequest(raw);
  if (!req.ok) return { ok: false, message: req.message };
  const jobId = deps.jobs.add(req.pdf);
  let win: PrintWindowLike | null = null;
  try {
    win = deps.createWindow();
    await win.loadURL(printPageUrl(deps.origin, jobId, req.title));
    const shown = (await withTimeout(
      win.webContents.executeJavaScript('window.anjuanPrint'),
      deps.renderTimeoutMs ?? 120_000,
      '准备打印页面超时',
    )) as { ok?: boolean; message?: string } | undefined;
    if (!shown?.ok) return { ok: false, message: `无法显示要打印的文件：${shown?.message ?? '未知原因'}` };
    return await openDialog(win);
  } catch (e) {
    deps.log(`打印失败：${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    return { ok: false, message: `打印失败：${e instanceof Error ? e.message : String(e)}` };
  } finally {
    deps.jobs.remove(jobId);
    if (win && !win.isDestroyed()) win.destroy();
  }
}
