/**
 * The wiring of main.ts against a stand-in Electron (the binary is not available here): what is
 * registered before 'ready', what starts on 'ready', with which paths and options.
 */
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { printChannel, sendChannel } from '../../preload/channels.js';

const fake = vi.hoisted(() => {
  type Listener = (...args: unknown[]) => unknown;
  const state = {
    lock: true,
    packaged: false,
    appListeners: new Map<string, Listener>(),
    windows: [] as { options: unknown; url?: string; instance: BrowserWindow }[],
    forks: [] as { path: string; args: unknown; options: { env: Record<string, string> }; received: unknown[]; exit?: Listener; message?: Listener }[],
    ipc: new Map<string, Listener>(),
    calls: [] as string[],
    menu: null as unknown,
    protocolHandlers: new Map<string, Listener>(),
  };
  class BrowserWindow {
    readonly listeners = new Map<string, Listener>();
    destroyed = false;
    readonly webContents = {
      isCrashed: () => false,
      executeJavaScript: async (code: string) => (code === 'typeof window.anjuanRender' ? 'function' : 1),
      printToPDF: async () => new Uint8Array(Buffer.from('%PDF-1.7')),
    };
    constructor(readonly options: unknown) { state.windows.push({ options, instance: this }); }
    once(e: string, l: Listener) { this.listeners.set(e, l); }
    on(e: string, l: Listener) { this.listeners.set(e, l); }
    show() {}
    isDestroyed() { return this.destroyed; }
    destroy() { this.destroyed = true; }
    async loadURL(url: string) { state.windows.find((w) => w.instance === this)!.url = url; }
  }
  const app = {
    get isPackaged() { return state.packaged; },
    requestSingleInstanceLock: () => { state.calls.push('lock'); return state.lock; },
    enableSandbox: () => { state.calls.push('enableSandbox'); },
    quit: () => { state.calls.push('quit'); },
    exit: () => { state.calls.push('exit'); },
    on: (e: string, l: Listener) => { state.appListeners.set(e, l); },
    whenReady: () => { state.calls.push('whenReady'); return Promise.resolve(); },
    getAppPath: () => '/opt/anjuan',
    getPath: (name: string) => (name === 'userData' ? '/home/u/.config/案卷' : '/tmp'),
    getVersion: () => '0.1.0',
  };
  const session = {
    defaultSession: {
      webRequest: { onHeadersReceived: () => { state.calls.push('csp'); } },
      setPermissionRequestHandler: () => { state.calls.push('permissions'); },
      setPermissionCheckHandler: () => {},
      setDevicePermissionHandler: () => {},
    },
  };
  const electron = {
    app, BrowserWindow, session,
    dialog: { showMessageBox: async () => ({}), showErrorBox: () => { state.calls.push('errorBox'); } },
    ipcMain: { handle: (channel: string, l: Listener) => { state.ipc.set(channel, l); } },
    Menu: { buildFromTemplate: (t: unknown) => t, setApplicationMenu: (m: unknown) => { state.menu = m; } },
    protocol: {
      registerSchemesAsPrivileged: (s: unknown) => { state.calls.push(`schemes:${JSON.stringify(s)}`); },
      handle: (scheme: string, l: Listener) => { state.protocolHandlers.set(scheme, l); },
    },
    shell: { openExternal: async () => {} },
    utilityProcess: {
      fork: (path: string, args: unknown, options: { env: Record<string, string> }) => {
        const child = { path, args, options, received: [] as unknown[], exit: undefined as Listener | undefined, message: undefined as Listener | undefined };
        state.forks.push(child);
        return {
          on: (e: string, l: Listener) => { if (e === 'exit') child.exit = l; else child.message = l; },
          postMessage: (m: unknown) => { child.received.push(m); if ((m as { shutdown?: boolean }).shutdown) queueMicrotask(() => child.exit?.(0)); },
          kill: () => true,
        };
      },
    },
  };
  const updater = { autoDownload: false, autoInstallOnAppQuit: false, on: () => {}, setFeedURL: () => {}, checkForUpdates: async () => null };
  return { state, electron, updater };
});

vi.mock('electron', () => fake.electron);
vi.mock('electron-updater', () => ({ autoUpdater: fake.updater }));

async function startMain(): Promise<void> {
  vi.resetModules();
  await import('./main.js');
  await new Promise((r) => setTimeout(r, 0)); // let whenReady().then(onReady) run
}

beforeEach(() => {
  const s = fake.state;
  s.lock = true; s.packaged = false; s.calls = []; s.windows = []; s.forks = []; s.menu = null;
  s.appListeners.clear(); s.ipc.clear(); s.protocolHandlers.clear();
  vi.spyOn(console, 'error').mockImplementation(() => {});
  delete process.env.ANJUAN_DATA_DIR;
});
afterEach(() => { vi.restoreAllMocks(); });

