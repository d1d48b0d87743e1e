/**
 * OCR of scanned evidence through the core, with a fake engine (the real one: ocrScans.paddle.test.ts):
 * an upload starts the job, each page is written as read or unreadable, search finds a read page and
 * opens at it, a PDF page with a text layer needs no engine, a cancel keeps the pages read and the
 * next run goes on from there, a corrupt file says why.
 */
import { PDFDocument, StandardFonts } from 'pdf-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestCore, type TestCore } from '../testing/testCore.js';
import { openCase } from '../testing/caseRunner.js';
import { makePng } from '../testing/png.js';
import type { OcrEngine, OcrLine } from '../ocr/engine.js';
import { OcrUnavailable } from '../ocr/workerEngine.js';
import { ocrJobId, startOcr, useOcrEngine } from './ocrScans.js';

let t: TestCore;
let officer = '';
let caseId = '';

/** Answers per call, in order; `gate` holds a call until released (to cancel mid-file). */
function fakeEngine(answers: OcrLine[][]): OcrEngine & { calls: number; gate: Promise<void> | null } {
  const e = {
    name: 'fake',
    calls: 0,
    gate: null as Promise<void> | null,
    async read(): Promise<OcrLine[]> {
      const i = e.calls++;
      if (e.gate) await e.gate;
      return answers[i] ?? [];
    },
  };
  return e;
}

/** A scanned PDF: image-only pages, and optionally a last page with a text layer. */
async function scannedPdf(imagePages: number, textPage?: string): Promise<Buffer> {
  const doc = await PDFDocument.create();
  const png = await doc.embedPng(makePng(60, 80, 1));
  for (let i = 0; i < imagePages; i++)
    doc.addPage([595, 842]).drawImage(png, { x: 50, y: 50, width: 495, height: 742 });
  if (textPage) {
    const font = await doc.embedFont(StandardFonts.Helvetica);
    doc.addPage([595, 842]).drawText(textPage, { x: 50, y: 700, size: 12, font });
  }
  return Buffer.from(await doc.save());
}

async function addScan(bytes: Buffer, fileName: string, description: string) {
  const record = await t.call(officer, 'evidence.add', {
    caseId,
    kind: 'scan',
    fileName,
    contentBase64: bytes.toString('base64'),
    description,
    takenOn: '2026-03-03',
  });
  return record;
}

async function settled(): Promise<void> {
  // The save hook may start a run after the handler's: wait until none runs.
  for (let i = 0; i < 50; i++) {
    await new Promise((r) => setImmediate(r));
    const id = ocrJobId(t.core.services);
    if (!id) return;
    await t.core.services.jobs.settled(id);
  }
}

beforeAll(async () => {
  t = await createTestCore({ today: '2026-03-04' });
  officer = await t.login('officer');
  caseId = (await openCase(t, officer)).state.id;
}, 60_000);
afterAll(async () => t?.close());

