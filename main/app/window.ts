/**
 * The main window: the renderer from app://anjuan with the checklist's defaults spelled out
 * (even where they are Electron's defaults today, so a changed default cannot loosen them).
 */
import type { BrowserWindowConstructorOptions } from 'electron';

export function mainWindowOptions(preload: string): BrowserWindowConstructorOptions {
  return {
    width: 1440,
    height: 900,
    minWidth: 1024,
    minHeight: 680,
    show: false, // shown on ready-to-show: no white flash
    title: '案卷',
    backgroundColor: '#ffffff',
    webPreferences: {
      preload,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      experimentalFeatures: false,
      navigateOnDragDrop: false,
      safeDialogs: true,
      spellcheck: false,
    },
  };
}

export interface MainWindowLike {
  once(event: 'ready-to-show', listener: () => void): unknown;
  show(): void;
  loadURL(url: string): Promise<void>;
}

export function createMainWindow<W extends MainWindowLike>(
  make: (options: BrowserWindowConstructorOptions) => W,
  preload: string,
  url: string,
  log: (message: string) => void,
): W {
  const win = make(mainWindowOptions(preload));
  win.once('ready-to-show', () => win.show());
  win.loadURL(url).catch((e: unknown) => log(`无法加载界面：${String(e)}`));
  return win;
}
