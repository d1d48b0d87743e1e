/**
 * The page the hidden print window shows (served at app://print/ by protocol.ts): pdf.js draws each
 * PDF page into a canvas at print resolution, the canvases become images, one A4 sheet per page.
 * Why images rather than loading the PDF itself: Chromium's PDF viewer is a plugin inside its own
 * frame, and webContents.print() on it is unreliable (blank or first page only, depending on the
 * version); a plain page of images prints the same everywhere and lets @page set A4 without margins.
 * The script is plain browser JavaScript kept as a string because the shell is bundled into one
 * file (scripts/build.mjs); main/app/printPage.chromium.test.ts runs it in real Chromium.
 */
import { randomUUID } from 'node:crypto';

/** 200 dpi: sharp text on office printers while keeping a 30-page document's images in memory. */
export const printDpi = 200;

export const printPageHtml = `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<title>打印</title>
<style>
  @page { size: A4; margin: 0 }
  @page wide { size: A4 landscape; margin: 0 }
  html, body { margin: 0; padding: 0; background: #fff }
  .sheet { width: 210mm; height: 297mm; overflow: hidden; break-after: page }
  .sheet.wide { page: wide; width: 297mm; height: 210mm }
  .sheet:last-child { break-after: auto }
  .sheet img { display: block; width: 100%; height: 100%; object-fit: contain }
</style>
<script type="module" src="./print.mjs"></script>
</head>
<body></body>
</html>
`;

export const printPageScript = `import * as pdfjs from './pdfjs/build/pdf.min.mjs';

const scale = ${printDpi} / 72;
const lib = new URL('./pdfjs/', import.meta.url);
pdfjs.GlobalWorkerOptions.workerSrc = new URL('build/pdf.worker.min.mjs', lib).href;
const params = new URLSearchParams(location.search);
// The document title names the job in the system's print queue.
document.title = (params.get('title') || '案卷文书').slice(0, 200);

function toBlob(canvas) {
  return new Promise((resolve, reject) =>
    canvas.toBlob((b) => (b ? resolve(b) : reject(new Error('页面图像生成失败'))), 'image/png'));
}

async function renderPage(page) {
  const viewport = page.getViewport({ scale });
  const canvas = document.createElement('canvas');
  canvas.width = Math.ceil(viewport.width);
  canvas.height = Math.ceil(viewport.height);
  await page.render({ canvas, viewport, background: '#ffffff' }).promise;
  const blob = await toBlob(canvas);
  canvas.width = 0; // let the bitmap go before the next page is drawn
  canvas.height = 0;
  page.cleanup();
  const sheet = document.createElement('div');
  sheet.className = viewport.width > viewport.height ? 'sheet wide' : 'sheet';
  const img = new Image();
  img.alt = '第' + page.pageNumber + '页';
  const loaded = new Promise((resolve, reject) => {
    img.onload = resolve;
    img.onerror = () => reject(new Error('页面图像加载失败'));
  });
  img.src = URL.createObjectURL(blob);
  sheet.append(img);
  document.body.append(sheet);
  await loaded;
}

async function renderAll() {
  const job = params.get('job') || '';
  const response = await fetch(new URL('./job/' + encodeURIComponent(job) + '.pdf', location.href));
  if (!response.ok) throw new Error('找不到要打印的文件');
  const data = new Uint8Array(await response.arrayBuffer());
  const doc = await pdfjs.getDocument({
    data,
    isEvalSupported: false,
    cMapUrl: new URL('cmaps/', lib).href,
    cMapPacked: true,
    standardFontDataUrl: new URL('standard_fonts/', lib).href,
    wasmUrl: new URL('wasm/', lib).href,
  }).promise;
  const pages = doc.numPages;
  try {
    for (let n = 1; n <= pages; n++) await renderPage(await doc.getPage(n));
  } finally {
    await doc.destroy();
  }
  await document.fonts.ready;
  return pages;
}

// The shell awaits this promise (webContents.executeJavaScript) before opening the print dialog.
window.anjuanPrint = renderAll().then(
  (pages) => ({ ok: true, pages }),
  (e) => ({ ok: false, message: e instanceof Error ? e.message : String(e) }),
);
`;

/** PDFs waiting to be fetched by a print window, under unguessable ids; removed when the job ends. */
export class PrintJobs {
  private readonly jobs = new Map<string, Uint8Array>();

  add(pdf: Uint8Array): string {
    const id = randomUUID();
    this.jobs.set(id, pdf);
    return id;
  }

  get(id: string): Uint8Array | undefined {
    return this.jobs.get(id);
  }

  remove(id: string): void {
    this.jobs.delete(id);
  }

  get size(): number {
    return this.jobs.size;
  }
}

export function printPageUrl(origin: string, jobId: string, title: string): string {
  const q = new URLSearchParams({ job: jobId, title });
  return `${origin}/index.html?${q.toString()}`;
}
