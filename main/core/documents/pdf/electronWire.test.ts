import { afterEach, describe, expect, it, vi } from 'vitest';
import { AppError } from '#common/errors.js';
import {
  createElectronPdfPort,
  maxDocxBase64,
  parsePdfRenderReply,
  parsePdfRenderRequest,
  type PdfRenderJob,
} from './electronWire.js';

const job: PdfRenderJob = {
  docxBase64: 'UEsDBA==',
  pageCss: '@page{size:210.00mm 297.00mm;}',
  footerTemplate: '<div>—<span class="pageNumber"></span>—</div>',
  marginsMm: { top: 37, right: 26, bottom: 35, left: 28 },
};

afterEach(() => {
  vi.useRealTimers();
});

describe('parsePdfRenderRequest (the shell checks what the core asks)', () => {
  it('accepts a job and a warm-up, keeping only the known fields', () => {
    expect(parsePdfRenderRequest({ id: 3, fontsDir: '/tmp/fonts', job: { ...job, extra: 1 } })).toEqual({
      ok: true,
      request: { id: 3, fontsDir: '/tmp/fonts', job },
    });
    expect(parsePdfRenderRequest({ id: 4, fontsDir: 'C:\\Users\\u\\AppData\\Local\\Temp\\f', job: null })).toEqual({
      ok: true,
      request: { id: 4, fontsDir: 'C:\\Users\\u\\AppData\\Local\\Temp\\f', job: null },
    });
  });

  it('refuses malformed requests with a Chinese message and the id when there is one', () => {
    expect(parsePdfRenderRequest(null)).toEqual({ ok: false, id: null, message: 'PDF请求格式不正确' });
    expect(parsePdfRenderRequest({ id: 0, fontsDir: '/f', job: null })).toMatchObject({
      ok: false,
      id: null,
      message: 'PDF请求缺少编号',
    });
    const cases: [unknown, string][] = [
      [{ id: 1, fontsDir: 'fonts', job: null }, 'PDF请求的字体目录不正确'],
      [{ id: 1, fontsDir: '/f\0', job: null }, 'PDF请求的字体目录不正确'],
      [{ id: 1, fontsDir: '/f', job: 'x' }, 'PDF请求格式不正确'],
      [{ id: 1, fontsDir: '/f', job: { ...job, docxBase64: '' } }, 'PDF请求缺少文书内容'],
      [
        { id: 1, fontsDir: '/f', job: { ...job, docxBase64: 'A'.repeat(maxDocxBase64 + 4) } },
        '文书过大，无法转换为PDF',
      ],
      [{ id: 1, fontsDir: '/f', job: { ...job, pageCss: 1 } }, 'PDF请求的版式不正确'],
      [{ id: 1, fontsDir: '/f', job: { ...job, marginsMm: { ...job.marginsMm, left: -1 } } }, 'PDF请求的页边距不正确'],
      [{ id: 1, fontsDir: '/f', job: { ...job, marginsMm: { top: 1, right: 1, bottom: 1 } } }, 'PDF请求的页边距不正确'],
    ];
    for (const [raw, message] of cases)
      expect(parsePdfRenderRequest(raw), JSON.stringify(raw).slice(0, 80)).toEqual({ ok: false, id: 1, message });
  });
});

describe('parsePdfRenderReply (the core checks what the shell answers)', () => {
  it('passes answers through and turns a garbled one into a failure for its id', () => {
    expect(parsePdfRenderReply({ id: 2, ok: true, pdfBase64: 'JVBE' })).toEqual({ id: 2, ok: true, pdfBase64: 'JVBE' });
    expect(parsePdfRenderReply({ id: 2, ok: true })).toEqual({ id: 2, ok: true });
    expect(parsePdfRenderReply({ id: 2, ok: false, message: '生成PDF超时（55秒）' })).toEqual({
      id: 2,
      ok: false,
      message: '生成PDF超时（55秒）',
    });
    expect(parsePdfRenderReply({ id: 2, ok: true, pdfBase64: 7 })).toEqual({
      id: 2,
      ok: false,
      message: '桌面程序返回了无法识别的结果',
    });
    expect(parsePdfRenderReply({ ok: true })).toBeNull();
  });
});

describe("the core's end of the port", () => {
  it('posts { pdfRender } and resolves with the answer delivered for its id', async () => {
    const posted: unknown[] = [];
    const port = createElectronPdfPort((m) => {
      posted.push(m);
    });
    const a = port.channel.request('/fonts', job, 1_000);
    const b = port.channel.request('/fonts', null, 1_000);
    expect(posted).toEqual([
      { pdfRender: { id: 1, fontsDir: '/fonts', job } },
      { pdfRender: { id: 2, fontsDir: '/fonts', job: null } },
    ]);
    // Out of order, and with a stranger in between: each promise gets its own answer.
    expect(port.deliver({ pdfRendered: { id: 2, ok: true } })).toBe(true);
    expect(port.deliver({ id: 9, reply: { ok: true, value: 1 } })).toBe(false);
    expect(port.deliver({ pdfRendered: { id: 1, ok: true, pdfBase64: 'JVBERi0=' } })).toBe(true);
    expect(await a).toEqual({ id: 1, ok: true, pdfBase64: 'JVBERi0=' });
    expect(await b).toEqual({ id: 2, ok: true });
  });

  it('gives up after the time-out with a Chinese PDF_ENGINE_UNAVAILABLE, and drops the late answer', async () => {
    vi.useFakeTimers();
    const port = createElectronPdfPort(() => {});
    const p = port.channel.request('/fonts', job, 60_000).catch((e: unknown) => e);
    await vi.advanceTimersByTimeAsync(60_000);
    const e = await p;
    expect(e).toBeInstanceOf(AppError);
    expect(e).toMatchObject({ code: 'PDF_ENGINE_UNAVAILABLE', message: '桌面程序生成PDF超时（60秒），请稍后重试' });
    expect(port.deliver({ pdfRendered: { id: 1, ok: true, pdfBase64: 'JVBERi0=' } })).toBe(true); // taken, nobody waiting
  });

  it('fails at once when the message cannot be posted', async () => {
    const port = createElectronPdfPort(() => {
      throw new Error('port closed');
    });
    await expect(port.channel.request('/fonts', job, 1_000)).rejects.toMatchObject({
      code: 'PDF_ENGINE_UNAVAILABLE',
      message: '无法连接桌面程序的PDF服务：port closed',
    });
  });
});
