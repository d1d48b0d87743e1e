import { describe, expect, it, vi } from 'vitest';
import {
  maxPrintBytes,
  parsePrintRequest,
  printPdf,
  printWindowOptions,
  type PrintOptions,
  type PrintWindowLike,
} from './print.js';
import { PrintJobs, printPageUrl } from './printPage.js';

const pdf = new Uint8Array(Buffer.from('%PDF-1.7\n%test'));

describe('parsePrintRequest', () => {
  it('accepts a titled PDF and cleans the title for the print queue', () => {
    const r = parsePrintRequest({ title: ' 行政处罚决定书\u0000\n', pdf });
    expect(r).toMatchObject({ ok: true, title: '行政处罚决定书' });
    expect(parsePrintRequest({ title: '', pdf })).toMatchObject({ ok: true, title: '案卷文书' });
    expect(parsePrintRequest({ title: 'x'.repeat(500), pdf })).toMatchObject({ ok: true, title: 'x'.repeat(200) });
  });

  it('refuses what is not a PDF request', () => {
    for (const bad of [
      null,
      'x',
      42,
      [],
      {},
      { title: 1, pdf },
      { title: 't' },
      { title: 't', pdf: new Uint8Array(0) },
      { title: 't', pdf: new Uint8Array(Buffer.from('<html>')) },
      // Base64 no longer crosses the bridge: the PDF travels as bytes.
      { title: 't', pdfBase64: Buffer.from('%PDF-1.7').toString('base64') },
      { title: 't', pdf: Buffer.from('%PDF-1.7').toString('base64') },
    ]) {
      expect(parsePrintRequest(bad).ok, JSON.stringify(bad)).toBe(false);
    }
    // Too large, without allocating 200 MB: only the length is looked at before the header.
    class Huge extends Uint8Array {
      override get length(): number {
        return maxPrintBytes + 1;
      }
    }
    expect(parsePrintRequest({ title: 't', pdf: new Huge(Buffer.from('%PDF-1.7')) })).toEqual({
      ok: false,
      message: '文件过大，无法打印',
    });
  });
});

describe('printWindowOptions', () => {
  it('is hidden, sandboxed, isolated, without Node and without preload', () => {
    const o = printWindowOptions();
    expect(o.show).toBe(false);
    expect(o.webPreferences).toMatchObject({
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
      webSecurity: true,
    });
    expect(o.webPreferences).not.toHaveProperty('preload');
  });
});

describe('PrintJobs', () => {
  it('keeps PDFs under unguessable ids until removed', () => {
    const jobs = new PrintJobs();
    const a = jobs.add(new Uint8Array([1]));
    const b = jobs.add(new Uint8Array([2]));
    expect(a).not.toBe(b);
    expect(a).toMatch(/^[0-9a-f-]{36}$/);
    expect(jobs.get(a)).toEqual(new Uint8Array([1]));
    jobs.remove(a);
    expect(jobs.get(a)).toBeUndefined();
    expect(jobs.size).toBe(1);
  });
  it('builds the page URL with the id and title encoded', () => {
    expect(printPageUrl('app://print', 'id-1', '决定书 &x')).toBe(
      'app://print/index.html?job=id-1&title=%E5%86%B3%E5%AE%9A%E4%B9%A6+%26x',
    );
  });
});

function fakeWindow(opts: { shown?: unknown; printed?: [boolean, string]; loadFails?: boolean; hang?: boolean }) {
  const calls: { url?: string; options?: PrintOptions; destroyed: boolean } = { destroyed: false };
  const win: PrintWindowLike = {
    loadURL: async (url) => {
      calls.url = url;
      if (opts.loadFails) throw new Error('ERR_FAILED');
    },
    isDestroyed: () => calls.destroyed,
    destroy: () => {
      calls.destroyed = true;
    },
    webContents: {
      executeJavaScript: (code) => {
        expect(code).toBe('window.anjuanPrint');
        return opts.hang ? new Promise(() => {}) : Promise.resolve(opts.shown ?? { ok: true, pages: 2 });
      },
      print: (options, cb) => {
        calls.options = options;
        const [s, r] = opts.printed ?? [true, ''];
        setTimeout(() => cb(s, r), 0);
      },
    },
  };
  return { win, calls };
}

