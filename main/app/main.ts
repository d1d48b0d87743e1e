/**
 * The Electron shell's entry (dist/app/main.cjs). Wiring only: each concern lives in its own file
 * with its own test — security.ts, protocol.ts, window.ts, ipc.ts, coreProcess.ts, print.ts,
 * pdfRenderer.ts, updater.ts, menu.ts. This is the one file of main/app that imports Electron at run time.
 */
import {
  app,
  BrowserWindow,
  dialog,
  ipcMain,
  Menu,
  protocol,
  safeStorage,
  session,
  shell,
  utilityProcess,
} from 'electron';
import { autoUpdater } from 'electron-updater';
import { createPublicKey, type KeyObject } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { startCoreProcess, type CoreProcess } from './coreProcess.js';
import { registerIpc } from './ipc.js';
import { createUploads } from './uploads.js';
import { menuTemplate } from './menu.js';
import { appPaths, dataDirFor } from './paths.js';
import { pdfHarnessFiles, PdfRenderer, pdfWindowOptions } from './pdfRenderer.js';
import { printPdf, printWindowOptions } from './print.js';
import { PrintJobs } from './printPage.js';
import {
  appEntryUrl,
  appOrigin,
  appScheme,
  appSchemePrivileges,
  handleAppRequest,
  pdfHarnessUrl,
  printOrigin,
} from './protocol.js';
import { hardenSession, hardenWebContents } from './security.js';
import {
  beginLaunch,
  failedStarts,
  launchStore,
  launchSucceeded,
  rollbackAdvice,
  type LaunchState,
  type LaunchStore,
} from './launchGuard.js';
import { FeedGate, keyFingerprint } from './updateFeed.js';
import { startUpdater, type Updates } from './updater.js';
import { runSmokeTest } from './smokeTest.js';
import { createShellUpdateWire } from './updateWire.js';
import { createMainWindow } from './window.js';
import { databaseKeyEnv } from './dbKey.js'; // encryption at rest: the database key from the OS keychain
import coreNodeFlags from '../../resources/core-node-flags.json' with { type: 'json' };

/** Links that may open in the system browser (https only). Empty: the workstation works offline. */
const externalHosts: readonly string[] = [];

const log = (message: string): void => console.error(`[案卷] ${message}`);

interface ShellState {
  window: BrowserWindow | null;
  core: CoreProcess | null;
  pdf: PdfRenderer | null;
  gate: FeedGate | null;
  /** This start's record (launchGuard.ts), null when it could not be written. */
  launch: { store: LaunchStore; state: LaunchState } | null;
}

/** The release key's public half (resources/update-feed-key.pem, written by the release job), or null in a build without one. */
function feedKey(appPath: string): KeyObject | null {
  try {
    return createPublicKey(readFileSync(join(appPath, 'resources', 'update-feed-key.pem'), 'utf8'));
  } catch {
    return null;
  }
}

