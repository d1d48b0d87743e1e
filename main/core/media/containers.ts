/**
 * Lengths that a container states in a few bytes, read from the file by position (never whole): an
 * MP4/MOV's movie header (mvhd), an AVI's main header (avih, and an OpenDML file's dmlh), and an AMR's
 * frame count (20 ms each; the frames are walked as a stream, an hour is 5 MB). music-metadata does
 * not give these: it reads an MP4's length from its audio track only (a silent video has none) and
 * has no AVI or AMR parser. Each answers null when the bytes do not say.
 */
import { createReadStream } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';

async function readAt(fh: FileHandle, at: number, length: number): Promise<Buffer> {
  const b = Buffer.alloc(length);
  const { bytesRead } = await fh.read(b, 0, length, at);
  return b.subarray(0, bytesRead);
}

/** The content range [start, end) of the first box of `type` among the boxes in [from, to). */
async function findBox(
  fh: FileHandle,
  from: number,
  to: number,
  type: string,
): Promise<{ start: number; end: number } | null> {
  for (let at = from; at + 8 <= to; ) {
    const h = await readAt(fh, at, 16);
    if (h.length < 8) return null;
    let size = h.readUInt32BE(0);
    let header = 8;
    if (size === 1) {
      if (h.length < 16) return null;
      size = Number(h.readBigUInt64BE(8));
      header = 16;
    } else if (size === 0) size = to - at; // to the end of the file
    if (size < header || at + size > to) return null; // damaged or cut short
    if (h.toString('latin1', 4, 8) === type) return { start: at + header, end: at + size };
    at += size;
  }
  return null;
}

/** An MP4/MOV/M4A's length from moov/mvhd (its timescale and duration); null for a fragmented one (0). */
export async function isoDuration(fh: FileHandle, fileSize: number): Promise<number | null> {
  const moov = await findBox(fh, 0, fileSize, 'moov');
  const mvhd = moov && (await findBox(fh, moov.start, moov.end, 'mvhd'));
  if (!mvhd) return null;
  const b = await readAt(fh, mvhd.start, 32);
  const v1 = b[0] === 1;
  if (b.length < (v1 ? 32 : 20)) return null;
  const timescale = v1 ? b.readUInt32BE(20) : b.readUInt32BE(12);
  const duration = v1 ? Number(b.readBigUInt64BE(24)) : b.readUInt32BE(16);
  // All ones: "unknown" (a recording cut off before its header was finished).
  const unknown = v1 ? b.readBigUInt64BE(24) === 0xffffffffffffffffn : duration === 0xffffffff;
  return timescale > 0 && duration > 0 && !unknown ? duration / timescale : null;
}

/** An AVI's length: frames × microseconds per frame (avih), the whole file's frames from dmlh when it has one. */
export async function aviDuration(fh: FileHandle): Promise<number | null> {
  const head = await readAt(fh, 0, 64 * 1024);
  if (head.length < 24 || head.toString('latin1', 12, 16) !== 'LIST' || head.toString('latin1', 20, 24) !== 'hdrl')
    return null;
  const hdrlEnd = Math.min(head.length, 20 + head.readUInt32LE(16));
  let perFrame = 0;
  let frames = 0;
  const walk = (from: number, to: number): void => {
    for (let at = from; at + 8 <= to; ) {
      const id = head.toString('latin1', at, at + 4);
      const size = head.readUInt32LE(at + 4);
      if (id === 'avih' && at + 24 <= to) {
        perFrame = head.readUInt32LE(at + 8);
        frames = Math.max(frames, head.readUInt32LE(at + 24));
      }
      // An OpenDML (over 1 GB) file's avih counts only its first part; dmlh counts them all.
      if (id === 'dmlh' && at + 12 <= to) frames = Math.max(frames, head.readUInt32LE(at + 8));
      if (id === 'LIST' && at + 12 <= to && head.toString('latin1', at + 8, at + 12) === 'odml')
        walk(at + 12, Math.min(to, at + 8 + size));
      at += 8 + size + (size % 2);
    }
  };
  walk(24, hdrlEnd);
  return perFrame > 0 && frames > 0 ? (frames * perFrame) / 1e6 : null;
}

/** Bytes after the frame's table-of-contents byte, by frame type (RFC 4867 §5.3); -1: reserved, not a valid file. */
const amrNb = [12, 13, 15, 17, 19, 20, 26, 31, 5, -1, -1, -1, -1, -1, -1, 0];
const amrWb = [17, 23, 32, 36, 40, 46, 50, 58, 60, 5, -1, -1, -1, -1, 0, 0];

/** An AMR's length: its frames, 20 ms each, counted as the file streams past. */
export async function amrDuration(path: string): Promise<number | null> {
  let sizes: number[] | null = null;
  let skip = 0;
  let frames = 0;
  for await (const chunk of createReadStream(path, { highWaterMark: 256 * 1024 }) as AsyncIterable<Buffer>) {
    let at = 0;
    if (!sizes) {
      const magic = chunk.toString('latin1', 0, 9);
      if (magic.startsWith('#!AMR-WB\n')) [sizes, at] = [amrWb, 9];
      else if (magic.startsWith('#!AMR\n')) [sizes, at] = [amrNb, 6];
      else return null;
    }
    at += skip;
    while (at < chunk.length) {
      const n = sizes[((chunk[at] ?? 0) >> 3) & 0x0f] ?? -1;
      if (n < 0) return null;
      frames += 1;
      at += 1 + n;
    }
    skip = at - chunk.length;
  }
  return frames > 0 ? frames * 0.02 : null;
}
