/**
 * Updates from the provincial feed (electron-updater, generic provider): checked at start and every
 * 6 hours, downloaded in the background, installed when the app quits. Bureaus are often offline:
 * a failed check is logged and forgotten, it never interrupts the clerk nor breaks the app.
 * The updater, the timers and the log come in as dependencies (updater.test.ts uses fakes).
 */

export const checkEveryMs = 6 * 60 * 60 * 1000;

export interface UpdaterLike {
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
  setFeedURL(options: { provider: 'generic'; url: string }): void;
  checkForUpdates(): Promise<unknown>;
  on(event: 'error', listener: (error: Error) => void): unknown;
  on(event: 'update-downloaded', listener: (info: { version: string }) => void): unknown;
}

export interface UpdaterDeps {
  updater: UpdaterLike;
  /** Only an installed app updates itself: from sources there is no app-update.yml and nothing to replace. */
  isPackaged: boolean;
  /** Overrides the feed written by electron-builder's `publish` (electron-builder.yml) into app-update.yml. */
  feedUrl: string | null;
  log(message: string): void;
  onDownloaded?(version: string): void;
  setInterval(fn: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
}

/**
 * The feed from configuration (ANJUAN_UPDATE_URL), when provincial IT hosts it elsewhere than the
 * built-in address. Only https (or a loopback address, for testing a feed on the same machine):
 * an update is code that will run with the clerk's rights.
 */
export function feedUrlFrom(env: Record<string, string | undefined>): string | null {
  const raw = env.ANJUAN_UPDATE_URL?.trim();
  if (!raw) return null;
  try {
    const u = new URL(raw);
    const loopback = u.hostname === '127.0.0.1' || u.hostname === 'localhost' || u.hostname === '[::1]';
    if (u.protocol === 'https:' || (u.protocol === 'http:' && loopback)) return u.href.endsWith('/') ? u.href : `${u.href}/`;
  } catch {
    // fall through
  }
  return null;
}

export function startUpdater(deps: UpdaterDeps): { check(): Promise<void>; stop(): void } {
  const { updater, log } = deps;
  let checking = false;
  let timer: unknown = null;

  // Without an 'error' listener an EventEmitter throws on 'error' — that is how an updater crashes apps.
  updater.on('error', (e) => log(`检查更新失败：${e?.message ?? String(e)}`));
  updater.on('update-downloaded', (info) => {
    log(`新版本 ${info.version} 已下载，将在退出程序时安装`);
    deps.onDownloaded?.(info.version);
  });

  async function check(): Promise<void> {
    if (checking) return;
    checking = true;
    try {
      await updater.checkForUpdates();
    } catch (e) {
      log(`检查更新失败：${e instanceof Error ? e.message : String(e)}`);
    } finally {
      checking = false;
    }
  }

  if (!deps.isPackaged) {
    log('开发运行，不检查更新');
    return { check: async () => {}, stop: () => {} };
  }
  try {
    updater.autoDownload = true;
    updater.autoInstallOnAppQuit = true;
    if (deps.feedUrl) updater.setFeedURL({ provider: 'generic', url: deps.feedUrl });
  } catch (e) {
    log(`更新设置失败：${e instanceof Error ? e.message : String(e)}`);
    return { check: async () => {}, stop: () => {} };
  }
  void check();
  timer = deps.setInterval(() => void check(), checkEveryMs);
  return {
    check,
    stop() {
      if (timer !== null) deps.clearInterval(timer);
      timer = null;
    },
  };
}