async function onReady(state: ShellState): Promise<void> {
  // The database key, unwrapped by the OS keychain, for the core's process (dbKey.ts).
  const keyEnv = await databaseKeyEnv(safeStorage, app.getPath('userData'), log);
  const paths = appPaths(app.getAppPath());
  const dataDir = dataDirFor(process.env, app.getPath('userData'));
  hardenSession(session.defaultSession, log);

  const jobs = new PrintJobs();
  // The 'electron' PDF engine: the core's DOCX printed from a hidden window of the harness page.
  const pdf = new PdfRenderer({ createWindow: () => new BrowserWindow(pdfWindowOptions()), url: pdfHarnessUrl, log });
  state.pdf = pdf;
  const pdfHarness = pdfHarnessFiles(app.getAppPath(), pdf);
  protocol.handle(appScheme, (request) =>
    handleAppRequest(request, {
      rendererDir: paths.rendererDir,
      pdfjsDir: paths.pdfjsDir,
      jobs,
      readFile: (p) => readFile(p),
      pdfHarness,
    }),
  );

  // The updater's messages to and from the core (本局设置 → 软件更新): the feed location, the state, checks on demand.
  let updates: Updates | null = null;
  const wire = createShellUpdateWire((message) => state.core?.post(message) ?? false, log);
  const core = startCoreProcess({
    fork: () =>
      utilityProcess.fork(paths.coreUtility, [], {
        serviceName: '案卷核心',
        execArgv: coreNodeFlags.flags, // the same Node flags as the web host's core: see the file
        env: { ...process.env, ...keyEnv, ANJUAN_DATA_DIR: dataDir },
        stdio: 'inherit',
      }),
    log,
    onPdfRender: (request) => pdf.handle(request),
    onCoreMessage: (message) => wire.deliver(message),
    onStarted: () => {
      if (updates) wire.pushStatus(updates.status());
    }, // a restarted core knows nothing yet
  });
  state.core = core;

  registerIpc(ipcMain, {
    appOrigin,
    core,
    print: (request) =>
      printPdf(request, {
        createWindow: () => new BrowserWindow(printWindowOptions()),
        jobs,
        origin: printOrigin,
        log,
      }),
    log,
    // Evidence files in: the system dialog here, the file read by the core process (uploads.ts).
    uploads: createUploads({
      choose: async (title, filter) => {
        const owner = state.window;
        const options = {
          title,
          properties: ['openFile' as const],
          filters: [filter, { name: '所有文件', extensions: ['*'] }],
        };
        const r = owner ? await dialog.showOpenDialog(owner, options) : await dialog.showOpenDialog(options);
        const path = r.canceled ? undefined : r.filePaths[0];
        return path ? { path, size: (await stat(path)).size } : null;
      },
      upload: (path, meta, token, timeoutMs) => core.uploadFile(path, meta, token, timeoutMs),
    }),
  });

  Menu.setApplicationMenu(
    Menu.buildFromTemplate(
      menuTemplate({
        isPackaged: app.isPackaged,
        onAbout: () =>
          void dialog.showMessageBox({
            type: 'info',
            title: '关于案卷',
            message: `案卷 ${app.getVersion()}`,
            detail: `数据目录：${dataDir}`,
          }),
      }),
    ),
  );

  const win = createMainWindow((options) => new BrowserWindow(options), paths.preload, appEntryUrl, log);
  state.window = win;
  // This version works once the page has loaded and the core has answered (launchGuard.ts).
  const pageLoaded = new Promise<void>((resolve) => win.webContents.once('did-finish-load', () => resolve()));
  const coreAnswered = core.request({ op: 'app.info', input: {}, token: null }, 60_000).then((r) => {
    if (!r.ok) throw new Error(r.error.message);
  });
  const started = Promise.all([pageLoaded, coreAnswered]).then(() => {
    if (!state.launch) return;
    try {
      state.launch.store.write(launchSucceeded(state.launch.state));
    } catch (e) {
      log(`无法记录本次启动：${String(e)}`);
    }
  });
  started.catch((e: unknown) => log(`本次启动未完成：${String(e)}`));
  // The release job's self-test of the packaged app (smokeTest.ts): report, then quit.
  const smokeReport = process.env.ANJUAN_SMOKE_TEST;
  if (smokeReport) {
    void started
      .then(() =>
        runSmokeTest({
          request: (e, ms) => core.request(e, ms),
          version: app.getVersion(),
          versions: { ...process.versions },
        }),
      )
      .catch((e: unknown) => ({
        ok: false,
        version: app.getVersion(),
        versions: {},
        steps: [{ step: 'start', ok: false, detail: String(e) }],
      }))
      .then((report) => {
        writeFileSync(smokeReport, `${JSON.stringify(report, null, 2)}\n`);
        // The core closes SQLite first; app.exit then skips 'will-quit' and sets the status the job reads.
        state.pdf?.close();
        void core.stop().finally(() => app.exit(report.ok ? 0 : 1));
      });
  }
  // The hidden PDF window would otherwise keep 'window-all-closed' from firing: the app would not quit.
  win.on('closed', () => {
    state.window = null;
    pdf.close();
  });

  const key = feedKey(app.getAppPath());
  if (key) log(`更新签名公钥 ${keyFingerprint(key)}`);
  const gate = new FeedGate({ publicKey: key, log });
  state.gate = gate;
  const launch = state.launch?.state ?? null;
  const advice = launch ? rollbackAdvice(launch, { platform: process.platform, arch: process.arch, feed: null }) : null;
  if (advice) {
    log(advice);
    // After the window: the advice names the update folder the bureau set, when the core tells it in time.
    void wire
      .askSource(5_000)
      .then((feed) => {
        const text = launch
          ? (rollbackAdvice(launch, { platform: process.platform, arch: process.arch, feed }) ?? advice)
          : advice;
        return dialog.showMessageBox({
          type: 'warning',
          title: '新版本未能正常启动',
          message: '新版本未能正常启动',
          detail: text,
        });
      })
      .catch((e: unknown) => log(`无法显示提示：${String(e)}`));
  }
  updates = startUpdater({
    updater: autoUpdater,
    gate,
    isPackaged: app.isPackaged,
    version: app.getVersion(),
    envSource: process.env.ANJUAN_UPDATE_URL?.trim() || null,
    configuredSource: () => wire.askSource(),
    launch: {
      previousVersion: launch?.previousVersion ?? null,
      failedStarts: launch ? failedStarts(launch) : 0,
      rollbackAdvice: advice,
    },
    signatureCheck: key !== null,
    log,
    onStatus: (status) => wire.pushStatus(status),
    onDownloaded: (version) => {
      if (!state.window) return;
      void dialog.showMessageBox(state.window, {
        type: 'info',
        title: '软件更新',
        message: `新版本 ${version} 已下载`,
        detail: '将在退出案卷后自动安装。',
      });
    },
    setInterval: (fn, ms) => setInterval(fn, ms),
    clearInterval: (handle) => clearInterval(handle as NodeJS.Timeout),
  });
  const running = updates;
  wire.setChecker(() => running.check());
}

