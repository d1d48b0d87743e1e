/**
 * A bad update is noticed and undone: each start is recorded before anything else runs,
 * a start that reaches a working window marks its version good, and a new version that fails to
 * start three times in a row is reported with how to reinstall the previous one.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  beginLaunch,
  failedStarts,
  installerFileName,
  launchStore,
  launchSucceeded,
  maxFailedStarts,
  parseLaunchState,
  rollbackAdvice,
  type LaunchState,
} from './launchGuard.js';

const win = { platform: 'win32' as const, arch: 'x64', feed: '文件夹 D:\\案卷更新' };

/** n starts of `version` after `prev`, none reaching a window. */
function failing(prev: LaunchState | null, version: string, n: number): LaunchState {
  let s = prev;
  for (let i = 0; i < n; i++) s = beginLaunch(s, version);
  return s!;
}

describe('the start record', () => {
  it('a first start, then a good one', () => {
    const s = beginLaunch(null, '0.1.0');
    expect(s).toEqual({ version: '0.1.0', goodVersion: null, previousVersion: null, startsWithoutSuccess: 1 });
    expect(launchSucceeded(s)).toEqual({
      version: '0.1.0',
      goodVersion: '0.1.0',
      previousVersion: null,
      startsWithoutSuccess: 0,
    });
  });

  it('an updated version remembers the one that last worked', () => {
    const good = launchSucceeded(beginLaunch(null, '0.1.0'));
    const updated = beginLaunch(good, '0.2.0');
    expect(updated).toEqual({
      version: '0.2.0',
      goodVersion: '0.1.0',
      previousVersion: '0.1.0',
      startsWithoutSuccess: 1,
    });
    // 0.2.0 works: 0.1.0 stays the previous version.
    expect(launchSucceeded(updated)).toMatchObject({
      goodVersion: '0.2.0',
      previousVersion: '0.1.0',
      startsWithoutSuccess: 0,
    });
  });

  it('counts failed starts of a version, and the advice comes after the third', () => {
    const good = launchSucceeded(beginLaunch(null, '0.1.0'));
    for (let n = 1; n <= maxFailedStarts; n++)
      expect(rollbackAdvice(failing(good, '0.2.0', n), win), `start ${n}`).toBeNull();
    const fourth = failing(good, '0.2.0', maxFailedStarts + 1);
    expect(failedStarts(fourth)).toBe(3);
    expect(rollbackAdvice(fourth, win)).toBe(
      '新版本 0.2.0 已连续 3 次未能正常启动。可重新安装上一版本 0.1.0：请关闭案卷，在更新位置（文件夹 D:\\案卷更新）中运行 anjuan-0.1.0-setup-x64.exe，按提示安装（可覆盖安装较新的版本）。' +
        '更新文件夹保留最近两个版本的安装程序；重新安装不会删除或改动案件数据。',
    );
  });

  it('on Debian-family Linux (UOS, Kylin) the advice is an apt downgrade of the previous .deb', () => {
    const s = failing(launchSucceeded(beginLaunch(null, '0.1.0')), '0.2.0', 4);
    expect(rollbackAdvice(s, { platform: 'linux', arch: 'arm64', feed: null })).toContain(
      'sudo apt install --allow-downgrades ./anjuan-0.1.0-arm64.deb',
    );
    expect(rollbackAdvice(s, { platform: 'linux', arch: 'x64', feed: null })).toContain('anjuan-0.1.0-amd64.deb');
  });

  it('no advice for a first install that fails: there is nothing to go back to', () => {
    expect(rollbackAdvice(failing(null, '0.1.0', 6), win)).toBeNull();
  });

  it('a damaged or foreign file is started afresh', () => {
    expect(parseLaunchState(null)).toBeNull();
    expect(parseLaunchState('{')).toBeNull();
    expect(parseLaunchState('{"version":"","startsWithoutSuccess":1}')).toBeNull();
    expect(parseLaunchState('{"version":"0.1.0","startsWithoutSuccess":-1}')).toBeNull();
    expect(parseLaunchState('{"version":"0.1.0","startsWithoutSuccess":2,"goodVersion":7}')).toEqual({
      version: '0.1.0',
      goodVersion: null,
      previousVersion: null,
      startsWithoutSuccess: 2,
    });
  });

  it('is stored in the user-data folder, replaced whole', () => {
    const dir = mkdtempSync(join(tmpdir(), 'anjuan-launch-'));
    const store = launchStore(dir);
    expect(store.read()).toBeNull();
    const s = beginLaunch(store.read(), '0.1.0');
    store.write(s);
    expect(JSON.parse(readFileSync(join(dir, 'launch-state.json'), 'utf8'))).toEqual(s);
    expect(store.read()).toEqual(s);
    writeFileSync(join(dir, 'launch-state.json'), 'garbage');
    expect(store.read()).toBeNull();
  });
});

describe('installerFileName', () => {
  it('matches the artifact names electron-builder gives (electron-builder.yml artifactName)', async () => {
    const root = join(import.meta.dirname, '..', '..');
    const require = createRequire(join(root, 'package.json'));
    const { getConfig } = require('app-builder-lib/out/util/config/config') as {
      getConfig(
        dir: string,
        file: string,
        extra: null,
      ): Promise<{ win: { artifactName: string }; linux: { artifactName: string } }>;
    };
    const { getArtifactArchName, Arch } = require('builder-util') as {
      getArtifactArchName(arch: number, ext: string): string;
      Arch: Record<string, number>;
    };
    const config = await getConfig(root, 'electron-builder.yml', null);
    const expand = (pattern: string, arch: string, ext: string) =>
      // biome-ignore lint/suspicious/noTemplateCurlyInString: electron-builder's own ${…} placeholders, expanded here by hand
      pattern.replace('${version}', '0.1.0').replace('${arch}', arch).replace('${ext}', ext);
    expect(installerFileName('0.1.0', 'win32', 'x64')).toBe(
      expand(config.win.artifactName, getArtifactArchName(Arch.x64!, 'exe'), 'exe'),
    );
    expect(installerFileName('0.1.0', 'linux', 'x64')).toBe(
      expand(config.linux.artifactName, getArtifactArchName(Arch.x64!, 'deb'), 'deb'),
    );
    expect(installerFileName('0.1.0', 'linux', 'arm64')).toBe(
      expand(config.linux.artifactName, getArtifactArchName(Arch.arm64!, 'deb'), 'deb'),
    );
  });
});
