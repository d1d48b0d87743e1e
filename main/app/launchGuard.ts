/**
 * The versions the app started with, so that a bad update is noticed and undone.
 * Each start writes `launch-state.json` in the shell's user-data folder before anything else runs;
 * a start that reaches a working window (the page loaded and the core answered) marks its version good.
 * An update that fails to start `maxFailedStarts` times in a row is reported at the next start, with how
 * to reinstall the version that last worked from the update folder (which keeps the last two versions).
 * Windows: NSIS keeps the previous install if the new installer fails, and reinstalling the older
 * installer over a newer one is allowed. Debian/UOS/Kylin: `apt install --allow-downgrades ./<older>.deb`.
 * Case data lives in the data folder and is never touched by installing either version.
 */
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export interface LaunchState {
  /** The version of the latest start. */
  version: string;
  /** The newest version that reached a working window, or null (never yet). */
  goodVersion: string | null;
  /** The version that ran before `version` was installed (the one to go back to), or null. */
  previousVersion: string | null;
  /** Starts of `version` in a row without reaching a working window, this one included. */
  startsWithoutSuccess: number;
}

/** After this many failed starts of a new version the user is told how to go back. */
export const maxFailedStarts = 3;

const isVersion = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length <= 50;

/** A stored state, or null when the file is missing or not ours (a damaged file is simply started afresh). */
export function parseLaunchState(text: string | null): LaunchState | null {
  if (text === null) return null;
  try {
    const v = JSON.parse(text) as Partial<LaunchState>;
    if (
      !isVersion(v.version) ||
      !Number.isSafeInteger(v.startsWithoutSuccess) ||
      (v.startsWithoutSuccess as number) < 0
    )
      return null;
    return {
      version: v.version,
      goodVersion: isVersion(v.goodVersion) ? v.goodVersion : null,
      previousVersion: isVersion(v.previousVersion) ? v.previousVersion : null,
      startsWithoutSuccess: v.startsWithoutSuccess as number,
    };
  } catch {
    return null;
  }
}

/** The state at the beginning of a start of `version`. */
export function beginLaunch(prev: LaunchState | null, version: string): LaunchState {
  if (!prev) return { version, goodVersion: null, previousVersion: null, startsWithoutSuccess: 1 };
  if (prev.version !== version) {
    // A new version is running: the one to go back to is the last that worked (or, failing that, the last that ran).
    return {
      version,
      goodVersion: prev.goodVersion,
      previousVersion: prev.goodVersion ?? prev.version,
      startsWithoutSuccess: 1,
    };
  }
  return { ...prev, startsWithoutSuccess: prev.startsWithoutSuccess + 1 };
}

/** The state once this start reached a working window. */
export function launchSucceeded(state: LaunchState): LaunchState {
  return { ...state, goodVersion: state.version, startsWithoutSuccess: 0 };
}

/** Starts of this version before this one that failed. */
export const failedStarts = (state: LaunchState): number => Math.max(0, state.startsWithoutSuccess - 1);

/** The installer of `version` as electron-builder.yml names it (`artifactName`; tested against the config). */
export function installerFileName(version: string, platform: NodeJS.Platform, arch: string): string {
  if (platform === 'win32') return `anjuan-${version}-setup-${arch}.exe`;
  return `anjuan-${version}-${arch === 'x64' ? 'amd64' : arch}.deb`;
}

/**
 * What to tell the user after `maxFailedStarts` failed starts of a version that replaced a working one,
 * or null. `feed`: the update folder or address in use, when known.
 */
export function rollbackAdvice(
  state: LaunchState,
  ctx: { platform: NodeJS.Platform; arch: string; feed: string | null },
): string | null {
  const previous = state.previousVersion;
  if (failedStarts(state) < maxFailedStarts || !previous || previous === state.version) return null;
  const file = installerFileName(previous, ctx.platform, ctx.arch);
  const where = ctx.feed ? `更新位置（${ctx.feed}）` : '更新文件夹';
  const how =
    ctx.platform === 'win32'
      ? `请关闭案卷，在${where}中运行 ${file}，按提示安装（可覆盖安装较新的版本）。`
      : `请关闭案卷，从${where}取得 ${file}，在终端中执行：sudo apt install --allow-downgrades ./${file}（或请信息中心在软件源中安装 ${previous} 版）。`;
  return (
    `新版本 ${state.version} 已连续 ${failedStarts(state)} 次未能正常启动。可重新安装上一版本 ${previous}：${how}` +
    '更新文件夹保留最近两个版本的安装程序；重新安装不会删除或改动案件数据。'
  );
}

export interface LaunchStore {
  read(): LaunchState | null;
  write(state: LaunchState): void;
}

/** `launch-state.json` in `dir`, written to a temporary name and renamed, so a crash never leaves half a file. */
export function launchStore(dir: string): LaunchStore {
  const file = join(dir, 'launch-state.json');
  return {
    read() {
      try {
        return parseLaunchState(readFileSync(file, 'utf8'));
      } catch {
        return null;
      }
    },
    write(state) {
      const tmp = `${file}.tmp`;
      writeFileSync(tmp, `${JSON.stringify(state)}\n`);
      renameSync(tmp, file);
    },
  };
}
