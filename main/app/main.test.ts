/**
 * The wiring of main.ts against a stand-in Electron (the binary is not available here): what is
 * registered before 'ready', what starts on 'ready', with which paths and options.
 */
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { fileChannel, pickFileChannel, printChannel, sendChannel, uploadChannel } from '../../preload/channels.js';

const fake = vi.hoisted(() => {
  type Listener = (...args: unknown[]) => unknown;
  const state = {
    lock: true,
    packaged: false,
    appListeners: new Map<string, Listener>(),
    windows: [] as { options: unknown; url?: string; instance: BrowserWindow }[],
    forks: [] as {
      path: string;
      args: unknown;
      options: { env: Record<string, string> };
      received: unknown[];
      exit?: Listener;
      message?: Listener;
    }[],
    ipc: new Map<string, Listener>(),
    calls: [] as string[],
    menu: null as unknown,
    protocolHandlers: new Map<string, Listener>(),
    userData: '/home/u/.config/案卷',
    version: '0.1.0',
    dialogs: [] as unknown[],
    exitCode: null as number | null,
  };
  class BrowserWindow {
    readonly listeners = new Map<string, Listener>();
    destroyed = false;
    readonly webContents = {
      loadListeners: [] as Listener[],
      once(e: string, l: Listener) {
        if (e === 'did-finish-load') this.loadListeners.push(l);
      },
      isCrashed: () => false,
      executeJavaScript: async (code: string) => (code === 'typeof window.anjuanRender' ? 'function' : 1),
      printToPDF: async () => new Uint8Array(Buffer.from('%PDF-1.7')),
    };
    constructor(readonly options: unknown) {
      state.windows.push({ options, instance: this });
    }
    once(e: string, l: Listener) {
      this.listeners.set(e, l);
    }
    on(e: string, l: Listener) {
      this.listeners.set(e, l);
    }
    show() {}
    isDestroyed() {
      return this.destroyed;
    }
    destroy() {
      this.destroyed = true;
    }
    async loadURL(url: string) {
      state.windows.find((w) => w.instance === this)!.url = url;
    }
  }
  const app = {
    get isPackaged() {
      return state.packaged;
    },
    requestSingleInstanceLock: () => {
      state.calls.push('lock');
      return state.lock;
    },
    enableSandbox: () => {
      state.calls.push('enableSandbox');
    },
    quit: () => {
      state.calls.push('quit');
    },
    exit: (code?: number) => {
      state.calls.push('exit');
      state.exitCode = code ?? 0;
    },
    on: (e: string, l: Listener) => {
      state.appListeners.set(e, l);
    },
    whenReady: () => {
      state.calls.push('whenReady');
      return Promise.resolve();
    },
    getAppPath: () => '/opt/anjuan',
    getPath: (name: string) => (name === 'userData' ? state.userData : '/tmp'),
    getVersion: () => state.version,
  };
  const session = {
    defaultSession: {
      webRequest: {
        onHeadersReceived: () => {
          state.calls.push('csp');
        },
      },
      setPermissionRequestHandler: () => {
        state.calls.push('permissions');
      },
      setPermissionCheckHandler: () => {},
      setDevicePermissionHandler: () => {},
    },
  };
  const electron = {
    app,
    BrowserWindow,
    session,
    dialog: {
      showMessageBox: async (...args: unknown[]) => {
        state.dialogs.push(args.at(-1));
        return {};
      },
      showErrorBox: () => {
        state.calls.push('errorBox');
      },
    },
    ipcMain: {
      handle: (channel: string, l: Listener) => {
        state.ipc.set(channel, l);
      },
    },
    Menu: {
      buildFromTemplate: (t: unknown) => t,
      setApplicationMenu: (m: unknown) => {
        state.menu = m;
      },
    },
    protocol: {
      registerSchemesAsPrivileged: (s: unknown) => {
        state.calls.push(`schemes:${JSON.stringify(s)}`);
      },
      handle: (scheme: string, l: Listener) => {
        state.protocolHandlers.set(scheme, l);
      },
    },
    shell: { openExternal: async () => {} },
    // The OS keychain (main/app/dbKey.ts): "wraps" by reversing, which is enough to see the key pass.
    safeStorage: {
      isAsyncEncryptionAvailable: async () => true,
      getSelectedStorageBackend: () => 'gnome_libsecret',
      encryptStringAsync: async (s: string) => Buffer.from([...s].reverse().join('')),
      decryptStringAsync: async (b: Buffer) => ({ result: [...b.toString()].reverse().join('') }),
    },
    utilityProcess: {
      fork: (path: string, args: unknown, options: { env: Record<string, string> }) => {
        const child = {
          path,
          args,
          options,
          received: [] as unknown[],
          exit: undefined as Listener | undefined,
          message: undefined as Listener | undefined,
        };
        state.forks.push(child);
        return {
          on: (e: string, l: Listener) => {
            if (e === 'exit') child.exit = l;
            else child.message = l;
          },
          postMessage: (m: unknown) => {
            child.received.push(m);
            if ((m as { shutdown?: boolean }).shutdown) queueMicrotask(() => child.exit?.(0));
          },
          kill: () => true,
        };
      },
    },
  };
  const updater = {
    autoDownload: false,
    autoInstallOnAppQuit: false,
    allowDowngrade: true,
    disableDifferentialDownload: false,
    feeds: [] as unknown[],
    checks: 0,
    on: () => {},
    setFeedURL: (o: unknown) => {
      updater.feeds.push(o);
    },
    checkForUpdates: async () => {
      updater.checks++;
      return null;
    },
  };
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
  s.lock = true;
  s.packaged = false;
  s.calls = [];
  s.windows = [];
  s.forks = [];
  s.menu = null;
  s.appListeners.clear();
  s.ipc.clear();
  s.protocolHandlers.clear();
  s.userData = mkdtempSync(join(tmpdir(), 'anjuan-userdata-'));
  s.version = '0.1.0';
  s.dialogs = [];
  s.exitCode = null;
  delete process.env.ANJUAN_SMOKE_TEST;
  fake.updater.feeds = [];
  fake.updater.checks = 0;
  vi.spyOn(console, 'error').mockImplementation(() => {});
  delete process.env.ANJUAN_DATA_DIR;
});
afterEach(() => {
  vi.restoreAllMocks();
  // Workers run file after file in one process: the next file must not start the shell's smoke test or use this folder.
  delete process.env.ANJUAN_SMOKE_TEST;
  delete process.env.ANJUAN_DATA_DIR;
});