describe('printPdf', () => {
  const run = (w: ReturnType<typeof fakeWindow>, jobs = new PrintJobs(), renderTimeoutMs?: number) =>
    printPdf(
      { title: '决定书', pdf },
      { createWindow: () => w.win, jobs, origin: 'app://print', log: () => {}, renderTimeoutMs },
    );

  it('opens the system print dialog (not silent, backgrounds, no margins) and cleans up', async () => {
    const jobs = new PrintJobs();
    const w = fakeWindow({});
    expect(await run(w, jobs)).toEqual({ ok: true, message: '已发送到打印机' });
    expect(w.calls.url).toMatch(/^app:\/\/print\/index\.html\?job=[0-9a-f-]{36}&title=/);
    expect(w.calls.options).toEqual({ silent: false, printBackground: true, margins: { marginType: 'none' } });
    expect(w.calls.destroyed).toBe(true);
    expect(jobs.size).toBe(0);
  });

  it('reports a cancelled dialog and a printer failure as values', async () => {
    expect(await run(fakeWindow({ printed: [false, 'cancelled'] }))).toEqual({ ok: false, message: '已取消打印' });
    expect(await run(fakeWindow({ printed: [false, 'Print job failed'] }))).toEqual({
      ok: false,
      message: '打印失败：Print job failed',
    });
  });

  it('does not print when the pages could not be drawn, and still destroys the window', async () => {
    const w = fakeWindow({ shown: { ok: false, message: 'Invalid PDF structure' } });
    expect(await run(w)).toEqual({ ok: false, message: '无法显示要打印的文件：Invalid PDF structure' });
    expect(w.calls.options).toBeUndefined();
    expect(w.calls.destroyed).toBe(true);
  });

  it('turns a failed load and a render that never ends into values', async () => {
    const jobs = new PrintJobs();
    const failed = fakeWindow({ loadFails: true });
    expect(await run(failed, jobs)).toEqual({ ok: false, message: '打印失败：ERR_FAILED' });
    expect(failed.calls.destroyed).toBe(true);
    const hung = fakeWindow({ hang: true });
    expect(await run(hung, jobs, 20)).toEqual({ ok: false, message: '打印失败：准备打印页面超时' });
    expect(hung.calls.destroyed).toBe(true);
    expect(jobs.size).toBe(0);
  });

  it('leaves printer and copies to the clerk in the system dialog: a page cannot choose them', async () => {
    const w = fakeWindow({});
    const jobs = new PrintJobs();
    const sneaky = { title: '决定书', pdf, silent: true, deviceName: 'Remote-Printer', copies: 500 };
    expect(parsePrintRequest(sneaky)).toEqual({ ok: true, title: '决定书', pdf: Buffer.from(pdf) });
    await printPdf(sneaky, { createWindow: () => w.win, jobs, origin: 'app://print', log: () => {} });
    expect(w.calls.options).toMatchObject({ silent: false });
    expect(w.calls.options).not.toHaveProperty('deviceName');
    expect(w.calls.options).not.toHaveProperty('copies');
  });

  it('never creates a window for a bad request', async () => {
    const createWindow = vi.fn();
    expect(
      await printPdf(
        { title: 'x', pdf: new Uint8Array(Buffer.from('not a pdf')) },
        { createWindow, jobs: new PrintJobs(), origin: 'app://print', log: () => {} },
      ),
    ).toEqual({ ok: false, message: '要打印的文件不是PDF' });
    expect(createWindow).not.toHaveBeenCalled();
  });
});
