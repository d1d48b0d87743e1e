import { afterEach, describe, expect, it, vi } from 'vitest';
import type { PdfRenderJob } from '#core/documents/pdf/electronWire.js';
import {
  pdfHarnessFiles,
  PdfRenderer,
  pdfWindowOptions,
  printToPdfOptions,
  renderCall,
  type PdfPrintOptions,
  type PdfWindowLike,
} from './pdfRenderer.js';

const job: PdfRenderJob = {
  docxBase64: 'UEsDBBQ=',
  pageCss: '@page{size:210.00mm 297.00mm;margin:37.00mm 26.00mm 35.00mm 28.00mm;}',
  footerTemplate: '<div>—<span class="pageNumber"></span>—</div>',
  marginsMm: { top: 25.4, right: 12.7, bottom: 50.8, left: 0 },
};
const pdfBytes = new Uint8Array(Buffer.from('%PDF-1.7\n%fake'));
const url = 'app://pdf/harness.html';

interface FakeOpts {
  harness?: unknown;
  sections?: unknown;
  hang?: 'load' | 'render' | 'print';
  printFails?: boolean;
  loadFails?: boolean;
  gcFails?: boolean;
}

/** A hidden window stand-in: records what the renderer does with it; the test decides how it behaves. */
function fakeWindow(o: FakeOpts = {}) {
  const never = new Promise<never>(() => {});
  const calls = {
    urls: [] as string[],
    scripts: [] as string[],
    printed: [] as PdfPrintOptions[],
    destroyed: false,
    crashed: false,
    busy: 0,
    maxBusy: 0,
    attached: 0,
    cdp: [] as string[],
  };
  const win: PdfWindowLike = {
    loadURL: async (u) => {
      calls.urls.push(u);
      if (o.hang === 'load') await never;
      if (o.loadFails) throw new Error('ERR_FILE_NOT_FOUND');
    },
    isDestroyed: () => calls.destroyed,
    destroy: () => {
      calls.destroyed = true;
    },
    webContents: {
      isCrashed: () => calls.crashed,
      executeJavaScript: async (code) => {
        calls.scripts.push(code);
        if (code === 'typeof window.anjuanRender') return o.harness ?? 'function';
        calls.busy++;
        calls.maxBusy = Math.max(calls.maxBusy, calls.busy);
        await new Promise((r) => setTimeout(r, 5));
        calls.busy--;
        if (o.hang === 'render') await never;
        return o.sections ?? 1;
      },
      printToPDF: async (options) => {
        calls.printed.push(options);
        if (o.hang === 'print') await never;
        if (o.printFails) throw new Error('Failed to generate PDF');
        return pdfBytes;
      },
      debugger: {
        isAttached: () => calls.attached > 0,
        attach: () => {
          calls.attached++;
        },
        sendCommand: async (method) => {
          calls.cdp.push(method);
          if (o.gcFails) throw new Error('Debugger is already attached');
          return {};
        },
      },
    },
  };
  return { win, calls };
}

function setup(windows: ReturnType<typeof fakeWindow>[], timeoutMs?: number) {
  const created: ReturnType<typeof fakeWindow>[] = [];
  const log = vi.fn();
  const renderer = new PdfRenderer({
    createWindow: () => {
      const w = windows[created.length] ?? fakeWindow();
      created.push(w);
      return w.win;
    },
    url,
    log,
    timeoutMs,
  });
  return { renderer, created, log };
}

const request = (id: number, j: PdfRenderJob | null = job, fontsDir = '/tmp/fonts') => ({ id, fontsDir, job: j });

afterEach(() => {
  vi.useRealTimers();
});

