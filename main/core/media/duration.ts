/**
 * How long a recording or video is, read once when the evidence is recorded (never the whole file:
 * a 执法记录仪 video may be gigabytes).
 *
 * Why music-metadata (pure JavaScript, reads by position and only what it needs) rather than mp4box:
 * mp4box reads only MP4/MOV, while music-metadata also reads MP3 (its Xing/VBRI header, or the frames
 * streamed past), M4A, WAV and WebM/MKV. What it does not give, a few bytes of header do
 * (containers.ts): an MP4/MOV's movie header — music-metadata measures an MP4 by its audio track, and
 * a video without sound has none —, an AVI's and an AMR's. Last, when ffmpeg is there, its reading of
 * the file (a length no header states). A file none of them can read has no length (null): its upload
 * still succeeds and its listing says “无法读取”.
 */
import { open } from 'node:fs/promises';
import { parseFile } from 'music-metadata';
import { sniffBytes, sniffFormat, type FileFormat } from '#common/evidenceFiles.js';
import { amrDuration, aviDuration, isoDuration } from './containers.js';
import { fileInput, runFfmpeg } from './ffmpeg.js';

/** Longer than a week is not a recording's length but a damaged header's. */
const plausible = (s: number | null | undefined): number | null =>
  typeof s === 'number' && Number.isFinite(s) && s > 0 && s < 7 * 24 * 3600 ? s : null;

async function headerDuration(path: string, format: FileFormat | null): Promise<number | null> {
  if (format === 'amr') return amrDuration(path);
  if (format !== 'mp4' && format !== 'm4a' && format !== 'avi') return null;
  const fh = await open(path, 'r');
  try {
    return format === 'avi' ? await aviDuration(fh) : await isoDuration(fh, (await fh.stat()).size);
  } finally {
    await fh.close();
  }
}

async function metadataDuration(path: string): Promise<number | null> {
  const meta = await parseFile(path, { duration: true, skipCovers: true });
  return meta.format.duration ?? null;
}

/** ffmpeg's own reading of the input (“Duration: 00:03:07.04”), when it has one. */
export async function ffmpegDuration(path: string): Promise<number | null> {
  const run = await runFfmpeg(fileInput(path), 15_000, 1024 * 1024);
  const m = run && /Duration: (\d+):(\d\d):(\d\d(?:\.\d+)?)/.exec(run.stderr);
  return m ? Number(m[1]) * 3600 + Number(m[2]) * 60 + Number(m[3]) : null;
}

async function firstBytes(path: string): Promise<Uint8Array> {
  const fh = await open(path, 'r');
  try {
    const b = Buffer.alloc(sniffBytes);
    const { bytesRead } = await fh.read(b, 0, sniffBytes, 0);
    return b.subarray(0, bytesRead);
  } finally {
    await fh.close();
  }
}

/** The length in seconds of the recording or video at `path`, or null when it cannot be read. */
export async function mediaDuration(path: string): Promise<number | null> {
  const format = sniffFormat(await firstBytes(path).catch(() => new Uint8Array()));
  for (const read of [() => headerDuration(path, format), () => metadataDuration(path), () => ffmpegDuration(path)]) {
    // A damaged file makes a parser throw: that parser has no answer, the next one may.
    const seconds = plausible(await read().catch(() => null));
    if (seconds !== null) return seconds;
  }
  return null;
}
