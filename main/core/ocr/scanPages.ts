/**
 * The pages of a scanned evidence file, one at a time, as an OCR engine wants them: grey, ~150 dpi
 * on A4 (PaddleOCR reads our scans as well at 150 dpi as at 300, in half the time:
 * docs/decisions.md “OCR of scanned evidence”). A PDF page that already has a text layer (a scanner
 * that ran its own OCR, a PDF made from a document) gives that text and needs no OCR.
 */
import { pdfjs } from '../documents/pdf/pdfjsNode.js';
import { sharpLib } from '../files/thumbnailer.js';
import { maxScanPages } from '../dossier/scanPages.js';

/** A page to read: its image (PNG), or its own text when the PDF page has a text layer. */
export type ScanPage = { page: number; image: Uint8Array } | { page: number; text: string };

/** Pixels of the long side of an A4 page at 150 dpi. */
export const ocrLongSide = 1754;
/** A PDF page with fewer characters than this in its text layer is treated as an image (a stray page number). */
const minTextLayer = 20;

const scanTypes = new Set(['application/pdf', 'image/tiff', 'image/jpeg', 'image/png']);
/** Whether a stored file's pages can be read (its MIME type as stored with the evidence). */
export const readableScan = (mimeType: string): boolean => scanTypes.has(mimeType);

export class ScanUnreadable extends Error {}

/** How many pages the file has (it is opened once more by `scanPages`). */
export async function scanPageCount(bytes: Uint8Array, mimeType: string): Promise<number> {
  if (mimeType === 'application/pdf') {
    const { getDocument } = await pdfjs();
    const doc = await openPdf(getDocument, bytes);
    try {
      return doc.numPages;
    } finally {
      await doc.destroy();
    }
  }
  const sharp = await sharpLib();
  try {
    return (await sharp(bytes, { failOn: 'error' }).metadata()).pages ?? 1;
  } catch {
    throw new ScanUnreadable('扫描件已损坏或格式不受支持');
  }
}

type GetDocument = Awaited<ReturnType<typeof pdfjs>>['getDocument'];
async function openPdf(getDocument: GetDocument, bytes: Uint8Array) {
  try {
    // pdf.js detaches the buffer it is given: hand it a copy.
    return await getDocument({
      data: new Uint8Array(bytes),
      isEvalSupported: false,
      useSystemFonts: false,
      verbosity: 0,
    }).promise;
  } catch {
    throw new ScanUnreadable('PDF文件已损坏或已加密');
  }
}

/**
 * The pages from `from` (1-based) on. A page that cannot be decoded yields an empty image, so the
 * caller marks it unreadable and goes on with the next.
 */
export async function* scanPages(bytes: Uint8Array, mimeType: string, from = 1): AsyncGenerator<ScanPage> {
  if (mimeType === 'application/pdf') {
    yield* pdfPages(bytes, from);
    return;
  }
  const sharp = await sharpLib();
  const pages = Math.min(maxScanPages, await scanPageCount(bytes, mimeType));
  for (let page = from; page <= pages; page++) {
    try {
      const image = await sharp(bytes, { page: page - 1, failOn: 'error', limitInputPixels: 200_000_000 })
        .rotate()
        .flatten({ background: '#ffffff' })
        .greyscale()
        .resize({ width: ocrLongSide, height: ocrLongSide, fit: 'inside', withoutEnlargement: true })
        .png({ compressionLevel: 1 })
        .toBuffer();
      yield { page, image };
    } catch {
      yield { page, image: new Uint8Array() };
    }
  }
}

async function* pdfPages(bytes: Uint8Array, from: number): AsyncGenerator<ScanPage> {
  const { getDocument } = await pdfjs();
  const doc = await openPdf(getDocument, bytes);
  try {
    const pages = Math.min(maxScanPages, doc.numPages);
    for (let page = from; page <= pages; page++) {
      let out: ScanPage;
      try {
        const p = await doc.getPage(page);
        const content = await p.getTextContent();
        const text = content.items
          .map((it) => ('str' in it ? it.str + (it.hasEOL ? '\n' : '') : ''))
          .join('')
          .trim();
        if ([...text.replace(/\s+/g, '')].length >= minTextLayer) out = { page, text };
        else {
          const base = p.getViewport({ scale: 1 });
          const viewport = p.getViewport({ scale: ocrLongSide / Math.max(base.width, base.height) });
          // pdf.js under Node draws with @napi-rs/canvas (its own optional dependency, prebuilt in npm).
          const factory = (doc as unknown as { canvasFactory: CanvasFactory }).canvasFactory;
          const { canvas, context } = factory.create(Math.ceil(viewport.width), Math.ceil(viewport.height));
          await p.render({ canvasContext: context, canvas, viewport } as unknown as Parameters<typeof p.render>[0])
            .promise;
          out = { page, image: canvas.toBuffer('image/png') };
          factory.destroy({ canvas, context });
        }
        p.cleanup();
      } catch {
        out = { page, image: new Uint8Array() };
      }
      yield out;
    }
  } finally {
    await doc.destroy();
  }
}

interface CanvasFactory {
  create(w: number, h: number): { canvas: { toBuffer(type: 'image/png'): Buffer }; context: unknown };
  destroy(c: { canvas: unknown; context: unknown }): void;
}
