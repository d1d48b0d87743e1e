/**
 * The core's side of the 'electron' engine against a stand-in shell on the real wire
 * (createElectronPdfPort): what it asks for, what it makes of the answers, one request at a time,
 * time-outs and refusals as Chinese AppErrors; and 'auto' choosing it inside the desktop app.
 * The shell's side (the hidden window) is main/app/pdfRenderer.test.ts; both together in real
 * Chromium: main/app/pdfRenderer.chromium.test.ts.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PDFDocument } from 'pdf-lib';
import { afterEach, describe, expect, it } from 'vitest';
import { createCore } from '#core/core.js';
import { sampleDocx } from '../fixtures.js';
import { loadManifest } from '../manifest.js';
import { readDocxLayout } from './docxLayout.js';
import { ElectronEngine } from './electronEngine.js';
import { createElectronPdfPort, type PdfRenderReply, type PdfRenderRequest } from './electronWire.js';
import { createPdfEngine, detectEngines } from './engines.js';
import { footerTemplate, pageCss } from './harness.js';
import { rejectedAppError } from '#core/testing/appError.js';

const fontsDir = async (): Promise<string> => '/tmp/anjuan-print-fonts-test';
const decision = loadManifest().find((t) => t.id === 'penalty-decision')!;
const docx = sampleDocx(decision);

async function pdfOf(pages: number): Promise<string> {
  const doc = await PDFDocument.create();
  for (let i = 0; i < pages; i++) doc.addPage([595.28, 841.89]);
  return Buffer.from(await doc.save()).toString('base64');
}

/** A stand-in shell on the real port: records requests, answers with `answer` (after a tick, like a process would). */
function fakeShell(
  answer: (r: PdfRenderRequest) => Promise<Omit<PdfRenderReply, 'id'> | 'silence'> = async (r) =>
    r.job ? { ok: true, pdfBase64: await pdfOf(3) } : { ok: true },
) {
  const requests: PdfRenderRequest[] = [];
  let busy = 0;
  let maxBusy = 0;
  const port = createElectronPdfPort((message) => {
    const r = (message as { pdfRender: PdfRenderRequest }).pdfRender;
    requests.push(r);
    busy++;
    maxBusy = Math.max(maxBusy, busy);
    void answer(r).then((a) => {
      busy--;
      if (a !== 'silence') setTimeout(() => port.deliver({ pdfRendered: { id: r.id, ...a } }), 5);
    });
  });
  return { port, requests, maxBusy: () => maxBusy };
}

describe('ElectronEngine', () => {
  it('sends the DOCX with its @page CSS, footer and margins, and returns the PDF with its page count', async () => {
    const shell = fakeShell();
    const engine = new ElectronEngine(shell.port.channel, { fontsDir });
    const r = await engine.convert(docx);
    expect(r.pages).toBe(3);
    expect(r.pdf.subarray(0, 5).toString()).toBe('%PDF-');
    const { geometry: g, footer } = readDocxLayout(docx);
    expect(shell.requests).toEqual([
      {
        id: 1,
        fontsDir: '/tmp/anjuan-print-fonts-test',
        job: {
          docxBase64: docx.toString('base64'),
          pageCss: pageCss(g),
          footerTemplate: footerTemplate(footer, g),
          marginsMm: { top: g.top, right: g.right, bottom: g.bottom, left: g.left },
        },
      },
    ]);
    // The decision template's own margins (37/26/35/28 mm), not a default.
    expect(g).toMatchObject({ top: expect.closeTo(37, 0), left: expect.closeTo(28, 0) });
    expect(footerTemplate(footer, g)).toContain('pageNumber');
  });

  it('warms up with a request that carries no document', async () => {
    const shell = fakeShell();
    await new ElectronEngine(shell.port.channel, { fontsDir }).warmUp();
    expect(shell.requests).toEqual([{ id: 1, fontsDir: '/tmp/anjuan-print-fonts-test', job: null }]);
  });

  it('asks one document at a time when calls overlap, and a failure does not stop the next', async () => {
    let n = 0;
    const shell = fakeShell(async (r) => {
      n++;
      await new Promise((res) => setTimeout(res, 10));
      return n === 2 ? { ok: false, message: '渲染进程已退出' } : { ok: true, pdfBase64: await pdfOf(r.id) };
    });
    const engine = new ElectronEngine(shell.port.channel, { fontsDir });
    const [a, b, c] = await Promise.allSettled([engine.convert(docx), engine.convert(docx), engine.convert(docx)]);
    expect(shell.maxBusy()).toBe(1);
    expect(a).toMatchObject({ status: 'fulfilled', value: { pages: 1 } });
    expect(b.status).toBe('rejected');
    expect((b as PromiseRejectedResult).reason).toMatchObject({
      code: 'PDF_CONVERSION_FAILED',
      message: '桌面程序转换PDF失败：渲染进程已退出',
    });
    expect(c).toMatchObject({ status: 'fulfilled', value: { pages: 3 } });
  });

  it('times out with a Chinese PDF_ENGINE_UNAVAILABLE when the shell never answers, then serves the next call', async () => {
    let first = true;
    const shell = fakeShell(async (r) => {
      if (first) {
        first = false;
        return 'silence';
      }
      return { ok: true, pdfBase64: await pdfOf(r.job ? 2 : 0) };
    });
    const engine = new ElectronEngine(shell.port.channel, { fontsDir, timeoutMs: 50 });
    const e = await rejectedAppError(engine.convert(docx));
    expect(e.code).toBe('PDF_ENGINE_UNAVAILABLE');
    expect(e.message).toContain('超时');
    expect((await engine.convert(docx)).pages).toBe(2);
  });

  it('refuses what is not a DOCX without asking the shell, and an answer that is not a PDF', async () => {
    const shell = fakeShell(async () => ({ ok: true, pdfBase64: Buffer.from('<html>').toString('base64') }));
    const engine = new ElectronEngine(shell.port.channel, { fontsDir });
    const bad = await rejectedAppError(engine.convert(Buffer.from('not a docx')));
    expect(bad).toMatchObject({ code: 'PDF_CONVERSION_FAILED' });
    expect(bad.message).toMatch(/^文书不是有效的Word文档/);
    expect(shell.requests).toHaveLength(0);
    expect(await rejectedAppError(engine.convert(docx))).toMatchObject({
      code: 'PDF_CONVERSION_FAILED',
      message: '桌面程序返回的不是PDF文件',
    });
    expect(
      await rejectedAppError(
        new ElectronEngine(fakeShell(async () => ({ ok: true })).port.channel, { fontsDir }).convert(docx),
      ),
    ).toMatchObject({ message: '桌面程序返回的不是PDF文件' });
  });

  it('refuses work after close', async () => {
    const engine = new ElectronEngine(fakeShell().port.channel, { fontsDir });
    await engine.close();
    expect(await rejectedAppError(engine.convert(docx))).toMatchObject({
      code: 'PDF_CONVERSION_FAILED',
      message: 'PDF转换引擎已关闭',
    });
  });
});

