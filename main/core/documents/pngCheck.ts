/**
 * Whether a PNG's image data inflates to the size its header promises, checked with Node's zlib.
 * Do this before pdf-lib embeds a PNG someone uploaded: pdf-lib's own inflater loops forever on some
 * damaged data (seen with a seal whose IDAT was overwritten), which would hang the core at 定稿.
 */
import { inflateSync } from 'node:zlib';

const channelsOf: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };

export function pngPixelsInflate(png: Uint8Array): boolean {
  const buf = Buffer.from(png.buffer, png.byteOffset, png.byteLength);
  if (buf.length < 33 || buf.toString('latin1', 12, 16) !== 'IHDR') return false;
  const width = buf.readUInt32BE(16);
  const height = buf.readUInt32BE(20);
  const depth = buf[24] ?? 0;
  const channels = channelsOf[buf[25] ?? -1];
  if (!width || !height || !channels || ![1, 2, 4, 8, 16].includes(depth)) return false;
  const parts: Buffer[] = [];
  for (let at = 8; at + 8 <= buf.length; ) {
    const length = buf.readUInt32BE(at);
    const type = buf.toString('latin1', at + 4, at + 8);
    if (type === 'IDAT') parts.push(buf.subarray(at + 8, at + 8 + length));
    if (type === 'IEND') break;
    at += 12 + length;
  }
  if (!parts.length) return false;
  const rows = height * (1 + Math.ceil((width * channels * depth) / 8));
  try {
    const raw = inflateSync(Buffer.concat(parts), { maxOutputLength: rows * 2 });
    // Plain rows are exactly their size; interlaced (Adam7) passes hold at least every pixel's bytes.
    return buf[28] === 1 ? raw.length >= Math.ceil((width * height * channels * depth) / 8) : raw.length === rows;
  } catch {
    return false;
  }
}
