/**
 * The Electron shell's entry (dist/app/main.cjs). Wiring only: each concern lives in its own file
 * with its own test — security.ts, protocol.ts, window.ts, ipc.ts, coreProcess.ts, print.ts,
 * pdfRenderer.ts, updater.ts, menu.ts. This is the one file of main/app that imports Electron at run time.
 */
import { app, BrowserWindow, dialog, ipcMain, Menu, protocol, session, shell, utilityProcess } from 'electron';
import { autoUpdater } from 'electron-updater';
import { readFile } from 'node:fs/promises';
import { startCoreProcess, type CoreProcess } from './coreProcess.js';
import { registerIpc } from './ipc.js';
import { menuTemplate } from './menu.js';
import { appPaths, dataDirFor } from './paths.js';
import { pdfHarnessFiles, PdfRenderer, pdfWindowOptions } from './pdfRenderer.js';
import { printPdf, printWindowOptions } from './print.js';
import { PrintJobs } from './printPage.js';
import { appEntryUrl, appOrigin, appScheme, appSchemePrivileges, handleAppRequest, pdfHarnessUrl, printOrigin } from './protocol.js';
import { hardenSession, hardenWebContents } from './security.js';
import { feedUrlFrom, startUpdater } from './updater.js';
import { createMainWindow } from './window.js';
import coreNodeFlags from '../../resources/core-node-flags.json' with { type: 'json' };

/** Links that may open in the system browser (https only). Empty: the workstation works offline. */
const externalHosts: readonly string[] = [];

const log = (message: string): void => console.error(`[案卷] ${message}`);

interface ShellState { window: BrowserWindow | null; core: CoreProcess | null; pdf: PdfRenderer | null }

function onReady(state: ShellState): void {
  const paths = appPaths(app.getAppPath());
  const dataDir = dataDirFor(process.env, app.getPath('userData'));
  hardenSession(session.defaultSession, log);

  const jobs = new PrintJobs();
  // The 'electron' PDF engine: the core's DOCX printed from a hidden window of the harness page.
  const pdf = new PdfRenderer({ createWindow: () => new BrowserWindow(pdfWindowOptions()), url: pdfHarnessUrl, log });
  state.pdf = pdf;
  const pdfHarness = pdfHarnessFiles(app.getAppPath(), pdf);
  protocol.handle(appScheme, (request) =>
    handleAppRequest(request, { rendererDir: paths.rendererDir, pdfjsDir: paths.pdfjsDir, jobs, readFile: (p) => readFile(p), pdfHarness }));

  const core = startCoreProcess({
    fork: () => utilityProcess.fork(paths.coreUtility, [], {
      serviceName: '案卷核心',
      execArgv: coreNodeFlags.flags, // the same Node flags as the web host's core: see the file
      env: { ...process.env, ANJUAN_DATA_DIR: dataDir },
      stdio: 'inherit',
    }),
    log,
    onPdfRender: (request) => pdf.handle(request),
  });
  state.core = core;

  registerIpc(ipcMain, {
    appOrigin,
    core,
    print: (request) => printPdf(request, { createWindow: () => new BrowserWindow(printWindowOptions()), jobs, origin: printOrigin, log }),
    log,
  });

  Menu.setApplicationMenu(Menu.buildFromTemplate(menuTemplate({
    isPackaged: app.isPackaged,
    onAbout: () => void dialog.showMessageBox({ type: 'info', title: '关于案卷', message: `案卷 ${app.getVersion()}`, detail: `数据目录：${dataDir}` }),
  })));

  const win = createMainWindow((options) => new BrowserWindow(options), paths.preload, appEntryUrl, log);
  state.window = win;
  // The hidden PDF window would otherwise keep 'window-all-closed' from firing: the app would not quit.
  win.on('closed', () => { state.window = null; pdf.close(); });

  startUpdater({
    updater: autoUpdater,
    isPackaged: app.isPackaged,
    feedUrl: feedUrlFrom(process.env),
    log,
    onDownloaded: (version) => {
      if (!state.window) return;
      void dialog.showMessageBox(state.window, { type: 'info', title: '软件更新', message: `新版本 ${version} 已下载`, detail: '将在退出案卷后自动安装。' });
    },
    setInterval: (fn, ms) => setInterval(fn, ms),
    clearInterval: (handle) => clearInterval(handle as NodeJS.Timeout),
  });
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
  const state: ShellState = { window: null, core: null, pdf: null };
  let coreStopped = false;

  app.on('second-instance', () => {
    const w = state.window;
    if (!w) return;
    if (w.isMinimized()) w.restore();
    w.focus();
  });
  // Every webContents — the main window, the print window, anything created later — gets the guards.
  app.on('web-contents-created', (_event, wc) => {
    hardenWebContents(wc, { appOrigins: [appOrigin, printOrigin], externalHosts, openExternal: (url) => shell.openExternal(url), log });
  });
  app.on('window-all-closed', () => app.quit());
  app.on('will-quit', (event) => {
    state.pdf?.close();
    // Let the core close SQLite cleanly (WAL checkpoint) before the process goes.
    if (coreStopped || !state.core) return;
    event.preventDefault();
    coreStopped = true;
    void state.core.stop().finally(() => app.quit());
  });

  app.whenReady().then(() => onReady(state)).catch((e: unknown) => {
    dialog.showErrorBox('案卷无法启动', e instanceof Error ? e.message : String(e));
    app.exit(1);
  });
}

main();
