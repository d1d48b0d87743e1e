import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import type { UpdateShellStatus } from '#common/schemas/updates.js';
import type { UpdateSource } from '#common/updateSource.js';
import {
  builtInFeedUrl,
  checkEveryMs,
  effectiveSource,
  startUpdater,
  type FeedGateLike,
  type UpdaterDeps,
  type UpdaterLike,
} from './updater.js';

/** electron-updater's AppUpdater as far as we use it: an EventEmitter with settings and a check. */
class FakeUpdater extends EventEmitter implements UpdaterLike {
  autoDownload = false;
  autoInstallOnAppQuit = false;
  allowDowngrade = true;
  disableDifferentialDownload = false;
  feeds: unknown[] = [];
  checks = 0;
  behaviour: 'none' | 'newer' | 'reject' | 'throw' | 'emit-error' = 'none';
  setFeedURL(options: { provider: 'generic'; url: string }): void {
    this.feeds.push(options);
  }
  checkForUpdates(): Promise<unknown> {
    this.checks++;
    if (this.behaviour === 'throw') throw new Error('sync boom');
    if (this.behaviour === 'reject') return Promise.reject(new Error('net::ERR_INTERNET_DISCONNECTED'));
    if (this.behaviour === 'emit-error') {
      this.emit('error', new Error('ENOTFOUND anjuan-update.example.gov.cn'));
      return Promise.resolve(null);
    }
    if (this.behaviour === 'newer') {
      this.emit('update-available', { version: '0.2.0' });
      return Promise.resolve({ updateInfo: { version: '0.2.0' } });
    }
    this.emit('update-not-available', { version: '0.1.0' });
    return Promise.resolve({ updateInfo: { version: '0.1.0' } });
  }
}

class FakeGate implements FeedGateLike {
  used: UpdateSource[] = [];
  lastRefusal: string | null = null;
  async use(source: UpdateSource): Promise<string> {
    this.used.push(source);
    return 'http://127.0.0.1:4567/token/';
  }
}

function setup(over: Partial<UpdaterDeps> = {}) {
  const updater = new FakeUpdater();
  const gate = new FakeGate();
  const intervals: { fn: () => void; ms: number }[] = [];
  const log = vi.fn();
  const statuses: UpdateShellStatus[] = [];
  const deps: UpdaterDeps = {
    updater,
    gate,
    isPackaged: true,
    version: '0.1.0',
    envSource: null,
    configuredSource: async () => null,
    launch: { previousVersion: null, failedStarts: 0, rollbackAdvice: null },
    signatureCheck: true,
    log,
    onStatus: (s) => statuses.push(s),
    setInterval: (fn, ms) => {
      intervals.push({ fn, ms });
      return intervals.length;
    },
    clearInterval: vi.fn(),
    now: () => new Date('2026-12-07T08:00:00Z'),
    ...over,
  };
  return { updater, gate, intervals, log, statuses, deps };
}