function main(): void {
  // Before 'ready': the scheme's privileges, and the sandbox for every renderer whatever its options.
  protocol.registerSchemesAsPrivileged([appSchemePrivileges]);
  app.enableSandbox();

  // One workstation, one SQLite writer: a second start focuses the running window instead.
  if (!app.requestSingleInstanceLock()) {
    app.quit();
    return;
  }
  const state: ShellState = { window: null, core: null, pdf: null, gate: null, launch: null };
  // Before anything else can fail: this start of this version is recorded (launchGuard.ts), so that an
  // update that never reaches a working window is noticed at the next start.
  try {
    const store = launchStore(app.getPath('userData'));
    state.launch = { store, state: beginLaunch(store.read(), app.getVersion()) };
    store.write(state.launch.state);
  } catch (e) {
    log(`无法记录本次启动：${String(e)}`);
  }
  let coreStopped = false;

  app.on('second-instance', () => {
    const w = state.window;
    if (!w) return;
    if (w.isMinimized()) w.restore();
    w.focus();
  });
  // Every webContents — the main window, the print window, anything created later — gets the guards.
  app.on('web-contents-created', (_event, wc) => {
    hardenWebContents(wc, {
      appOrigins: [appOrigin, printOrigin],
      externalHosts,
      openExternal: (url) => shell.openExternal(url),
      log,
    });
  });
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', (event) => {
    state.pdf?.close();
    void state.gate?.close();
    // Let the core close SQLite cleanly (WAL checkpoint) before the process goes.
    if (coreStopped || !state.core) return;
    event.preventDefault();
    coreStopped = true;
    void state.core.stop().finally(() => app.quit());
  });

  app
    .whenReady()
    .then(() => onReady(state))
    .catch((e: unknown) => {
      dialog.showErrorBox('案卷无法启动', e instanceof Error ? e.message : String(e));
      app.exit(1);
    });
}

main();
