/** The print copy bound into the dossier: camera photos scaled to the page's ~150 dpi, originals untouched. */
import { describe, expect, it } from 'vitest';
import { imageSize } from 'image-size';
import { AppError } from '#common/errors.js';
import { makeJpeg } from '../testing/photos.js';
import { printBox, printCopy } from './printPhoto.js';
import { pngBytes, redBlueJpeg, withExifOrientation } from './testFixtures.js';

describe('printCopy', () => {
  it('scales a camera photo down to fit the print box, as a JPEG, leaving the original as it was', async () => {
    const original = await makeJpeg(2400, 1800);
    const before = Buffer.from(original);
    const copy = await printCopy(original, '现场照片：排放口');
    const size = imageSize(copy);
    expect(size.type).toBe('jpg');
    expect(size.width).toBe(printBox.width);
    expect(size.height).toBe(Math.round((printBox.width * 1800) / 2400));
    expect(copy.length).toBeLessThan(original.length / 4);
    expect(Buffer.compare(original, before)).toBe(0);
  });

  it('files a photo already within the print size, upright, as it is', async () => {
    const png = pngBytes(40, 30, [0, 160, 0], [230, 200, 0]);
    expect(await printCopy(png, '现场照片')).toBe(png);
    expect(await printCopy(redBlueJpeg, '现场照片')).toBe(redBlueJpeg);
  });

  it('turns a photo upright by its EXIF orientation, so the copy needs no turn', async () => {
    const turned = withExifOrientation(redBlueJpeg, 6);
    const copy = await printCopy(turned, '现场照片');
    const size = imageSize(copy);
    expect([size.width, size.height]).toEqual([16, 32]);
    expect(size.orientation ?? 1).toBe(1);
  });

  it.each([
    ['text', Buffer.from('这不是图片')],
    ['a GIF', Buffer.from('R0lGODlhAQABAIAAAAAAAP///yH5BAEAAAAALAAAAAABAAEAAAIBRAA7', 'base64')],
  ])('refuses %s with NOT_AN_IMAGE naming the item', async (_, bytes) => {
    const failure = await printCopy(bytes, '现场照片：排污口').catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(AppError);
    expect((failure as AppError).code).toBe('NOT_AN_IMAGE');
    expect((failure as AppError).message).toContain('现场照片：排污口');
  });
});
