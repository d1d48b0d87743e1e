/**
 * The FFmpeg program, for what only a decoder can do: a video's still frame (stillFrame.ts), and a
 * length no header states (duration.ts asks it last). It ships inside npm packages
 * (@ffmpeg-installer/<platform>-<arch>, a static build per platform, no download at install), so a
 * workstation has it without installing anything. Installed, it lives beside app.asar
 * (electron-builder.yml asarUnpack): another program cannot be started from inside an asar.
 *
 * Everything here fails soft: no binary for this platform, a crash, a timeout — each is `null`, and
 * the caller says what is missing (“未能提取画面”, “无法读取”) instead of failing the upload.
 */
import { execFile } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, sep } from 'node:path';
import { appRoot } from '../paths.js';

let found: string | null | undefined;

/**
 * The ffmpeg binary of this platform, or null when none shipped for it. `ANJUAN_FFMPEG` names another
 * one (a bureau's own build); set empty, there is none (how tests see a workstation without it).
 */
export function ffmpegPath(): string | null {
  const chosen = process.env.ANJUAN_FFMPEG;
  if (chosen !== undefined) return chosen && runnable(chosen) ? chosen : null;
  if (found !== undefined) return found;
  found = null;
  try {
    const require = createRequire(join(appRoot(), 'package.json'));
    const pkg = require.resolve(`@ffmpeg-installer/${process.platform}-${process.arch}/package.json`);
    const bin = join(unpacked(dirname(pkg)), process.platform === 'win32' ? 'ffmpeg.exe' : 'ffmpeg');
    if (runnable(bin)) found = bin;
  } catch {
    // No package for this platform (its optional dependency was not installed).
  }
  return found;
}

/** A folder resolved inside app.asar (the installed app) as the unpacked copy beside it, which a program can be started from. */
export function unpacked(dir: string, separator = sep): string {
  return dir.replace(`${separator}app.asar${separator}`, `${separator}app.asar.unpacked${separator}`);
}

function runnable(file: string): boolean {
  try {
    accessSync(file, process.platform === 'win32' ? constants.R_OK : constants.X_OK);
    return true;
  } catch {
    return false;
  }
}

export interface FfmpegRun {
  code: number | null;
  stdout: Buffer;
  stderr: string;
}

/**
 * Runs ffmpeg once: no standard input, killed after `timeoutMs`, at most `maxBytes` of output. Null
 * when there is no binary, it could not start, or it was killed; else its exit code and output (ffmpeg
 * exits 1 after only reading an input, which is how its header information is asked).
 */
export function runFfmpeg(args: string[], timeoutMs: number, maxBytes = 16 * 1024 * 1024): Promise<FfmpegRun | null> {
  const bin = ffmpegPath();
  if (!bin) return Promise.resolve(null);
  return new Promise((resolve) => {
    execFile(
      bin,
      ['-hide_banner', '-nostdin', ...args],
      { encoding: 'buffer', timeout: timeoutMs, maxBuffer: maxBytes, windowsHide: true },
      (error, stdout, stderr) => {
        const code = error ? (typeof error.code === 'number' ? error.code : null) : 0;
        // Killed (timeout, output too large) or never started (ENOENT, EACCES): no answer at all.
        if (error && (code === null || error.killed)) resolve(null);
        else resolve({ code, stdout, stderr: stderr.toString('utf8') });
      },
    );
  });
}

/**
 * An input ffmpeg may open: a file on disk and nothing it names (a playlist's or a reference's other
 * files, a URL), so a crafted file cannot make it read elsewhere.
 */
export const fileInput = (path: string): string[] => ['-protocol_whitelist', 'file', '-i', `file:${path}`];
