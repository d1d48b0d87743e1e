import { describe, expect, it, vi } from 'vitest';
import { createMainWindow, mainWindowOptions, type MainWindowLike } from './window.js';

describe('mainWindowOptions', () => {
  it('spells out the secure defaults and the preload', () => {
    const o = mainWindowOptions('/app/dist/preload/index.cjs');
    expect(o.show).toBe(false);
    expect(o.webPreferences).toEqual(expect.objectContaining({
      preload: '/app/dist/preload/index.cjs',
      contextIsolation: true, sandbox: true, nodeIntegration: false, nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false, webSecurity: true, allowRunningInsecureContent: false,
      webviewTag: false, experimentalFeatures: false,
    }));
    expect(o.webPreferences).not.toHaveProperty('enableBlinkFeatures');
  });
});

describe('createMainWindow', () => {
  it('loads the app URL and shows the window only when ready', async () => {
    let ready: (() => void) | undefined;
    const win: MainWindowLike & { shown: boolean } = {
      shown: false,
      once: (_e, l) => { ready = l; },
      show() { this.shown = true; },
      loadURL: vi.fn(async () => {}),
    };
    const make = vi.fn(() => win);
    expect(createMainWindow(make, '/p.cjs', 'app://anjuan/index.html', () => {})).toBe(win);
    expect(make).toHaveBeenCalledWith(mainWindowOptions('/p.cjs'));
    expect(win.loadURL).toHaveBeenCalledWith('app://anjuan/index.html');
    expect(win.shown).toBe(false);
    ready!();
    expect(win.shown).toBe(true);
  });

  it('logs a failed load instead of an unhandled rejection', async () => {
    const log = vi.fn();
    createMainWindow(() => ({ once: () => {}, show: () => {}, loadURL: async () => { throw new Error('ERR_FILE_NOT_FOUND'); } }), '/p', 'app://anjuan/index.html', log);
    await vi.waitFor(() => expect(log).toHaveBeenCalledWith(expect.stringContaining('ERR_FILE_NOT_FOUND')));
  });
});