describe('startUpdater', () => {
  it('checks at start and once a day, downloading in the background, installing on quit, never downgrading', async () => {
    const t = setup();
    const u = startUpdater(t.deps);
    await vi.waitFor(() => expect(t.updater.checks).toBe(1));
    expect(t.updater).toMatchObject({
      autoDownload: true,
      autoInstallOnAppQuit: true,
      allowDowngrade: false,
      disableDifferentialDownload: true,
    });
    expect(t.intervals).toEqual([{ fn: expect.any(Function), ms: checkEveryMs }]);
    expect(checkEveryMs).toBe(24 * 3600 * 1000);
    await vi.waitFor(() => expect(u.status().state).toBe('up-to-date'));
    t.intervals[0]!.fn();
    await vi.waitFor(() => expect(t.updater.checks).toBe(2));
    u.stop();
    expect(t.deps.clearInterval).toHaveBeenCalledWith(1);
  });

  it('reads the feed through the gate: the setting of 本局设置, asked before each check', async () => {
    let configured: string | null = 'E:\\案卷更新';
    const t = setup({ configuredSource: async () => configured });
    const u = startUpdater(t.deps);
    await vi.waitFor(() => expect(u.status().state).toBe('up-to-date'));
    expect(t.gate.used).toEqual([{ kind: 'folder', location: 'E:\\案卷更新' }]);
    expect(t.updater.feeds).toEqual([{ provider: 'generic', url: 'http://127.0.0.1:4567/token/' }]);
    expect(u.status()).toMatchObject({
      source: '文件夹 E:\\案卷更新',
      message: '已是最新版本（0.1.0）',
      lastCheckAt: '2026-12-07T08:00:00.000Z',
    });
    configured = 'http://192.168.1.20/anjuan/';
    await u.check();
    expect(t.gate.used[1]).toEqual({ kind: 'url', location: 'http://192.168.1.20/anjuan/' });
    expect(t.updater.feeds).toHaveLength(1); // the gate's address does not change
  });

  it('reports a new version downloading, then downloaded and verified, to the shell and the core', async () => {
    const onDownloaded = vi.fn();
    const t = setup({ onDownloaded });
    t.updater.behaviour = 'newer';
    const u = startUpdater(t.deps);
    await vi.waitFor(() => expect(u.status().state).toBe('downloading'));
    expect(u.status()).toMatchObject({ availableVersion: '0.2.0', message: '发现新版本 0.2.0，正在后台下载' });
    t.updater.emit('download-progress', { percent: 42.7 });
    expect(u.status().message).toBe('正在下载新版本 0.2.0（42%）');
    t.updater.emit('update-downloaded', { version: '0.2.0' });
    expect(onDownloaded).toHaveBeenCalledWith('0.2.0');
    expect(t.statuses.at(-1)).toMatchObject({
      state: 'downloaded',
      downloadedVersion: '0.2.0',
      message: '新版本 0.2.0 已下载并校验，将在退出案卷时安装',
    });
  });

  it('never throws when offline: rejected checks, synchronous throws and error events end as an error state', async () => {
    for (const behaviour of ['reject', 'throw', 'emit-error'] as const) {
      const t = setup();
      t.updater.behaviour = behaviour;
      const u = startUpdater(t.deps);
      await expect(u.check()).resolves.toMatchObject({
        state: 'error',
        message: expect.stringMatching(/^检查(或下载)?更新失败：/),
      });
      expect(t.log).toHaveBeenCalledWith(expect.stringMatching(/更新失败：/));
    }
  });

  it('a feed refused by the gate says why in Chinese (a missing or wrong signature)', async () => {
    const t = setup();
    t.updater.behaviour = 'reject';
    t.gate.use = async () => {
      t.gate.lastRefusal = '更新文件 latest.yml 的签名不符，可能被改动过，已拒绝';
      return 'http://127.0.0.1:4567/token/';
    };
    const u = startUpdater(t.deps);
    await expect(u.check()).resolves.toMatchObject({
      state: 'error',
      message: '检查更新失败：更新文件 latest.yml 的签名不符，可能被改动过，已拒绝',
    });
  });

  it('a failed download keeps the running version and is tried again at the next check', async () => {
    const t = setup();
    t.updater.behaviour = 'newer';
    const u = startUpdater(t.deps);
    await vi.waitFor(() => expect(u.status().state).toBe('downloading'));
    t.updater.emit('error', new Error('sha512 checksum mismatch'));
    expect(u.status()).toMatchObject({
      state: 'error',
      message: '检查或下载更新失败：sha512 checksum mismatch',
      downloadedVersion: null,
    });
    await u.check();
    expect(t.updater.checks).toBe(2);
  });

  it('an error event with no check running does not crash the process', () => {
    const t = setup();
    startUpdater(t.deps);
    expect(() => t.updater.emit('error', new Error('late'))).not.toThrow();
  });

  it('joins a check that is running rather than starting a second', async () => {
    const t = setup();
    let release!: () => void;
    t.updater.checkForUpdates = () => {
      t.updater.checks++;
      return new Promise<void>((r) => {
        release = r;
      });
    };
    const u = startUpdater(t.deps);
    const a = u.check();
    const b = u.check();
    await vi.waitFor(() => expect(t.updater.checks).toBe(1));
    release();
    expect(await a).toBe(await b);
    expect(t.updater.checks).toBe(1);
  });

  it('carries the start record: the previous version, failed starts and how to go back', () => {
    const t = setup({
      launch: { previousVersion: '0.1.0', failedStarts: 3, rollbackAdvice: '新版本 0.2.0 已连续 3 次未能正常启动……' },
      version: '0.2.0',
    });
    const u = startUpdater(t.deps);
    expect(u.status()).toMatchObject({
      version: '0.2.0',
      previousVersion: '0.1.0',
      failedStarts: 3,
      rollbackAdvice: expect.stringMatching(/^新版本 0.2.0/),
    });
  });

  it("says so once when this build cannot check the feed's signature", () => {
    const t = setup({ signatureCheck: false });
    startUpdater(t.deps);
    expect(t.log).toHaveBeenCalledWith(expect.stringMatching(/未内置更新签名公钥/));
  });

  it('does nothing in a development run', async () => {
    const t = setup({ isPackaged: false });
    const u = startUpdater(t.deps);
    await expect(u.check()).resolves.toMatchObject({ state: 'disabled' });
    expect(t.updater.checks).toBe(0);
    expect(t.intervals).toHaveLength(0);
  });
});

describe('effectiveSource', () => {
  it('ANJUAN_UPDATE_URL, else 本局设置, else the built-in address; a bad value is logged and skipped', () => {
    const log = vi.fn();
    expect(effectiveSource('http://127.0.0.1:8080/', 'D:\\x', log).source).toEqual({
      kind: 'url',
      location: 'http://127.0.0.1:8080/',
    });
    expect(effectiveSource(null, 'D:\\x', log)).toEqual({
      source: { kind: 'folder', location: 'D:\\x' },
      label: '文件夹 D:\\x',
    });
    expect(effectiveSource(null, null, log)).toEqual({
      source: { kind: 'url', location: builtInFeedUrl },
      label: `内置地址 ${builtInFeedUrl}`,
    });
    expect(effectiveSource('ftp://x/', null, log).source.location).toBe(builtInFeedUrl);
    expect(log).toHaveBeenCalledWith(expect.stringMatching(/^ANJUAN_UPDATE_URL不正确/));
  });
});
