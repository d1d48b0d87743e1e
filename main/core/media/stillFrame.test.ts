/** A video's still frame: a JPEG of the video's own shape, or nothing (never a failure) when it cannot be taken. */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { imageSize } from 'image-size';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { stillFrame } from './stillFrame.js';
import { ffmpegMissing, makeSamples } from './testMedia.js';

const dir = mkdtempSync(join(tmpdir(), 'anjuan-still-'));
let files: Record<string, string> = {};
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe.skipIf(ffmpegMissing)('stillFrame', () => {
  beforeAll(() => {
    files = makeSamples(dir, ['video.mp4', 'portrait.mp4', 'anamorphic.mp4', 'video.avi']);
  }, 30_000);

  it.each([
    ['video.mp4', 320, 180],
    ['portrait.mp4', 180, 320],
    ['anamorphic.mp4', 320, 180],
    ['video.avi', 320, 180],
  ])('takes a JPEG of %s at its own aspect (%d×%d)', async (name, width, height) => {
    const jpeg = await stillFrame(files[name]!, 2);
    expect(jpeg).not.toBeNull();
    const size = imageSize(jpeg!);
    expect(size.type).toBe('jpg');
    expect(size.width / size.height).toBeCloseTo(width / height, 2);
  });

  it('takes the first frame when the length was unknown or points past the end', async () => {
    expect(await stillFrame(files['video.mp4']!, null)).not.toBeNull();
    expect(await stillFrame(files['video.mp4']!, 3600)).not.toBeNull();
  });

  it('takes nothing from a video cut short, or from a file that is no video', async () => {
    const whole = readFileSync(files['video.mp4']!);
    const cut = join(dir, 'cut');
    writeFileSync(cut, whole.subarray(0, Math.floor(whole.length / 2)));
    expect(await stillFrame(cut, 2)).toBeNull();
    const text = join(dir, 'text');
    writeFileSync(text, '不是录像');
    expect(await stillFrame(text, 2)).toBeNull();
  });
});

describe('stillFrame without ffmpeg', () => {
  it('takes nothing, and does not fail', async () => {
    const saved = process.env.ANJUAN_FFMPEG;
    process.env.ANJUAN_FFMPEG = '';
    try {
      expect(await stillFrame(join(dir, 'video.mp4'), 2)).toBeNull();
    } finally {
      if (saved === undefined) delete process.env.ANJUAN_FFMPEG;
      else process.env.ANJUAN_FFMPEG = saved;
    }
  });
});