describe("engine choice with the desktop app's channel", () => {
  const saved = { chromium: process.env.ANJUAN_CHROMIUM, soffice: process.env.ANJUAN_SOFFICE };
  afterEach(() => {
    for (const [k, v] of [
      ['ANJUAN_CHROMIUM', saved.chromium],
      ['ANJUAN_SOFFICE', saved.soffice],
    ] as const) {
      if (v === undefined) delete process.env[k];
      else process.env[k] = v;
    }
  });

  it('auto prefers the Electron engine, warmed up, when the core runs in the desktop app', async () => {
    const shell = fakeShell();
    const engine = await createPdfEngine('auto', { electron: shell.port.channel, electronOptions: { fontsDir } });
    expect(engine.name).toBe('electron');
    expect(shell.requests.map((r) => r.job)).toEqual([null]);
    expect(await detectEngines({ electron: shell.port.channel })).toEqual(expect.arrayContaining(['electron']));
    expect((await detectEngines({ electron: shell.port.channel }))[0]).toBe('electron');
    await engine.close();
  });

  it('without the desktop app, "electron" is refused in Chinese and auto keeps today\'s order', async () => {
    expect(await rejectedAppError(createPdfEngine('electron'))).toMatchObject({
      code: 'PDF_ENGINE_UNAVAILABLE',
      message: '只有在案卷桌面程序中才能使用Electron PDF引擎',
    });
    expect(await detectEngines()).not.toContain('electron');
  });

  it('auto falls through a shell that cannot load the harness, and says what failed when nothing is left', async () => {
    process.env.ANJUAN_CHROMIUM = '/nonexistent/chromium';
    process.env.ANJUAN_SOFFICE = '/nonexistent/soffice';
    const shell = fakeShell(async () => ({ ok: false, message: '排版页面未能加载' }));
    const e = await rejectedAppError(
      createPdfEngine('auto', { electron: shell.port.channel, electronOptions: { fontsDir } }),
    );
    expect(e.code).toBe('PDF_ENGINE_UNAVAILABLE');
    expect(e.message).toContain('桌面程序的PDF引擎无法启动：桌面程序转换PDF失败：排版页面未能加载');
    expect(e.message).toContain('/nonexistent/chromium');
    expect(e.details).toMatchObject({ tried: ['electron', 'chromium', 'libreoffice'] });
  });
});

describe('a core started with the channel (as main/host/utility.ts starts it)', () => {
  it('lists the Electron engine first in app.info and converts with it, once per DOCX', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'anjuan-electron-pdf-'));
    const shell = fakeShell();
    const saved = process.env.ANJUAN_PDF_ENGINE;
    delete process.env.ANJUAN_PDF_ENGINE;
    const core = await createCore({ dataDir: dir, electronPdf: shell.port.channel });
    try {
      const info = await core.dispatch({ op: 'app.info', input: {}, token: null });
      expect(info).toMatchObject({ ok: true, value: { pdfEngines: expect.arrayContaining(['electron']) } });
      expect((info as { value: { pdfEngines: string[] } }).value.pdfEngines[0]).toBe('electron');
      const hash = core.services.blobs.put(
        docx,
        'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      );
      const first = await core.services.pdf.pdfFor(hash);
      const again = await core.services.pdf.pdfFor(hash);
      expect(first).toMatchObject({ engine: 'electron', pages: 3 });
      expect(again).toEqual(first);
      // warm-up, then one conversion: the second call came from the cache.
      expect(shell.requests.map((r) => (r.job ? 'convert' : 'warm-up'))).toEqual(['warm-up', 'convert']);
    } finally {
      if (saved !== undefined) process.env.ANJUAN_PDF_ENGINE = saved;
      await core.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