describe('the hidden PDF window', () => {
  it('is hidden, sandboxed, isolated, without Node or preload, and not throttled', () => {
    const o = pdfWindowOptions();
    expect(o.show).toBe(false);
    expect(o.webPreferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      webviewTag: false,
      backgroundThrottling: false,
    });
    expect(o.webPreferences).not.toHaveProperty('preload');
  });

  it("prints with the page's own paper (A4 fallback), backgrounds, the footer and the margins in inches", () => {
    expect(printToPdfOptions(job)).toEqual({
      pageSize: 'A4',
      preferCSSPageSize: true,
      printBackground: true,
      displayHeaderFooter: true,
      headerTemplate: '<span></span>',
      footerTemplate: job.footerTemplate,
      margins: { top: 1, right: 0.5, bottom: 2, left: 0 },
    });
  });

  it('calls the harness with the DOCX and the @page CSS as string literals', () => {
    const call = renderCall({ ...job, pageCss: '@page{}"</script>\\' });
    expect(call).toBe(`window.anjuanRender("UEsDBBQ=", "@page{}\\"</script>\\\\")`);
    const args: unknown[] = [];
    new Function('window', call)({ anjuanRender: (...a: unknown[]) => args.push(...a) });
    expect(args).toEqual(['UEsDBBQ=', '@page{}"</script>\\']);
  });
});

