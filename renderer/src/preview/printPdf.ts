/**
 * 打印 at the edge: in Electron the shell opens the system print dialog for the PDF
 * (window.anjuan.printPdf, the bytes over IPC); in a browser the PDF opens in a new tab, where the
 * browser's own viewer prints it — or, if pop-ups are blocked, it is downloaded.
 */
import { downloadBlob, safeFileName } from '../util/binary';

export interface PrintOutcome {
  ok: boolean;
  message: string;
}

/** A PDF as loadPdf gives it: the bytes, and the same as a Blob. */
export interface PdfToPrint {
  blob: Blob;
  bytes: Uint8Array;
}

export async function printPdf(title: string, pdf: PdfToPrint): Promise<PrintOutcome> {
  const bridge = window.anjuan;
  if (bridge) {
    const r = await bridge.printPdf({ title, pdf: pdf.bytes });
    return { ok: r.ok, message: r.ok ? '已发送到打印机' : (r.message ?? '打印失败') };
  }
  return openInBrowser(title, pdf.blob);
}

/** Prints and tells the user how it went (both places that print a PDF: preview and dossier volume). */
export async function printAndTell(
  title: string,
  pdf: PdfToPrint,
  tell: { info(m: string): void; error(e: unknown): void },
): Promise<void> {
  const r = await printPdf(title, pdf);
  if (r.ok) tell.info(r.message);
  else tell.error(r.message);
}

function openInBrowser(title: string, blob: Blob): PrintOutcome {
  const url = URL.createObjectURL(blob);
  const tab = window.open(url, '_blank');
  if (tab) tab.opener = null;
  else downloadBlob(blob, `${safeFileName(title)}.pdf`); // pop-ups blocked: a download instead

  setTimeout(() => URL.revokeObjectURL(url), 10 * 60_000);
  return { ok: true, message: '已在新窗口打开PDF，请使用浏览器的打印功能' };
}

export function downloadPdf(title: string, blob: Blob): void {
  downloadBlob(blob, `${safeFileName(title)}.pdf`);
}
