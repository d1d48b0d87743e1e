/**
 * evidence.add of a recording or a video: its length and a video's still frame are taken once, at
 * upload, and kept with the record; a file whose length cannot be read is still recorded (null).
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { imageSize } from 'image-size';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestCore, type TestCore } from '../testing/testCore.js';
import { openCase } from '../testing/caseRunner.js';
import { ffmpegMissing, makeSamples, wav } from '../media/testMedia.js';

let t: TestCore;
let officer = '';
let caseId = '';
const dir = mkdtempSync(join(tmpdir(), 'anjuan-evidence-media-'));
const b64 = (b: Uint8Array): string => Buffer.from(b).toString('base64');

beforeAll(async () => {
  t = await createTestCore();
  officer = await t.login('officer');
  caseId = (await openCase(t, officer)).state.id;
}, 60_000);
afterAll(async () => {
  await t.close();
  rmSync(dir, { recursive: true, force: true });
});

const add = (kind: 'audio' | 'video', fileName: string, bytes: Uint8Array) =>
  t.call(officer, 'evidence.add', {
    caseId,
    kind,
    fileName,
    contentBase64: b64(bytes),
    description: `${fileName}的内容`,
    takenOn: '2026-03-02',
  });

describe('evidence.add of recordings and videos', () => {
  it('keeps a WAV’s length with its record', async () => {
    const r = await add('audio', '询问录音.wav', wav(65));
    expect(r.durationSeconds).toBeCloseTo(65, 1);
    expect(r.stillHash).toBeUndefined();
    expect((await t.call(officer, 'cases.get', { caseId })).state.evidence.at(-1)).toEqual(r);
  });

  describe.skipIf(ffmpegMissing)('made by ffmpeg', () => {
    let files: Record<string, string> = {};
    beforeAll(() => {
      files = makeSamples(dir, ['video.mp4', 'tone.mp3']);
    }, 30_000);

    it('keeps a video’s length and a still frame, a JPEG the case may read', async () => {
      const r = await add('video', '执法记录仪.mp4', readFileSync(files['video.mp4']!));
      expect(Math.abs(r.durationSeconds! - 2)).toBeLessThanOrEqual(0.2);
      expect(r.stillHash).toMatch(/^[0-9a-f]{64}$/);
      const still = await t.call(officer, 'blobs.read', { hash: r.stillHash!, caseId });
      expect(still.mimeType).toBe('image/jpeg');
      const size = imageSize(Buffer.from(still.base64, 'base64'));
      expect(size.width / size.height).toBeCloseTo(16 / 9, 2);
    });

    it('keeps an MP3’s length', async () => {
      const r = await add('audio', '询问录音.mp3', readFileSync(files['tone.mp3']!));
      expect(Math.abs(r.durationSeconds! - 3)).toBeLessThanOrEqual(0.2);
    });

    it('records a video cut short: no length (null, “无法读取”), no still, nothing else amiss', async () => {
      const whole = readFileSync(files['video.mp4']!);
      const r = await add('video', '损坏.mp4', whole.subarray(0, Math.floor(whole.length / 2)));
      expect(r.durationSeconds).toBeNull();
      expect(r.stillHash).toBeUndefined();
      expect((await t.call(officer, 'cases.get', { caseId })).state.evidence.at(-1)).toEqual(r);
    });
  });
});
