/**
 * The bureau's seal image (本局印章, `settings.setSeal`): checked when the head uploads it, not at the
 * first 定稿, and described with advice on how it will print (seal.ts prints it 42 mm wide, over text).
 */
import { imageSize } from 'image-size';
import { PDFDocument } from 'pdf-lib';
import { AppError } from '#common/errors.js';
import { maxSealBytes, type SealImageView } from '#common/schemas/settings.js';
import { pngPixelsInflate } from './pngCheck.js';

type SealFacts = Omit<SealImageView, 'hash'>;

/** 42 mm at 300 dpi is ~500 px: a smaller image prints visibly soft. */
const minSide = 500;
/** 42 mm at 2400 dpi: anything larger is a mistake, and its pixels would cost memory at every 定稿. */
const maxSide = 4000;

/** PNG colour types 4 and 6 carry alpha; the others are transparent only with a tRNS chunk. */
function hasTransparency(png: Buffer): boolean {
  const colourType = png[25];
  if (colourType === 4 || colourType === 6) return true;
  for (let at = 8; at + 8 <= png.length; ) {
    const length = png.readUInt32BE(at);
    const type = png.toString('latin1', at + 4, at + 8);
    if (type === 'tRNS') return true;
    if (type === 'IDAT' || type === 'IEND') return false; // tRNS must come before the image data
    at += 12 + length;
  }
  return false;
}

/** Width, height and advice, from the header alone (settings.get reads it on every call). */
export function describeSealImage(png: Buffer): SealFacts | null {
  let size: { width?: number; height?: number; type?: string };
  try {
    size = imageSize(png);
  } catch {
    return null;
  }
  if (size.type !== 'png' || !size.width || !size.height) return null;
  const { width, height } = size;
  const hints: string[] = [];
  if (!hasTransparency(png)) hints.push('图片没有透明背景：盖在文书上会遮住落款和日期，建议用透明背景的PNG');
  if (Math.abs(width - height) > Math.max(width, height) * 0.05)
    hints.push(`图片不是正方形（${width}×${height}像素），盖章时会被压扁或拉长`);
  if (Math.min(width, height) < minSide)
    hints.push(`图片较小（${width}×${height}像素），打印可能模糊，建议不小于${minSide}×${minSide}像素`);
  return { width, height, hints };
}

/** Refuses what cannot be a seal: not a PNG, too large, or pixels that do not decode (pdf-lib embeds it at 定稿). */
export async function checkSealImage(png: Buffer): Promise<SealFacts> {
  if (png.length > maxSealBytes) {
    throw new AppError(
      'FILE_TOO_LARGE',
      `印章图片过大（${(Math.ceil(png.length / 1024 / 102.4) / 10).toFixed(1)} MB），不能超过${maxSealBytes / 1024 / 1024} MB`,
    );
  }
  const facts = describeSealImage(png);
  if (!facts) throw new AppError('NOT_AN_IMAGE', '印章图片应为有效的PNG文件（建议透明背景、正方形）');
  if (Math.max(facts.width, facts.height) > maxSide) {
    throw new AppError(
      'FILE_TOO_LARGE',
      `印章图片过大（${facts.width}×${facts.height}像素），请缩小到${maxSide}×${maxSide}像素以内`,
    );
  }
  const damaged = new AppError('NOT_AN_IMAGE', '印章图片已损坏，无法读取其中的图像，请重新导出为PNG');
  if (!pngPixelsInflate(png)) throw damaged;
  try {
    await (await PDFDocument.create()).embedPng(png);
  } catch {
    throw damaged;
  }
  return facts;
}