describe('an upload is read in the background', () => {
  it('writes each page, finds a read page by search at its page, marks a page it could not read', async () => {
    const engine = fakeEngine([[{ text: '监测报告：颗粒物浓度一百二十毫克每立方米', confidence: 0.93 }], []]);
    useOcrEngine(t.core.services, async () => engine);
    const e = await addScan(
      await scannedPdf(2, 'Monitoring report, page three: a text layer of its own'),
      '监测报告.pdf',
      '某监测站出具的监测报告',
    );
    await settled();
    expect(engine.calls).toBe(2); // the page with a text layer needed no engine

    const found = await t.call(officer, 'search.query', { text: '颗粒物浓度', offset: 0, limit: 20 });
    const hit = found.rows.find((h) => h.kind === 'ocr');
    expect(hit).toMatchObject({ caseId, open: { tab: 'evidence', evidenceId: e.id, page: 1 } });

    const view = await t.call(officer, 'cases.get', { caseId });
    expect(view.ocr).toEqual([{ evidenceId: e.id, state: 'done', pages: 3, unreadablePages: [2], failure: null }]);
  });

  it('a cancel keeps the pages read; the next run goes on from the first page not read', async () => {
    const engine = fakeEngine([
      [{ text: '第一页：询问笔录', confidence: 0.9 }],
      [{ text: '第二页：当事人陈述排污设施停运原因', confidence: 0.9 }],
      [{ text: '第三页：签名确认', confidence: 0.9 }],
    ]);
    let release = (): void => undefined;
    engine.gate = new Promise((r) => (release = r));
    useOcrEngine(t.core.services, async () => engine);
    const e = await addScan(await scannedPdf(3), '询问笔录扫描件.pdf', '询问笔录（纸质）扫描件');
    const jobId = ocrJobId(t.core.services)!;
    expect(jobId).toBeTruthy();
    // The uploader's job: he follows it and cancels it.
    await new Promise((r) => setTimeout(r, 20));
    expect((await t.call(officer, 'jobs.get', { jobId })).op).toBe('evidence.ocr');
    await t.call(officer, 'jobs.cancel', { jobId });
    release();
    await t.core.services.jobs.settled(jobId);
    expect((await t.call(officer, 'jobs.get', { jobId })).state).toBe('cancelled');
    expect(engine.calls).toBe(1);
    let view = await t.call(officer, 'cases.get', { caseId });
    expect(view.ocr?.find((o) => o.evidenceId === e.id)?.state).toBe('waiting');

    engine.gate = null;
    startOcr(t.core.services);
    await settled();
    expect(engine.calls).toBe(3); // pages 2 and 3 only
    view = await t.call(officer, 'cases.get', { caseId });
    expect(view.ocr?.find((o) => o.evidenceId === e.id)).toMatchObject({
      state: 'done',
      pages: 3,
      unreadablePages: [],
    });
    const found = await t.call(officer, 'search.query', { text: '排污设施停运', offset: 0, limit: 20 });
    expect(found.rows.find((h) => h.kind === 'ocr')).toMatchObject({
      open: { tab: 'evidence', evidenceId: e.id, page: 2 },
    });
  });

  it('a corrupt scan is marked with why, in Chinese, and loses nothing else', async () => {
    useOcrEngine(t.core.services, async () => fakeEngine([]));
    const e = await addScan(Buffer.from('%PDF-1.7\n这不是一个完整的PDF文件'), '损坏.pdf', '损坏的扫描件');
    await settled();
    const view = await t.call(officer, 'cases.get', { caseId });
    const o = view.ocr?.find((x) => x.evidenceId === e.id);
    expect(o).toMatchObject({ state: 'done', pages: 0 });
    expect(o?.failure).toMatch(/PDF文件已损坏.*无法识别文字/);
    expect(view.state.evidence.map((x) => x.id)).toContain(e.id);
  });

  it('an engine that fails on a page marks that page, not the job', async () => {
    let n = 0;
    useOcrEngine(t.core.services, async () => ({
      name: 'flaky',
      read: async () => {
        if (n++ === 0) throw new Error('onnx: bad input');
        return [{ text: '第二页可以识别', confidence: 0.9 }];
      },
    }));
    const e = await addScan(await scannedPdf(2), '两页.pdf', '两页扫描件');
    await settled();
    const view = await t.call(officer, 'cases.get', { caseId });
    expect(view.ocr?.find((x) => x.evidenceId === e.id)).toMatchObject({ state: 'done', unreadablePages: [1] });
  });

  it('an engine that is down (its worker died twice in a row) stops the run: the pages wait, says why', async () => {
    let down = true;
    let jobId = '';
    useOcrEngine(t.core.services, async () => ({
      name: 'down',
      read: async () => {
        jobId ||= ocrJobId(t.core.services) ?? ''; // the run may end before addScan returns
        if (down) throw new OcrUnavailable();
        return [{ text: '恢复后识别的页面', confidence: 0.9 }];
      },
    }));
    // Four pages: a file of its own (the same pages made in the same second are the same file).
    const e = await addScan(await scannedPdf(4), '暂停.pdf', '引擎不可用时上传的扫描件');
    await settled();
    const job = await t.call(officer, 'jobs.get', { jobId });
    expect(job).toMatchObject({
      state: 'failed',
      error: { message: expect.stringMatching(/文字识别程序连续异常退出/) },
    });
    const waiting = await t.call(officer, 'cases.get', { caseId });
    expect(waiting.ocr?.find((x) => x.evidenceId === e.id)).toMatchObject({ state: 'waiting', pages: 0 });
    down = false;
    startOcr(t.core.services);
    await settled();
    const view = await t.call(officer, 'cases.get', { caseId });
    expect(view.ocr?.find((x) => x.evidenceId === e.id)).toMatchObject({
      state: 'done',
      pages: 4,
      unreadablePages: [],
    });
  });
});
