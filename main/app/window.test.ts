import { describe, expect, it, vi } from 'vitest';
import { createMainWindow, mainWindowOptions, type MainWindowLike } from './window.js';

/**
 * What the window must get, written out here rather than taken from window.ts: a test comparing
 * mainWindowOptions() with itself passes whatever the options say.
 */
const expectedWebPreferences = (preload: string) => ({
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
});

describe('mainWindowOptions', () => {
  it('spells out the secure defaults and the preload, and nothing else in webPreferences', () => {
    const o = mainWindowOptions('/app/dist/preload/index.cjs');
    expect(o.show).toBe(false);
    // toEqual, not objectContaining: an added key (enableBlinkFeatures, a partition…) fails here.
    expect(o.webPreferences).toEqual(expectedWebPreferences('/app/dist/preload/index.cjs'));
  });
});

describe('createMainWindow', () => {
  it('loads the app URL and shows the window only when ready', async () => {
    let ready: (() => void) | undefined;
    const win: MainWindowLike & { shown: boolean } = {
      shown: false,
      once: (_e, l) => {
        ready = l;
      },
      show() {
        this.shown = true;
      },
      loadURL: vi.fn(async () => {}),
    };
    const make = vi.fn(() => win);
    expect(createMainWindow(make, '/p.cjs', 'app://anjuan/index.html', () => {})).toBe(win);
    expect(make).toHaveBeenCalledTimes(1);
    expect(make).toHaveBeenCalledWith(
      expect.objectContaining({ show: false, webPreferences: expectedWebPreferences('/p.cjs') }),
    );
    expect(win.loadURL).toHaveBeenCalledWith('app://anjuan/index.html');
    expect(win.shown).toBe(false);
    ready!();
    expect(win.shown).toBe(true);
  });

  it('logs a failed load instead of an unhandled rejection', async () => {
    const log = vi.fn();
    createMainWindow(
      () => ({
        once: () => {},
        show: () => {},
        loadURL: async () => {
          throw new Error('ERR_FILE_NOT_FOUND');
        },
      }),
      '/p',
      'app://anjuan/index.html',
      log,
    );
    await vi.waitFor(() => expect(log).toHaveBeenCalledWith(expect.stringContaining('ERR_FILE_NOT_FOUND')));
  });
});
