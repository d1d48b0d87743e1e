/** A seal-like PNG for tests: a red ring and centre dot on a transparent (RGBA) or white (RGB) square. */
import { deflateSync } from 'node:zlib';
import { chunk } from './png.js';

export function makeSealPng(width = 600, height = width, opts: { transparent?: boolean } = {}): Buffer {
  const transparent = opts.transparent ?? true;
  const channels = transparent ? 4 : 3;
  const stride = width * channels + 1;
  const raw = Buffer.alloc(stride * height);
  const r = Math.min(width, height) / 2;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const d = Math.hypot(x - width / 2, y - height / 2);
      const red = (d < r * 0.95 && d > r * 0.85) || d < r * 0.2;
      const o = y * stride + 1 + x * channels;
      if (red) raw.set(transparent ? [220, 20, 30, 230] : [220, 20, 30], o);
      else raw.set(transparent ? [0, 0, 0, 0] : [255, 255, 255], o);
    }
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8;
  ihdr[9] = transparent ? 6 : 2; // RGBA : RGB
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}
