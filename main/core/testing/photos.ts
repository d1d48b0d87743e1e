/**
 * Camera-sized JPEGs for tests and the bench: one real 4000×3000 JPEG made once with sharp (a
 * gradient with grain, so it compresses like a photo, ~3 MB), then as many distinct files as needed
 * by a numbered COM segment right after the start marker — same picture, different bytes and hash.
 */
import sharp from 'sharp';

export async function makeJpeg(width = 4000, height = 3000, quality = 88): Promise<Buffer> {
  const raw = Buffer.alloc(width * height * 3);
  let seed = 12345;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      seed = (seed * 1103515245 + 12345) >>> 0;
      const grain = (seed >>> 24) % 24;
      const o = (y * width + x) * 3;
      raw[o] = ((x * 200) / width + grain) | 0;
      raw[o + 1] = ((y * 200) / height + grain) | 0;
      raw[o + 2] = (((x + y) * 100) / (width + height) + 60 + grain) | 0;
    }
  }
  return sharp(raw, { raw: { width, height, channels: 3 } })
    .jpeg({ quality })
    .toBuffer();
}

/** The same JPEG with a comment (COM) segment naming `n`: a different file of the same picture. */
export function varyJpeg(jpeg: Buffer, n: number): Buffer {
  const text = Buffer.from(`anjuan test photo ${n}`, 'ascii');
  const com = Buffer.alloc(4);
  com[0] = 0xff;
  com[1] = 0xfe;
  com.writeUInt16BE(text.length + 2, 2);
  return Buffer.concat([jpeg.subarray(0, 2), com, text, jpeg.subarray(2)]);
}
