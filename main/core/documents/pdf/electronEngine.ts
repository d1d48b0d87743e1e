/**
 * The engine of the desktop app: Electron itself contains Chromium, so inside the packaged app the
 * core asks the shell (electronWire.ts) to print the DOCX from a hidden window showing the same
 * harness page as the Chromium engine (main/app/pdfRenderer.ts). A PC with neither Chrome/Edge nor
 * LibreOffice still gets PDFs. The core does here what the Chromium engine does around the page:
 * reads the DOCX's paper, margins and footer, and counts the PDF's pages (pdf-lib lives in the core).
 * No Electron import: the shell is reached only through the channel.
 */
import { AppError } from '#common/errors.js';
import { readDocxLayout } from './docxLayout.js';
import type { PdfEngine, PdfResult } from './engine.js';
import type { ElectronPdfChannel, PdfRenderJob } from './electronWire.js';
import { footerTemplate, pageCss } from './harness.js';
import { pageCount } from './pageCount.js';
import { printFontsDir } from './printFonts.js';
import { SerialQueue } from './serial.js';

export interface ElectronEngineOptions {
  /** How long one document may take, from the request to the PDF (default 60 s). */
  timeoutMs?: number;
  /** The folder of the print versions of the fonts (default printFontsDir()). */
  fontsDir?: () => Promise<string>;
}

export class ElectronEngine implements PdfEngine {
  readonly name = 'electron' as const;
  private readonly queue = new SerialQueue();
  private closed = false;

  constructor(
    private readonly channel: ElectronPdfChannel,
    private readonly opts: ElectronEngineOptions = {},
  ) {}

  /** Has the shell open its window and load the harness now: a broken shell is found here, not mid-print. */
  async warmUp(): Promise<void> {
    await this.queue.run(() => this.ask(null));
  }

  convert(docx: Buffer): Promise<PdfResult> {
    return this.queue.run(async () => {
      if (this.closed) throw new AppError('PDF_CONVERSION_FAILED', 'PDF转换引擎已关闭');
      let layout;
      try {
        layout = readDocxLayout(docx);
      } catch (e) {
        throw new AppError('PDF_CONVERSION_FAILED', `文书不是有效的Word文档：${(e as Error).message}`, {
          engine: this.name,
        });
      }
      const { geometry: g, footer } = layout;
      const reply = await this.ask({
        docxBase64: docx.toString('base64'),
        pageCss: pageCss(g),
        footerTemplate: footerTemplate(footer, g),
        marginsMm: { top: g.top, right: g.right, bottom: g.bottom, left: g.left },
      });
      const pdf = Buffer.from(reply ?? '', 'base64');
      if (pdf.subarray(0, 5).toString('latin1') !== '%PDF-') {
        throw new AppError('PDF_CONVERSION_FAILED', '桌面程序返回的不是PDF文件', { engine: this.name });
      }
      try {
        return { pdf, pages: await pageCount(pdf) };
      } catch (e) {
        throw new AppError('PDF_CONVERSION_FAILED', `桌面程序生成的PDF无法读取：${(e as Error).message}`, {
          engine: this.name,
        });
      }
    });
  }

  /** One round trip; the shell's refusal becomes a Chinese AppError. Resolves with the PDF (base64) if any. */
  private async ask(job: PdfRenderJob | null): Promise<string | undefined> {
    const fontsDir = await (this.opts.fontsDir ?? printFontsDir)();
    const reply = await this.channel.request(fontsDir, job, this.opts.timeoutMs ?? 60_000);
    if (!reply.ok)
      throw new AppError('PDF_CONVERSION_FAILED', `桌面程序转换PDF失败：${reply.message}`, { engine: this.name });
    return reply.pdfBase64;
  }

  async close(): Promise<void> {
    this.closed = true;
    // Let a conversion under way finish; the shell's window is the shell's to close (on quit).
    await this.queue.run(async () => undefined);
  }
}
