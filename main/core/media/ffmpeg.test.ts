/** Finding the shipped ffmpeg: from its platform's package, beside app.asar when installed, or none at all. */
import { afterEach, describe, expect, it } from 'vitest';
import { ffmpegPath, runFfmpeg, unpacked } from './ffmpeg.js';

const saved = process.env.ANJUAN_FFMPEG;
afterEach(() => {
  if (saved === undefined) delete process.env.ANJUAN_FFMPEG;
  else process.env.ANJUAN_FFMPEG = saved;
});

describe('ffmpegPath', () => {
  it('starts the binary from the unpacked copy beside app.asar, which another program can open', () => {
    expect(unpacked('/opt/案卷/resources/app.asar/node_modules/@ffmpeg-installer/linux-x64', '/')).toBe(
      '/opt/案卷/resources/app.asar.unpacked/node_modules/@ffmpeg-installer/linux-x64',
    );
    expect(unpacked('C:\\案卷\\resources\\app.asar\\node_modules\\@ffmpeg-installer\\win32-x64', '\\')).toBe(
      'C:\\案卷\\resources\\app.asar.unpacked\\node_modules\\@ffmpeg-installer\\win32-x64',
    );
    // From the project folder (development, tests) the path stays as it is.
    expect(unpacked('/work/node_modules/@ffmpeg-installer/linux-x64', '/')).toBe(
      '/work/node_modules/@ffmpeg-installer/linux-x64',
    );
  });

  it('has none when ANJUAN_FFMPEG is empty or names no program, and then runs nothing', async () => {
    process.env.ANJUAN_FFMPEG = '';
    expect(ffmpegPath()).toBeNull();
    expect(await runFfmpeg(['-version'], 5000)).toBeNull();
    process.env.ANJUAN_FFMPEG = '/no/such/ffmpeg';
    expect(ffmpegPath()).toBeNull();
  });

  it.runIf(process.platform === 'linux' && process.arch === 'x64')('finds the one shipped for linux-x64', async () => {
    delete process.env.ANJUAN_FFMPEG;
    expect(ffmpegPath()).toMatch(/@ffmpeg-installer[\\/]linux-x64[\\/]ffmpeg$/);
    const run = await runFfmpeg(['-version'], 10_000);
    expect(run?.code).toBe(0);
    expect(run?.stdout.toString()).toMatch(/^ffmpeg version/);
  });
});