describe('PdfRenderer', () => {
  it('warms up by loading the harness, then prints each document in the same window', async () => {
    const { renderer, created } = setup([]);
    expect(await renderer.handle(request(1, null))).toEqual({ id: 1, ok: true });
    expect(created).toHaveLength(1);
    expect(created[0]!.calls.urls).toEqual([url]);
    expect(created[0]!.calls.scripts).toEqual(['typeof window.anjuanRender']);
    expect(renderer.fontsDir).toBe('/tmp/fonts');

    expect(await renderer.handle(request(2))).toEqual({
      id: 2,
      ok: true,
      pdfBase64: Buffer.from(pdfBytes).toString('base64'),
    });
    expect(await renderer.handle(request(3, job, '/tmp/other-fonts'))).toMatchObject({ id: 3, ok: true });
    expect(created).toHaveLength(1);
    expect(created[0]!.calls.scripts.slice(1)).toEqual([renderCall(job), renderCall(job)]);
    expect(created[0]!.calls.printed).toEqual([printToPdfOptions(job), printToPdfOptions(job)]);
    expect(renderer.fontsDir).toBe('/tmp/other-fonts');
  });

  it("collects the page's garbage after each print, attaching its debugger once", async () => {
    const { renderer, created } = setup([]);
    await renderer.handle(request(1));
    await renderer.handle(request(2));
    expect(created[0]!.calls.attached).toBe(1);
    expect(created[0]!.calls.cdp).toEqual(['HeapProfiler.collectGarbage', 'HeapProfiler.collectGarbage']);
  });

  it('still prints when garbage cannot be collected, and says so in the log once', async () => {
    const { renderer, log } = setup([fakeWindow({ gcFails: true })]);
    expect(await renderer.handle(request(1))).toMatchObject({
      id: 1,
      ok: true,
      pdfBase64: Buffer.from(pdfBytes).toString('base64'),
    });
    expect(await renderer.handle(request(2))).toMatchObject({ id: 2, ok: true });
    expect(log.mock.calls.filter(([m]) => String(m).includes('无法回收内存'))).toHaveLength(1);
  });

  it('renders one document at a time when requests overlap', async () => {
    const { renderer, created } = setup([]);
    const replies = await Promise.all([1, 2, 3].map((id) => renderer.handle(request(id))));
    expect(replies.map((r) => r?.ok)).toEqual([true, true, true]);
    expect(created[0]!.calls.maxBusy).toBe(1);
  });

  it('replaces a window whose renderer crashed or that was destroyed', async () => {
    const { renderer, created } = setup([]);
    await renderer.handle(request(1));
    created[0]!.calls.crashed = true;
    expect(await renderer.handle(request(2))).toMatchObject({ ok: true });
    expect(created).toHaveLength(2);
    expect(created[0]!.calls.destroyed).toBe(true);
    created[1]!.calls.destroyed = true; // closed from outside
    expect(await renderer.handle(request(3))).toMatchObject({ ok: true });
    expect(created).toHaveLength(3);
    expect(created[2]!.calls.urls).toEqual([url]);
  });

  it("passes a failed print's reason on (the core words it in Chinese), destroys that window and uses a fresh one next", async () => {
    const { renderer, created, log } = setup([fakeWindow({ printFails: true })]);
    expect(await renderer.handle(request(1))).toEqual({ id: 1, ok: false, message: 'Failed to generate PDF' });
    expect(created[0]!.calls.destroyed).toBe(true);
    expect(log).toHaveBeenCalledWith(expect.stringContaining('生成PDF失败'));
    expect(await renderer.handle(request(2))).toMatchObject({ id: 2, ok: true });
    expect(created).toHaveLength(2);
  });

  it('reports a harness that did not load, a failed load and an empty layout', async () => {
    const { renderer } = setup([
      fakeWindow({ harness: 'undefined' }),
      fakeWindow({ loadFails: true }),
      fakeWindow({ sections: 0 }),
    ]);
    expect(await renderer.handle(request(1))).toEqual({ id: 1, ok: false, message: '排版页面未能加载' });
    expect(await renderer.handle(request(2))).toEqual({ id: 2, ok: false, message: 'ERR_FILE_NOT_FOUND' });
    expect(await renderer.handle(request(3))).toEqual({ id: 3, ok: false, message: '排版页面未能显示文书' });
  });

  it.each(['load', 'render', 'print'] as const)(
    'times out a window that hangs in %s, destroys it, and recovers',
    async (hang) => {
      const { renderer, created } = setup([fakeWindow({ hang })], 40);
      expect(await renderer.handle(request(1))).toEqual({
        id: 1,
        ok: false,
        message: expect.stringMatching(/^生成PDF超时（\d+秒）$/),
      });
      expect(created[0]!.calls.destroyed).toBe(true);
      expect(await renderer.handle(request(2))).toMatchObject({ id: 2, ok: true });
    },
  );

  it('says how long it waited, in seconds (default 55 s)', async () => {
    vi.useFakeTimers();
    const { renderer } = setup([fakeWindow({ hang: 'print' })]);
    const reply = renderer.handle(request(1));
    await vi.advanceTimersByTimeAsync(55_000);
    expect(await reply).toEqual({ id: 1, ok: false, message: '生成PDF超时（55秒）' });
  });

  it('answers a malformed request without opening a window (nothing at all when it has no id)', async () => {
    const { renderer, created, log } = setup([]);
    expect(await renderer.handle({ id: 4, fontsDir: 'relative', job: null })).toEqual({
      id: 4,
      ok: false,
      message: 'PDF请求的字体目录不正确',
    });
    expect(await renderer.handle('garbage')).toBeNull();
    expect(created).toHaveLength(0);
    expect(log).toHaveBeenCalledTimes(2);
  });

  it('close() destroys the window and refuses later requests', async () => {
    const { renderer, created } = setup([]);
    await renderer.handle(request(1, null));
    renderer.close();
    expect(created[0]!.calls.destroyed).toBe(true);
    expect(await renderer.handle(request(2))).toEqual({ id: 2, ok: false, message: '程序正在退出' });
    expect(created).toHaveLength(1);
  });
});

describe('pdfHarnessFiles', () => {
  it('finds jszip and docx-preview from the app root once, and serves the fonts the core named last', async () => {
    const { renderer } = setup([]);
    const files = pdfHarnessFiles(process.cwd(), renderer);
    expect(files.fontsDir()).toBeNull();
    const scripts = files.scripts();
    expect(Object.keys(scripts).sort()).toEqual(['docx-preview.js', 'jszip.min.js']);
    expect(scripts['jszip.min.js']).toMatch(/jszip[\\/]dist[\\/]jszip\.min\.js$/);
    expect(files.scripts()).toBe(scripts);
    await renderer.handle(request(1, null, '/tmp/print-fonts'));
    expect(files.fontsDir()).toBe('/tmp/print-fonts');
  });
});