describe('main.ts wiring', () => {
  it('before ready: privileged app scheme, sandbox for all, single-instance lock', async () => {
    await startMain();
    const calls = fake.state.calls;
    expect(calls.slice(0, 3)).toEqual([expect.stringMatching(/^schemes:.*"scheme":"app".*"standard":true.*"secure":true/), 'enableSandbox', 'lock']);
    expect(calls.join()).not.toMatch(/bypassCSP/);
  });

  it('on ready: hardens the session, serves app:, forks the core with the data dir, registers IPC, opens the window', async () => {
    await startMain();
    const s = fake.state;
    expect(s.calls).toEqual(expect.arrayContaining(['csp', 'permissions']));
    expect([...s.protocolHandlers.keys()]).toEqual(['app']);
    expect(s.forks).toHaveLength(1);
    expect(s.forks[0]!.path).toBe(join('/opt/anjuan', 'dist', 'core', 'utility.cjs'));
    expect(s.forks[0]!.options.env.ANJUAN_DATA_DIR).toBe('/home/u/.config/案卷');
    expect([...s.ipc.keys()].sort()).toEqual([printChannel, sendChannel].sort());
    expect(s.windows).toHaveLength(1);
    expect(s.windows[0]!.url).toBe('app://anjuan/index.html');
    expect(s.windows[0]!.options).toMatchObject({ webPreferences: { preload: join('/opt/anjuan', 'dist', 'preload', 'index.cjs'), sandbox: true, contextIsolation: true, nodeIntegration: false } });
    expect(JSON.stringify(s.menu)).toContain('toggleDevTools');
    for (const e of ['web-contents-created', 'second-instance', 'window-all-closed', 'will-quit']) expect(s.appListeners.has(e), e).toBe(true);
  });

  it('ANJUAN_DATA_DIR overrides the user-data folder', async () => {
    process.env.ANJUAN_DATA_DIR = '/data/anjuan';
    await startMain();
    expect(fake.state.forks[0]!.options.env.ANJUAN_DATA_DIR).toBe('/data/anjuan');
  });

  it('an installed app has no developer tools in its menu', async () => {
    fake.state.packaged = true;
    await startMain();
    expect(JSON.stringify(fake.state.menu)).not.toContain('toggleDevTools');
  });

  it('a second instance quits at once, before touching data', async () => {
    fake.state.lock = false;
    await startMain();
    expect(fake.state.calls).toContain('quit');
    expect(fake.state.calls).not.toContain('whenReady');
    expect(fake.state.forks).toHaveLength(0);
  });

  it('answers IPC end to end: a foreign sender is refused, the app page reaches the core', async () => {
    await startMain();
    const send = fake.state.ipc.get(sendChannel)!;
    await expect(Promise.resolve(send({ senderFrame: { url: 'https://evil.example/', parent: null } }, { op: 'app.info', input: {} }))).rejects.toThrow();
    const reply = send({ senderFrame: { url: 'app://anjuan/index.html', parent: null } }, { op: 'app.info', input: {} }) as Promise<unknown>;
    const child = fake.state.forks[0]!;
    const msg = child.received.find((m) => (m as { envelope?: unknown }).envelope) as { id: number };
    expect(msg).toMatchObject({ envelope: { op: 'app.info', input: {}, token: null } });
    child.message!({ id: msg.id, reply: { ok: true, value: { bureau: '黔东南州生态环境局' } } });
    expect(await reply).toEqual({ ok: true, value: { bureau: '黔东南州生态环境局' } });
  });

  it('on quit: asks the core to shut down first, then quits', async () => {
    await startMain();
    const prevent = vi.fn();
    fake.state.appListeners.get('will-quit')!({ preventDefault: prevent });
    expect(prevent).toHaveBeenCalled();
    expect(fake.state.forks[0]!.received).toContainEqual({ shutdown: true });
    await vi.waitFor(() => expect(fake.state.calls).toContain('quit'));
  });

  it('hardens every webContents created later', async () => {
    await startMain();
    const handlers: string[] = [];
    const wc = { getURL: () => 'app://anjuan/index.html', on: (e: string) => { handlers.push(e); }, setWindowOpenHandler: () => { handlers.push('windowOpen'); } };
    fake.state.appListeners.get('web-contents-created')!({}, wc);
    expect(handlers.sort()).toEqual(['will-attach-webview', 'will-navigate', 'will-redirect', 'windowOpen']);
  });

  it('prints the core\'s PDFs from a hidden harness window, destroyed when the main window closes', async () => {
    await startMain();
    const s = fake.state;
    const child = s.forks[0]!;
    child.message!({ pdfRender: { id: 1, fontsDir: '/tmp/fonts', job: null } });
    await vi.waitFor(() => expect(child.received).toContainEqual({ pdfRendered: { id: 1, ok: true } }));
    expect(s.windows).toHaveLength(2);
    const pdfWindow = s.windows[1]!;
    expect(pdfWindow.url).toBe('app://pdf/harness.html');
    expect(pdfWindow.options).toMatchObject({ show: false, webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false } });
    expect(pdfWindow.options).not.toHaveProperty('webPreferences.preload');
    // The same app: handler serves the harness page.
    const page = await (s.protocolHandlers.get('app')!({ url: 'app://pdf/harness.html', method: 'GET' }) as Promise<Response>);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('harness.js');

    s.windows[0]!.instance.listeners.get('closed')!();
    expect(pdfWindow.instance.destroyed).toBe(true);
    child.message!({ pdfRender: { id: 2, fontsDir: '/tmp/fonts', job: null } });
    await vi.waitFor(() => expect(child.received).toContainEqual({ pdfRendered: { id: 2, ok: false, message: '程序正在退出' } }));
    expect(s.windows).toHaveLength(2);
  });

  it('destroys the hidden PDF window on quit', async () => {
    await startMain();
    const child = fake.state.forks[0]!;
    child.message!({ pdfRender: { id: 1, fontsDir: '/tmp/fonts', job: null } });
    await vi.waitFor(() => expect(fake.state.windows).toHaveLength(2));
    await vi.waitFor(() => expect(child.received).toContainEqual({ pdfRendered: { id: 1, ok: true } }));
    fake.state.appListeners.get('will-quit')!({ preventDefault: () => {} });
    expect(fake.state.windows[1]!.instance.destroyed).toBe(true);
  });
});
