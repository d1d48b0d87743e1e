/**
 * Photos filed as evidence: checked to be a JPEG or PNG, embedded as their print copy (printPhoto.ts;
 * the original stays in the blob store and the archive package), and drawn upright.
 *
 * Phone cameras store pixels as the sensor reads them and record how to turn them in the EXIF
 * Orientation tag; PDF ignores EXIF, so the turn is applied in the drawing matrix instead.
 */
import { imageSize } from 'image-size';
import type { PDFDocument, PDFImage } from 'pdf-lib';
import { AppError } from '#common/errors.js';

export interface Photo {
  image: PDFImage;
  /** EXIF Orientation, 1–8 (1 = as stored). */
  orientation: number;
  /** Size as it is to be seen, after the EXIF turn. */
  width: number;
  height: number;
}

function notAnImage(title: string, why: string): AppError {
  return new AppError('NOT_AN_IMAGE', `卷内文件“${title}”不是有效的图片（${why}），无法装订`, { title });
}

export async function embedPhoto(doc: PDFDocument, bytes: Uint8Array, title: string): Promise<Photo> {
  let type: string | undefined;
  let orientation = 1;
  try {
    const info = imageSize(bytes);
    type = info.type;
    if (info.orientation && info.orientation >= 1 && info.orientation <= 8) orientation = info.orientation;
  } catch {
    throw notAnImage(title, '无法识别的文件内容');
  }
  if (type !== 'jpg' && type !== 'png') throw notAnImage(title, `格式为${type ?? '未知'}，仅支持JPEG和PNG`);
  let image: PDFImage;
  try {
    // pdf-lib's JPEG reader views `bytes.buffer` from offset 0, so a view into a larger buffer (a
    // pooled Buffer, a slice of a blob) reads as "SOI not found": hand it bytes of their own.
    const own = bytes.byteOffset === 0 && bytes.byteLength === bytes.buffer.byteLength ? bytes : new Uint8Array(bytes); // (Buffer#slice would share the buffer)
    image = type === 'jpg' ? await doc.embedJpg(own) : await doc.embedPng(own);
  } catch {
    throw notAnImage(title, '图片数据已损坏');
  }
  if (!(image.width > 0 && image.height > 0)) throw notAnImage(title, '图片尺寸为零');
  const turned = orientation >= 5;
  return {
    image,
    orientation,
    width: turned ? image.height : image.width,
    height: turned ? image.width : image.height,
  };
}

/**
 * The matrix [a b c d e f] that draws the image's unit square into the box (x, y, w, h) as seen,
 * applying the EXIF orientation (w, h are the seen size). Derived from where each stored corner must
 * land: e.g. 6 (turn 90° clockwise) puts the stored top-left corner at the box's top-right.
 */
export function orientedMatrix(
  orientation: number,
  x: number,
  y: number,
  w: number,
  h: number,
): [number, number, number, number, number, number] {
  switch (orientation) {
    case 2:
      return [-w, 0, 0, h, x + w, y];
    case 3:
      return [-w, 0, 0, -h, x + w, y + h];
    case 4:
      return [w, 0, 0, -h, x, y + h];
    case 5:
      return [0, -h, -w, 0, x + w, y + h];
    case 6:
      return [0, -h, w, 0, x, y + h];
    case 7:
      return [0, h, w, 0, x, y];
    case 8:
      return [0, h, -w, 0, x + w, y];
    default:
      return [w, 0, 0, h, x, y];
  }
}
