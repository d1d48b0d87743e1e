/** Lengths of the recordings and videos an officer uploads, read from headers, never from the whole file. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ffmpegDuration, mediaDuration } from './duration.js';
import { ffmpegMissing, makeSamples, wav } from './testMedia.js';

const dir = mkdtempSync(join(tmpdir(), 'anjuan-media-'));
let files: Record<string, string> = {};
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** A copy under a name without an extension, as the blob store keeps files. */
function asBlob(name: string, bytes: Uint8Array): string {
  const file = join(dir, `blob-${name.replace(/\W/g, '')}`);
  writeFileSync(file, bytes);
  return file;
}

describe('mediaDuration, without ffmpeg', () => {
  it('reads a WAV built in code', async () => {
    expect(await mediaDuration(asBlob('wav', wav(187)))).toBeCloseTo(187, 1);
  });

  it('has no length for a file that is no recording', async () => {
    expect(await mediaDuration(asBlob('text', Buffer.from('不是录音'.repeat(100))))).toBeNull();
    expect(await mediaDuration(asBlob('empty', new Uint8Array()))).toBeNull();
    expect(await mediaDuration(join(dir, 'missing'))).toBeNull();
  });
});

describe.skipIf(ffmpegMissing)('mediaDuration of each format', () => {
  beforeAll(() => {
    files = makeSamples(dir);
  }, 30_000);

  it.each([
    ['video.mp4', 2],
    ['video.mov', 2],
    ['video.avi', 2],
    ['video.webm', 2],
    ['tone.mp3', 3],
    ['tone.m4a', 3],
    ['tone.amr', 3],
  ])('%s lasts %d s', async (name, seconds) => {
    const got = await mediaDuration(asBlob(name, readFileSync(files[name]!)));
    expect(Math.abs((got ?? -1) - seconds)).toBeLessThanOrEqual(0.2);
  });

  it('reads MP4 (a video without sound), AVI and AMR from their headers alone, with no ffmpeg to ask', async () => {
    const saved = process.env.ANJUAN_FFMPEG;
    process.env.ANJUAN_FFMPEG = '';
    try {
      for (const [name, seconds] of [
        ['video.mp4', 2],
        ['video.avi', 2],
        ['tone.amr', 3],
      ] as const)
        expect(Math.abs((await mediaDuration(files[name]!))! - seconds), name).toBeLessThanOrEqual(0.2);
    } finally {
      if (saved === undefined) delete process.env.ANJUAN_FFMPEG;
      else process.env.ANJUAN_FFMPEG = saved;
    }
  });

  it('has no length for a video cut short before its header (the movie header comes last)', async () => {
    const whole = readFileSync(files['video.mp4']!);
    expect(await mediaDuration(asBlob('cut', whole.subarray(0, Math.floor(whole.length / 2))))).toBeNull();
    // Garbage after a valid signature: every reader gives up, none throws.
    const junk = Buffer.concat([whole.subarray(0, 32), Buffer.alloc(5000, 0xab)]);
    expect(await mediaDuration(asBlob('junk', junk))).toBeNull();
  });

  it('asks ffmpeg last, for a length no header states', async () => {
    expect(await ffmpegDuration(files['video.webm']!)).toBeCloseTo(2, 1);
    expect(await ffmpegDuration(asBlob('notmedia', Buffer.from('x'.repeat(1000))))).toBeNull();
  });
});
