/**
 * The wire of the 'electron' PDF engine: the core (in Electron's utilityProcess) asks the shell to
 * print a DOCX from a hidden window; the shell answers with the PDF. It rides the parentPort the
 * operations already use (main/host/utility.ts ↔ main/app/coreProcess.ts), under keys of its own so
 * neither side can take it for an operation:
 *   core → shell  { pdfRender: { id, fontsDir, job } }        job null: load the harness only (warm-up)
 *   shell → core  { pdfRendered: { id, ok: true, pdfBase64? } | { id, ok: false, message } }
 * Both sides import this file; it has no Electron and no I/O. Base64, not bytes: what the shell's
 * print path already carries, and it survives every structured-clone implementation alike.
 */
import { AppError } from '#common/errors.js';

export interface PdfRenderJob {
  docxBase64: string;
  /** `@page` rules for the DOCX's paper and margins (harness.ts pageCss). */
  pageCss: string;
  /** Chromium's footer template with the page-number fields (harness.ts footerTemplate). */
  footerTemplate: string;
  /** The DOCX's margins, in millimetres. */
  marginsMm: { top: number; right: number; bottom: number; left: number };
}

export interface PdfRenderRequest {
  id: number;
  fontsDir: string;
  job: PdfRenderJob | null;
}

export type PdfRenderReply = { id: number; ok: true; pdfBase64?: string } | { id: number; ok: false; message: string };

/** A DOCX far beyond any document (templates are ~50 KB, with photos a few MB). */
export const maxDocxBase64 = 64 * 1024 * 1024;

const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isId = (v: unknown): v is number => Number.isSafeInteger(v) && (v as number) > 0;
const isMargin = (v: unknown): v is number => typeof v === 'number' && Number.isFinite(v) && v >= 0 && v <= 200;

/** The shell's check of a request (the core is trusted, but a malformed message must get an answer, not a crash). */
export function parsePdfRenderRequest(
  raw: unknown,
): { ok: true; request: PdfRenderRequest } | { ok: false; id: number | null; message: string } {
  if (!isObject(raw)) return { ok: false, id: null, message: 'PDF请求格式不正确' };
  const id = isId(raw.id) ? raw.id : null;
  const bad = (message: string) => ({ ok: false as const, id, message });
  if (id === null) return bad('PDF请求缺少编号');
  const { fontsDir, job } = raw;
  // An absolute folder (POSIX or Windows drive/UNC): the shell serves only plain *.ttf files from it.
  if (typeof fontsDir !== 'string' || fontsDir.includes('\0') || !/^(\/|[A-Za-z]:[\\/]|\\\\)/.test(fontsDir))
    return bad('PDF请求的字体目录不正确');
  if (job === null) return { ok: true, request: { id, fontsDir, job: null } };
  if (!isObject(job)) return bad('PDF请求格式不正确');
  const { docxBase64, pageCss, footerTemplate, marginsMm } = job;
  if (typeof docxBase64 !== 'string' || docxBase64.length === 0) return bad('PDF请求缺少文书内容');
  if (docxBase64.length > maxDocxBase64) return bad('文书过大，无法转换为PDF');
  if (
    typeof pageCss !== 'string' ||
    pageCss.length > 10_000 ||
    typeof footerTemplate !== 'string' ||
    footerTemplate.length > 100_000
  )
    return bad('PDF请求的版式不正确');
  if (!isObject(marginsMm) || !(['top', 'right', 'bottom', 'left'] as const).every((k) => isMargin(marginsMm[k])))
    return bad('PDF请求的页边距不正确');
  const m = marginsMm as PdfRenderJob['marginsMm'];
  return {
    ok: true,
    request: {
      id,
      fontsDir,
      job: {
        docxBase64,
        pageCss,
        footerTemplate,
        marginsMm: { top: m.top, right: m.right, bottom: m.bottom, left: m.left },
      },
    },
  };
}

/** The core's check of an answer: null when it is not one at all (no id to give it to). */
export function parsePdfRenderReply(raw: unknown): PdfRenderReply | null {
  if (!isObject(raw) || !isId(raw.id)) return null;
  if (raw.ok === true && (raw.pdfBase64 === undefined || typeof raw.pdfBase64 === 'string')) {
    return raw.pdfBase64 === undefined ? { id: raw.id, ok: true } : { id: raw.id, ok: true, pdfBase64: raw.pdfBase64 };
  }
  if (raw.ok === false && typeof raw.message === 'string')
    return { id: raw.id, ok: false, message: raw.message.slice(0, 500) };
  return { id: raw.id, ok: false, message: '桌面程序返回了无法识别的结果' };
}

export interface ElectronPdfChannel {
  /** One request to the shell. Rejects with a Chinese AppError on time-out or when the shell cannot be reached. */
  request(fontsDir: string, job: PdfRenderJob | null, timeoutMs: number): Promise<PdfRenderReply>;
}

export interface ElectronPdfPort {
  channel: ElectronPdfChannel;
  /** Called with every message from the shell: true when it was a PDF answer (taken here), false for anything else. */
  deliver(message: unknown): boolean;
}

const seconds = (ms: number): string => `${Math.round(ms / 1000)}秒`;

/** The core's end: `post` sends to the shell (parentPort.postMessage); answers come back through `deliver`. */
export function createElectronPdfPort(post: (message: unknown) => void): ElectronPdfPort {
  const pending = new Map<number, { resolve(r: PdfRenderReply): void; timer: NodeJS.Timeout }>();
  let nextId = 1;

  function request(fontsDir: string, job: PdfRenderJob | null, timeoutMs: number): Promise<PdfRenderReply> {
    const id = nextId++;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        // A late answer finds nobody waiting and is dropped.
        pending.delete(id);
        reject(
          new AppError('PDF_ENGINE_UNAVAILABLE', `桌面程序生成PDF超时（${seconds(timeoutMs)}），请稍后重试`, {
            engine: 'electron',
            reason: 'timeout',
          }),
        );
      }, timeoutMs);
      pending.set(id, { resolve, timer });
      try {
        post({ pdfRender: { id, fontsDir, job } satisfies PdfRenderRequest });
      } catch (e) {
        clearTimeout(timer);
        pending.delete(id);
        reject(
          new AppError(
            'PDF_ENGINE_UNAVAILABLE',
            `无法连接桌面程序的PDF服务：${e instanceof Error ? e.message : String(e)}`,
            { engine: 'electron' },
          ),
        );
      }
    });
  }

  function deliver(message: unknown): boolean {
    if (!isObject(message) || !('pdfRendered' in message)) return false;
    const reply = parsePdfRenderReply(message.pdfRendered);
    const p = reply ? pending.get(reply.id) : undefined;
    if (reply && p) {
      pending.delete(reply.id);
      clearTimeout(p.timer);
      p.resolve(reply);
    }
    return true;
  }

  return { channel: { request }, deliver };
}