describe('main.ts wiring', () => {
  it('before ready: privileged app scheme, sandbox for all, single-instance lock', async () => {
    await startMain();
    const calls = fake.state.calls;
    expect(calls.slice(0, 3)).toEqual([
      expect.stringMatching(/^schemes:.*"scheme":"app".*"standard":true.*"secure":true/),
      'enableSandbox',
      'lock',
    ]);
    expect(calls.join()).not.toMatch(/bypassCSP/);
  });

  it('on ready: hardens the session, serves app:, forks the core with the data dir, registers IPC, opens the window', async () => {
    await startMain();
    const s = fake.state;
    expect(s.calls).toEqual(expect.arrayContaining(['csp', 'permissions']));
    expect([...s.protocolHandlers.keys()]).toEqual(['app']);
    expect(s.forks).toHaveLength(1);
    expect(s.forks[0]!.path).toBe(join('/opt/anjuan', 'dist', 'core', 'utility.cjs'));
    expect(s.forks[0]!.options.env.ANJUAN_DATA_DIR).toBe(s.userData);
    // Encryption at rest: the database key, unwrapped by the OS keychain, reaches the core's process only.
    expect(s.forks[0]!.options.env.ANJUAN_DB_KEY).toMatch(/^[0-9a-f]{64}$/);
    expect(s.forks[0]!.options.env.ANJUAN_DB_KEY_SOURCE).toBe('os-keychain');
    expect(process.env.ANJUAN_DB_KEY).toBeUndefined();
    expect([...s.ipc.keys()].sort()).toEqual(
      [fileChannel, pickFileChannel, printChannel, sendChannel, uploadChannel].sort(),
    );
    expect(s.windows).toHaveLength(1);
    expect(s.windows[0]!.url).toBe('app://anjuan/index.html');
    expect(s.windows[0]!.options).toMatchObject({
      webPreferences: {
        preload: join('/opt/anjuan', 'dist', 'preload', 'index.cjs'),
        sandbox: true,
        contextIsolation: true,
        nodeIntegration: false,
      },
    });
    expect(JSON.stringify(s.menu)).toContain('toggleDevTools');
    for (const e of ['web-contents-created', 'second-instance', 'window-all-closed', 'will-quit'])
      expect(s.appListeners.has(e), e).toBe(true);
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
    await expect(
      Promise.resolve(
        send({ senderFrame: { url: 'https://evil.example/', parent: null } }, { op: 'app.info', input: {} }),
      ),
    ).rejects.toThrow();
    const reply = send(
      { senderFrame: { url: 'app://anjuan/index.html', parent: null } },
      { op: 'app.info', input: {} },
    ) as Promise<unknown>;
    const child = fake.state.forks[0]!;
    // The last envelope: the shell's own app.info at start (launchGuard.ts) comes first.
    const msg = child.received.filter((m) => (m as { envelope?: unknown }).envelope).at(-1) as { id: number };
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
    const wc = {
      getURL: () => 'app://anjuan/index.html',
      on: (e: string) => {
        handlers.push(e);
      },
      setWindowOpenHandler: () => {
        handlers.push('windowOpen');
      },
    };
    fake.state.appListeners.get('web-contents-created')!({}, wc);
    expect(handlers.sort()).toEqual(['will-attach-webview', 'will-navigate', 'will-redirect', 'windowOpen']);
  });

  it("prints the core's PDFs from a hidden harness window, destroyed when the main window closes", async () => {
    await startMain();
    const s = fake.state;
    const child = s.forks[0]!;
    child.message!({ pdfRender: { id: 1, fontsDir: '/tmp/fonts', job: null } });
    await vi.waitFor(() => expect(child.received).toContainEqual({ pdfRendered: { id: 1, ok: true } }));
    expect(s.windows).toHaveLength(2);
    const pdfWindow = s.windows[1]!;
    expect(pdfWindow.url).toBe('app://pdf/harness.html');
    expect(pdfWindow.options).toMatchObject({
      show: false,
      webPreferences: { sandbox: true, contextIsolation: true, nodeIntegration: false },
    });
    expect(pdfWindow.options).not.toHaveProperty('webPreferences.preload');
    // The same app: handler serves the harness page.
    const page = await (s.protocolHandlers.get('app')!({
      url: 'app://pdf/harness.html',
      method: 'GET',
    }) as Promise<Response>);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('harness.js');

    s.windows[0]!.instance.listeners.get('closed')!();
    expect(pdfWindow.instance.destroyed).toBe(true);
    child.message!({ pdfRender: { id: 2, fontsDir: '/tmp/fonts', job: null } });
    await vi.waitFor(() =>
      expect(child.received).toContainEqual({ pdfRendered: { id: 2, ok: false, message: '程序正在退出' } }),
    );
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

  it('records each start, and marks the version good once the page loaded and the core answered', async () => {
    await startMain();
    const s = fake.state;
    const file = join(s.userData, 'launch-state.json');
    expect(JSON.parse(readFileSync(file, 'utf8'))).toEqual({
      version: '0.1.0',
      goodVersion: null,
      previousVersion: null,
      startsWithoutSuccess: 1,
    });
    const child = s.forks[0]!;
    const info = child.received.find((m) => (m as { envelope?: { op: string } }).envelope?.op === 'app.info') as {
      id: number;
    };
    child.message!({ id: info.id, reply: { ok: true, value: {} } });
    for (const l of s.windows[0]!.instance.webContents.loadListeners) l();
    await vi.waitFor(() =>
      expect(JSON.parse(readFileSync(file, 'utf8'))).toMatchObject({ goodVersion: '0.1.0', startsWithoutSuccess: 0 }),
    );
  });

  it('a second instance does not count as a start', async () => {
    fake.state.lock = false;
    await startMain();
    expect(() => readFileSync(join(fake.state.userData, 'launch-state.json'))).toThrow();
  });

  it("after three failed starts of an update, tells the user how to reinstall the previous version from the bureau's update folder", async () => {
    const s = fake.state;
    s.version = '0.2.0';
    writeFileSync(
      join(s.userData, 'launch-state.json'),
      JSON.stringify({ version: '0.2.0', goodVersion: '0.1.0', previousVersion: '0.1.0', startsWithoutSuccess: 3 }),
    );
    await startMain();
    const child = s.forks[0]!;
    const ask = await vi.waitFor(() => {
      const m = child.received.find((x) => (x as { updateSourceQuery?: unknown }).updateSourceQuery) as {
        updateSourceQuery: { id: number };
      };
      expect(m).toBeDefined();
      return m;
    });
    child.message!({ updateSourceAnswer: { id: ask.updateSourceQuery.id, source: 'E:\\案卷更新' } });
    await vi.waitFor(() =>
      expect(s.dialogs).toContainEqual(
        expect.objectContaining({
          type: 'warning',
          detail: expect.stringContaining('新版本 0.2.0 已连续 3 次未能正常启动'),
        }),
      ),
    );
    const detail = (s.dialogs.find((d) => (d as { type?: string }).type === 'warning') as { detail: string }).detail;
    expect(detail).toContain('E:\\案卷更新');
    expect(detail).toContain(process.platform === 'win32' ? 'anjuan-0.1.0-setup-x64.exe' : 'anjuan-0.1.0-');
  });

  it('an installed app checks for updates through the loopback gate, from the folder set in 本局设置, and answers checks asked by the core', async () => {
    fake.state.packaged = true;
    await startMain();
    const child = fake.state.forks[0]!;
    const answerQueries = () => {
      for (const m of child.received) {
        const q = (m as { updateSourceQuery?: { id: number } }).updateSourceQuery;
        if (q && !(m as { answered?: boolean }).answered) {
          (m as { answered?: boolean }).answered = true;
          child.message!({ updateSourceAnswer: { id: q.id, source: mkdtempSync(join(tmpdir(), 'anjuan-feed-')) } });
        }
      }
    };
    await vi.waitFor(() => {
      answerQueries();
      expect(fake.updater.checks).toBe(1);
    });
    expect(fake.updater.feeds).toEqual([
      { provider: 'generic', url: expect.stringMatching(/^http:\/\/127\.0\.0\.1:\d+\/[0-9a-f]{32}\/$/) },
    ]);
    expect(fake.updater).toMatchObject({ autoDownload: true, autoInstallOnAppQuit: true, allowDowngrade: false });
    // 本局设置 → 立即检查: the core asks, the shell checks and answers with its state.
    child.message!({ updateCheck: { id: 5 } });
    await vi.waitFor(() => {
      answerQueries();
      expect(child.received).toContainEqual({
        updateChecked: {
          id: 5,
          status: expect.objectContaining({ version: '0.1.0', source: expect.stringMatching(/^文件夹 /) }),
        },
      });
    });
    expect(fake.updater.checks).toBe(2);
    expect(child.received).toContainEqual({ updateStatus: expect.objectContaining({ state: expect.any(String) }) });
    fake.state.appListeners.get('will-quit')!({ preventDefault: () => {} });
  });

  it('ANJUAN_SMOKE_TEST: once started, prints with the Electron engine through the core, writes the report and exits with its status', async () => {
    const report = join(fake.state.userData, 'smoke.json');
    process.env.ANJUAN_SMOKE_TEST = report;
    await startMain();
    const s = fake.state;
    const child = s.forks[0]!;
    const answered = new Set<number>();
    const answer = () => {
      for (const m of child.received as { id?: number; envelope?: { op: string } }[]) {
        if (!m.envelope || answered.has(m.id!)) continue;
        answered.add(m.id!);
        const value =
          m.envelope.op === 'session.login'
            ? { token: 't' }
            : m.envelope.op === 'pdf.test'
              ? { engine: 'electron', pages: 1, ms: 5 }
              : {};
        child.message!({ id: m.id, reply: { ok: true, value } });
      }
    };
    for (const l of s.windows[0]!.instance.webContents.loadListeners) l();
    await vi.waitFor(() => {
      answer();
      expect(s.exitCode).toBe(0);
    });
    expect(JSON.parse(readFileSync(report, 'utf8'))).toMatchObject({
      ok: true,
      version: '0.1.0',
      steps: expect.arrayContaining([{ step: 'pdf.pages', ok: true, detail: 'electron 1' }]),
    });
    expect(child.received).toContainEqual({ shutdown: true });
  });
});
