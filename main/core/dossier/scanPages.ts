/**
 * Paper scanned as evidence becomes pages of the dossier: a PDF's pages are copied as they are (the
 * assembler does that); each page of a TIFF, and a scanned JPEG or PNG, becomes an A4 page with the
 * scan fitted to it at ~150 dpi (JPEG), as sharp decodes it — the original file stays in the blob
 * store and the archive package.
 */
import { PDFDocument } from 'pdf-lib';
import { AppError } from '#common/errors.js';
import { sharpLib } from '../files/thumbnailer.js';
import { A4 } from './sheet.js';

const dpi = 150;
const pagePixels = { width: Math.round((A4.width / 72) * dpi), height: Math.round((A4.height / 72) * dpi) };
/** A multi-page TIFF longer than this is refused rather than bound half-way. */
export const maxScanPages = 500;

function unreadable(title: string, why: string): AppError {
  return new AppError('INTEGRITY', `卷内文件“${title}”无法读取（${why}），无法装订`, { title });
}

/** The scan (TIFF, JPEG or PNG) as a PDF of A4 pages, one per page of the scan. */
export async function scanToPdf(bytes: Uint8Array, title: string): Promise<Uint8Array> {
  const sharp = await sharpLib();
  let pages: number;
  try {
    pages = (await sharp(bytes, { failOn: 'error' }).metadata()).pages ?? 1;
  } catch {
    throw unreadable(title, '扫描件已损坏或格式不受支持');
  }
  if (pages > maxScanPages) throw unreadable(title, `扫描件超过${maxScanPages}页`);
  const doc = await PDFDocument.create({ updateMetadata: false });
  for (let page = 0; page < pages; page++) {
    let jpeg: Buffer;
    try {
      jpeg = await sharp(bytes, { page, failOn: 'error', limitInputPixels: 200_000_000 })
        .rotate()
        .resize({ ...pagePixels, fit: 'inside', withoutEnlargement: true })
        .flatten({ background: '#ffffff' })
        .jpeg({ quality: 80 })
        .toBuffer();
    } catch {
      throw unreadable(title, `扫描件第${page + 1}页已损坏`);
    }
    const image = await doc.embedJpg(jpeg);
    const sheet = doc.addPage([A4.width, A4.height]);
    const scale = Math.min(A4.width / image.width, A4.height / image.height);
    const w = image.width * scale;
    const h = image.height * scale;
    sheet.drawImage(image, { x: (A4.width - w) / 2, y: (A4.height - h) / 2, width: w, height: h });
  }
  return doc.save({ useObjectStreams: true });
}
