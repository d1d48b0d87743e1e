/**
 * Test support: tiny recordings and videos made by the shipped ffmpeg from its own test sources (a
 * 320×180 colour pattern, a sine tone), so no media file is kept in the repository. `null` when this
 * platform has no ffmpeg: the tests that need one then skip, saying why.
 */
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { ffmpegPath } from './ffmpeg.js';

export const ffmpegMissing =
  ffmpegPath() === null ? '此平台没有随附的ffmpeg（@ffmpeg-installer），跳过需要它的测试' : '';

/** ffmpeg's output arguments for each sample; `seconds` of picture (2 s) or tone (3 s). */
const recipes: Record<string, string[]> = {
  'video.mp4': ['-f', 'lavfi', '-i', 'testsrc=duration=2:size=320x180:rate=10', '-pix_fmt', 'yuv420p'],
  'portrait.mp4': ['-f', 'lavfi', '-i', 'testsrc=duration=2:size=180x320:rate=10', '-pix_fmt', 'yuv420p'],
  // Stored 240×180 with wide pixels (sample aspect 4:3): seen as 16:9, as a DV or some 执法记录仪 record.
  'anamorphic.mp4': [
    ...['-f', 'lavfi', '-i', 'testsrc=duration=2:size=240x180:rate=10'],
    ...['-vf', 'setsar=4/3', '-pix_fmt', 'yuv420p'],
  ],
  'video.mov': ['-f', 'lavfi', '-i', 'testsrc=duration=2:size=320x180:rate=10', '-pix_fmt', 'yuv420p'],
  'video.avi': ['-f', 'lavfi', '-i', 'testsrc=duration=2:size=320x180:rate=10'],
  'video.webm': ['-f', 'lavfi', '-i', 'testsrc=duration=2:size=320x180:rate=10', '-c:v', 'libvpx', '-b:v', '200k'],
  'tone.mp3': ['-f', 'lavfi', '-i', 'sine=duration=3', '-c:a', 'libmp3lame'],
  'tone.m4a': ['-f', 'lavfi', '-i', 'sine=duration=3', '-c:a', 'aac'],
  'tone.amr': ['-f', 'lavfi', '-i', 'sine=duration=3:sample_rate=8000', '-ar', '8000', '-ac', '1'],
};
export type Sample = keyof typeof recipes;

/** Makes the samples in `dir`; returns the path of each by name. Throws when there is no ffmpeg. */
export function makeSamples(dir: string, names: string[] = Object.keys(recipes)): Record<string, string> {
  const bin = ffmpegPath();
  if (!bin) throw new Error(ffmpegMissing);
  const out: Record<string, string> = {};
  for (const name of names) {
    const file = join(dir, name);
    execFileSync(bin, ['-v', 'error', '-nostdin', '-y', ...(recipes[name] ?? []), file], { timeout: 20_000 });
    out[name] = file;
  }
  return out;
}

/** A WAV of `seconds` of 8 kHz 16-bit mono silence, built in code. */
export function wav(seconds: number): Buffer {
  const data = 8000 * 2 * seconds;
  const b = Buffer.alloc(44 + data);
  b.write('RIFF', 0, 'latin1');
  b.writeUInt32LE(36 + data, 4);
  b.write('WAVEfmt ', 8, 'latin1');
  b.writeUInt32LE(16, 16);
  b.writeUInt16LE(1, 20);
  b.writeUInt16LE(1, 22);
  b.writeUInt32LE(8000, 24);
  b.writeUInt32LE(16000, 28);
  b.writeUInt16LE(2, 32);
  b.writeUInt16LE(16, 34);
  b.write('data', 36, 'latin1');
  b.writeUInt32LE(data, 40);
  return b;
}
