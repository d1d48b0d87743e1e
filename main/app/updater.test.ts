import { EventEmitter } from 'node:events';
import { describe, expect, it, vi } from 'vitest';
import { checkEveryMs, feedUrlFrom, startUpdater, type UpdaterDeps, type UpdaterLike } from './updater.js';

/** electron-updater's AppUpdater as far as we use it: an EventEmitter with settings and a check. */
class FakeUpdater extends EventEmitter implements UpdaterLike {
  autoDownload = false;
  autoInstallOnAppQuit = false;
  feeds: unknown[] = [];
  checks = 0;
  behaviour: 'ok' | 'reject' | 'throw' | 'emit-error' = 'ok';
  setFeedURL(options: { provider: 'generic'; url: string }): void { this.feeds.push(options); }
  checkForUpdates(): Promise<unknown> {
    this.checks++;
    if (this.behaviour === 'throw') throw new Error('sync boom');
    if (this.behaviour === 'reject') return Promise.reject(new Error('net::ERR_INTERNET_DISCONNECTED'));
    if (this.behaviour === 'emit-error') {
      this.emit('error', new Error('ENOTFOUND anjuan-update.example.gov.cn'));
      return Promise.resolve(null);
    }
    return Promise.resolve({ updateInfo: { version: '0.1.0' } });
  }
}

function setup(over: Partial<UpdaterDeps> = {}) {
  const updater = new FakeUpdater();
  const intervals: { fn: () => void; ms: number }[] = [];
  const log = vi.fn();
  const deps: UpdaterDeps = {
    updater, isPackaged: true, feedUrl: null, log,
    setInterval: (fn, ms) => { intervals.push({ fn, ms }); return intervals.length; },
    clearInterval: vi.fn(),
    ...over,
  };
  return { updater, intervals, log, deps };
}

describe('startUpdater', () => {
  it('checks at start and every 6 hours, downloading in the background and installing on quit', async () => {
    const t = setup();
    const u = startUpdater(t.deps);
    expect(t.updater.checks).toBe(1);
    expect(t.updater.autoDownload).toBe(true);
    expect(t.updater.autoInstallOnAppQuit).toBe(true);
    expect(t.intervals).toHaveLength(1);
    expect(t.intervals[0]!.ms).toBe(checkEveryMs);
    expect(checkEveryMs).toBe(6 * 3600 * 1000);
    await Promise.resolve();
    t.intervals[0]!.fn();
    expect(t.updater.checks).toBe(2);
    u.stop();
    expect(t.deps.clearInterval).toHaveBeenCalledWith(1);
  });

  it('never throws when offline: rejected checks, synchronous throws and error events are logged', async () => {
    for (const behaviour of ['reject', 'throw', 'emit-error'] as const) {
      const t = setup();
      t.updater.behaviour = behaviour;
      const u = startUpdater(t.deps);
      await expect(u.check()).resolves.toBeUndefined();
      await vi.waitFor(() => expect(t.log).toHaveBeenCalledWith(expect.stringMatching(/^检查更新失败：/)));
    }
  });

  it('an error event with no check running does not crash the process', () => {
    const t = setup();
    startUpdater(t.deps);
    expect(() => t.updater.emit('error', new Error('late'))).not.toThrow();
  });

  it('does not start a second check while one is running', async () => {
    const t = setup();
    let release!: () => void;
    t.updater.checkForUpdates = () => { t.updater.checks++; return new Promise<void>((r) => { release = r; }); };
    const u = startUpdater(t.deps);
    await u.check();
    expect(t.updater.checks).toBe(1);
    release();
  });

  it('tells the shell when an update is ready', () => {
    const onDownloaded = vi.fn();
    const t = setup({ onDownloaded });
    startUpdater(t.deps);
    t.updater.emit('update-downloaded', { version: '0.2.0' });
    expect(onDownloaded).toHaveBeenCalledWith('0.2.0');
  });

  it('uses the configured feed, else the one electron-builder wrote', () => {
    const a = setup({ feedUrl: 'https://update.hbj.guizhou.gov.cn/anjuan/' });
    startUpdater(a.deps);
    expect(a.updater.feeds).toEqual([{ provider: 'generic', url: 'https://update.hbj.guizhou.gov.cn/anjuan/' }]);
    const b = setup();
    startUpdater(b.deps);
    expect(b.updater.feeds).toEqual([]);
  });

  it('does nothing in a development run', async () => {
    const t = setup({ isPackaged: false });
    const u = startUpdater(t.deps);
    await u.check();
    expect(t.updater.checks).toBe(0);
    expect(t.intervals).toHaveLength(0);
  });
});

describe('feedUrlFrom', () => {
  it('takes https feeds (and loopback http for testing), nothing else', () => {
    expect(feedUrlFrom({ ANJUAN_UPDATE_URL: 'https://update.example.gov.cn/anjuan' })).toBe('https://update.example.gov.cn/anjuan/');
    expect(feedUrlFrom({ ANJUAN_UPDATE_URL: ' http://127.0.0.1:8080/ ' })).toBe('http://127.0.0.1:8080/');
    expect(feedUrlFrom({})).toBeNull();
    expect(feedUrlFrom({ ANJUAN_UPDATE_URL: 'http://update.example.gov.cn/' })).toBeNull();
    expect(feedUrlFrom({ ANJUAN_UPDATE_URL: 'file:///C:/evil/' })).toBeNull();
    expect(feedUrlFrom({ ANJUAN_UPDATE_URL: 'not a url' })).toBeNull();
  });
});
