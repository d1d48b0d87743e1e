/**
 * Updates of the desktop app (electron-updater, generic feed). The feed is a folder (a USB
 * stick, a LAN share: counties without a link) or an address (an http share on the bureau's LAN, the
 * provincial server later): ANJUAN_UPDATE_URL when IT sets it (like ANJUAN_PDF_ENGINE, it overrides the
 * bureau's setting), else what a head set in 本局设置 (asked from the core before each check), else the
 * address built into the installer (electron-builder.yml `publish`).
 * Either way electron-updater reads it through the FeedGate (updateFeed.ts), which checks the feed's
 * signature. Checked at start, once a day and on demand (本局设置 → 立即检查); a new version is
 * downloaded in the background, verified (SHA-512 from the signed index; on Windows also the
 * installer's Authenticode publisher) and installed when the app quits — never forced mid-case. Never
 * an older version (allowDowngrade false). A failed check (offline bureau) is logged and shown in
 * 本局设置; it never interrupts the clerk nor breaks the app.
 * The updater, the gate, the timers and the log come in as dependencies (updater.test.ts uses fakes).
 */
import type { UpdateShellStatus } from '#common/schemas/updates.js';
import { describeUpdateSource, parseUpdateSource, type UpdateSource } from '#common/updateSource.js';

export const checkEveryMs = 24 * 60 * 60 * 1000;

/** The feed electron-builder.yml's `publish` writes into app-update.yml (builderConfig.test.ts keeps them equal). */
export const builtInFeedUrl = 'https://anjuan-update.example.gov.cn/';

export interface UpdaterLike {
  autoDownload: boolean;
  autoInstallOnAppQuit: boolean;
  allowDowngrade: boolean;
  /** Differential downloads fetch byte ranges; a whole installer from a LAN folder is simpler and as fast. */
  disableDifferentialDownload: boolean;
  setFeedURL(options: { provider: 'generic'; url: string }): void;
  checkForUpdates(): Promise<unknown>;
  on(event: 'error', listener: (error: Error) => void): unknown;
  on(
    event: 'update-available' | 'update-not-available' | 'update-downloaded',
    listener: (info: { version: string }) => void,
  ): unknown;
  on(event: 'download-progress', listener: (info: { percent: number }) => void): unknown;
}

export interface FeedGateLike {
  use(source: UpdateSource): Promise<string>;
  /** Why the gate last refused an index (bad or missing signature), or null. */
  lastRefusal: string | null;
}

