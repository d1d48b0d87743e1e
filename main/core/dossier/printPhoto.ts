/**
 * The print copy of a photo filed in the dossier. A camera's 4000×3000 JPEG printed 16 cm wide is
 * 600 dpi; embedded as it is, 200 photos made a 694 MB 正卷 and a build peaking at 1.7 GB. The
 * dossier is read on paper and on screen, where ~150 dpi at the printed size shows everything the
 * photo shows; the original stays untouched in the blob store and in the archive package (its hash
 * is printed in the caption), so nothing is lost by binding a smaller copy.
 *
 * A photo already within the print size, stored upright, is filed as it is (no second encoding).
 * Larger ones are decoded by sharp straight at a reduced scale from the JPEG's DCT blocks, turned
 * upright by their EXIF orientation, a transparent PNG set on white, and encoded as JPEG.
 */
import { imageSize } from 'image-size';
import { AppError } from '#common/errors.js';
import { sharpLib } from '../files/thumbnailer.js';
import { contentWidth } from './sheet.js';

/** Dots per inch of the print copy at the largest size the photo page prints it. */
export const printDpi = 150;
const points = (dpi: number, pt: number): number => Math.round((pt / 72) * dpi);
/** The photo page's box: the text width, and the height left under the title and above the caption (≈ 220 mm). */
export const printBox = { width: points(printDpi, contentWidth), height: points(printDpi, (220 * 72) / 25.4) };

function notAnImage(title: string, why: string): AppError {
  return new AppError('NOT_AN_IMAGE', `卷内文件“${title}”不是有效的图片（${why}），无法装订`, { title });
}

/** True when the photo can be filed as it is: a JPEG or PNG, upright as stored, within the print box. */
function printReady(bytes: Uint8Array): boolean {
  try {
    const info = imageSize(bytes);
    const upright = !info.orientation || info.orientation === 1;
    return (
      (info.type === 'jpg' || info.type === 'png') &&
      upright &&
      info.width <= printBox.width &&
      info.height <= printBox.height
    );
  } catch {
    return false;
  }
}

/**
 * The bytes to embed for this photo: itself when already print-sized, else a JPEG scaled to fit the
 * print box. A file that is no JPEG or PNG is refused (NOT_AN_IMAGE, naming the item): what the
 * dossier binds is what the evidence tab accepted.
 */
export async function printCopy(bytes: Uint8Array, title: string): Promise<Uint8Array> {
  let type: string | undefined;
  try {
    type = imageSize(bytes).type;
  } catch {
    throw notAnImage(title, '无法识别的文件内容');
  }
  if (type !== 'jpg' && type !== 'png') throw notAnImage(title, `格式为${type ?? '未知'}，仅支持JPEG和PNG`);
  if (printReady(bytes)) return bytes;
  const sharp = await sharpLib();
  try {
    return await sharp(bytes, { failOn: 'error', limitInputPixels: 200_000_000 })
      .rotate()
      .resize({ width: printBox.width, height: printBox.height, fit: 'inside', withoutEnlargement: true })
      .flatten({ background: '#ffffff' })
      .jpeg({ quality: 82 })
      .toBuffer();
  } catch {
    throw notAnImage(title, '图片数据已损坏');
  }
}
