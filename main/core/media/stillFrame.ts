/**
 * A video's still frame for its listing page in the dossier: one frame at a tenth of its length (past
 * a black first frame, a camera's start-up), as it is seen (the pixel aspect and a phone's turn
 * applied), at most 960 px wide, as a JPEG. ffmpeg seeks to it before decoding (`-ss` before `-i`), so
 * a long video costs the same as a short one.
 */
import { fileInput, runFfmpeg } from './ffmpeg.js';

/** The scale that shows square pixels (a DV or anamorphic frame's own aspect), then fits 960 px. */
const scale = "scale=trunc(iw*sar/2)*2:ih,setsar=1,scale='min(960,iw)':-2";

async function frameAt(path: string, seconds: number): Promise<Buffer | null> {
  const run = await runFfmpeg(
    [
      '-ss',
      seconds.toFixed(3),
      ...fileInput(path),
      ...['-map', '0:v:0', '-frames:v', '1', '-an', '-sn', '-vf', scale],
      ...['-f', 'image2', '-c:v', 'mjpeg', '-q:v', '3', '-v', 'error', 'pipe:1'],
    ],
    30_000,
  );
  if (run?.code !== 0) return null;
  const jpeg = run.stdout;
  return jpeg.length > 4 && jpeg[0] === 0xff && jpeg[1] === 0xd8 && jpeg[2] === 0xff ? jpeg : null;
}

/**
 * The still of the video at `path` as JPEG bytes, or null (no ffmpeg, no video stream, a file it
 * cannot decode). `durationSeconds`: its length when known (else the first frame is taken).
 */
export async function stillFrame(path: string, durationSeconds: number | null): Promise<Buffer | null> {
  const at = durationSeconds && durationSeconds > 0 ? durationSeconds / 10 : 0;
  // A length from a damaged header may point past the last frame: then the first one.
  return (await frameAt(path, at)) ?? (at > 0 ? await frameAt(path, 0) : null);
}