export interface UpdaterDeps {
  updater: UpdaterLike;
  gate: FeedGateLike;
  /** Only an installed app updates itself: from sources there is no app-update.yml and nothing to replace. */
  isPackaged: boolean;
  version: string;
  /** ANJUAN_UPDATE_URL (IT's override, e.g. to try a feed), checked like the setting. */
  envSource: string | null;
  /** The location set in 本局设置, asked from the core before each check; null: none set (or the core did not answer). */
  configuredSource(): Promise<string | null>;
  /** From launchGuard.ts: the version before the last update, failed starts of this one, and the advice to go back. */
  launch: { previousVersion: string | null; failedStarts: number; rollbackAdvice: string | null };
  /** Said once at start when this build has no feed key (updateFeed.ts): indexes are then unchecked. */
  signatureCheck: boolean;
  log(message: string): void;
  /** Every change of state (the shell passes it on to the core, for 本局设置). */
  onStatus?(status: UpdateShellStatus): void;
  onDownloaded?(version: string): void;
  setInterval(fn: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
  now?(): Date;
}

export interface Updates {
  /** Checks now (or joins the check running); resolves with the state once the check finished. */
  check(): Promise<UpdateShellStatus>;
  status(): UpdateShellStatus;
  stop(): void;
}

/** The feed to read: the environment's override, else the bureau's setting, else the built-in address. */
export function effectiveSource(
  envSource: string | null,
  configured: string | null,
  log: (m: string) => void,
): { source: UpdateSource; label: string } {
  for (const [raw, what] of [
    [envSource, 'ANJUAN_UPDATE_URL'],
    [configured, '本局设置中的更新位置'],
  ] as const) {
    if (!raw) continue;
    const parsed = parseUpdateSource(raw);
    if (parsed.ok) return { source: parsed.source, label: describeUpdateSource(parsed.source) };
    log(`${what}不正确（${parsed.message}），已忽略`);
  }
  return { source: { kind: 'url', location: builtInFeedUrl }, label: `内置地址 ${builtInFeedUrl}` };
}

const errorText = (e: unknown): string => (e instanceof Error ? e.message : String(e)).split('\n')[0]!.slice(0, 300);

export function startUpdater(deps: UpdaterDeps): Updates {
  const { updater, log } = deps;
  const now = deps.now ?? (() => new Date());
  let timer: unknown = null;
  let running: Promise<UpdateShellStatus> | null = null;
  let status: UpdateShellStatus = {
    version: deps.version,
    previousVersion: deps.launch.previousVersion,
    source: null,
    state: 'idle',
    message: '尚未检查更新',
    availableVersion: null,
    downloadedVersion: null,
    lastCheckAt: null,
    failedStarts: deps.launch.failedStarts,
    rollbackAdvice: deps.launch.rollbackAdvice,
  };
  const set = (change: Partial<UpdateShellStatus>): void => {
    status = { ...status, ...change };
    try {
      deps.onStatus?.(status);
    } catch {
      /* the core is restarting: it asks again */
    }
  };

  // Without an 'error' listener an EventEmitter throws on 'error' — that is how an updater crashes apps.
  updater.on('error', (e) => {
    const why = deps.gate.lastRefusal ?? errorText(e);
    log(`检查或下载更新失败：${why}`);
    // A download that failed keeps nothing: the running version stays, the next check tries again.
    set({ state: 'error', message: `检查或下载更新失败：${why}` });
  });
  updater.on('update-available', (info) => {
    log(`发现新版本 ${info.version}，正在后台下载`);
    set({ state: 'downloading', availableVersion: info.version, message: `发现新版本 ${info.version}，正在后台下载` });
  });
  updater.on('update-not-available', () => {
    if (status.downloadedVersion) return;
    set({ state: 'up-to-date', availableVersion: null, message: `已是最新版本（${deps.version}）` });
  });
  updater.on('download-progress', (p) => {
    if (status.state === 'downloading' && Number.isFinite(p.percent))
      set({ message: `正在下载新版本 ${status.availableVersion ?? ''}（${Math.floor(p.percent)}%）` });
  });
  updater.on('update-downloaded', (info) => {
    log(`新版本 ${info.version} 已下载并校验，将在退出程序时安装`);
    set({
      state: 'downloaded',
      downloadedVersion: info.version,
      message: `新版本 ${info.version} 已下载并校验，将在退出案卷时安装`,
    });
    deps.onDownloaded?.(info.version);
  });

  if (!deps.isPackaged) {
    log('开发运行，不检查更新');
    set({ state: 'disabled', message: '开发运行的程序不检查更新' });
    return { check: async () => status, status: () => status, stop: () => {} };
  }
  try {
    updater.autoDownload = true;
    updater.autoInstallOnAppQuit = true;
    updater.allowDowngrade = false;
    updater.disableDifferentialDownload = true;
  } catch (e) {
    log(`更新设置失败：${errorText(e)}`);
    set({ state: 'disabled', message: `更新设置失败：${errorText(e)}` });
    return { check: async () => status, status: () => status, stop: () => {} };
  }
  if (!deps.signatureCheck) log('警告：此版本未内置更新签名公钥，只校验安装程序的SHA-512（及Windows的数字签名）');

  let feedUrl: string | null = null;
  async function runCheck(): Promise<UpdateShellStatus> {
    deps.gate.lastRefusal = null;
    try {
      const { source, label } = effectiveSource(deps.envSource, await deps.configuredSource().catch(() => null), log);
      set({
        state: status.state === 'downloading' ? 'downloading' : 'checking',
        source: label,
        message: `正在检查更新（${label}）`,
      });
      const url = await deps.gate.use(source);
      if (url !== feedUrl) {
        updater.setFeedURL({ provider: 'generic', url });
        feedUrl = url;
      }
      await updater.checkForUpdates();
      if (status.state === 'checking') set({ state: 'up-to-date', message: `已是最新版本（${deps.version}）` });
    } catch (e) {
      const why = deps.gate.lastRefusal ?? errorText(e);
      log(`检查更新失败：${why}`);
      set({ state: 'error', message: `检查更新失败：${why}` });
    }
    set({ lastCheckAt: now().toISOString() });
    return status;
  }

  function check(): Promise<UpdateShellStatus> {
    running ??= runCheck().finally(() => {
      running = null;
    });
    return running;
  }

  set({});
  void check();
  timer = deps.setInterval(() => void check(), checkEveryMs);
  return {
    check,
    status: () => status,
    stop() {
      if (timer !== null) deps.clearInterval(timer);
      timer = null;
    },
  };
}
