/**
 * The real engine (PaddleOCR on ONNX Runtime, from the npm packages, in its worker thread): a scan of
 * a known text, uploaded as a scanned PNG, is read in the background and found by search at its page;
 * while a full page is read the clerk's requests are answered at once; closing the core ends the
 * worker. Slow set: the models load in ~2 s.
 */
import { performance } from 'node:perf_hooks';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestCore, type TestCore } from '../testing/testCore.js';
import { openCase } from '../testing/caseRunner.js';
import { scanOfText } from '../ocr/testScan.js';
import { ocrJobId, ocrWorkerEngine } from './ocrScans.js';

let t: TestCore;
let officer = '';
let caseId = '';

beforeAll(async () => {
  t = await createTestCore({ today: '2026-03-04' });
  officer = await t.login('officer');
  caseId = (await openCase(t, officer)).state.id;
}, 60_000);
let closed = false;
afterAll(async () => {
  if (!closed) await t?.close();
});

it('a scanned page of a known text is found by search after OCR, at its page', async () => {
  const png = await scanOfText(['天柱县环境监测站监测报告', '布袋除尘器破损导致颗粒物超标排放']);
  const e = await t.call(officer, 'evidence.add', {
    caseId,
    kind: 'scan',
    fileName: '监测报告.png',
    contentBase64: png.toString('base64'),
    description: '监测站出具的报告（纸质扫描）',
    takenOn: '2026-03-03',
  });
  const jobId = ocrJobId(t.core.services)!;
  await t.core.services.jobs.settled(jobId);
  expect((await t.call(officer, 'jobs.get', { jobId })).state).toBe('done');
  const r = await t.call(officer, 'search.query', { text: '除尘器破损', offset: 0, limit: 20 });
  expect(r.rows.find((h) => h.kind === 'ocr')).toMatchObject({ open: { tab: 'evidence', evidenceId: e.id, page: 1 } });
  const view = await t.call(officer, 'cases.get', { caseId });
  expect(view.ocr).toEqual([{ evidenceId: e.id, state: 'done', pages: 1, unreadablePages: [], failure: null }]);
}, 60_000);

it('while a full page is read, a case opens at once; closing the core ends the worker thread', async () => {
  const lines = Array.from({ length: 28 }, (_, i) => `第${i + 1}行：现场检查发现布袋除尘器破损，颗粒物超标排放。`);
  await t.call(officer, 'evidence.add', {
    caseId,
    kind: 'scan',
    fileName: '现场检查笔录.png',
    contentBase64: (await scanOfText(lines)).toString('base64'),
    description: '现场检查笔录（纸质扫描）',
    takenOn: '2026-03-03',
  });
  const jobId = ocrJobId(t.core.services)!;
  let running = true;
  const job = t.core.services.jobs.settled(jobId).finally(() => {
    running = false;
  });
  const answers: number[] = [];
  while (running) {
    const t0 = performance.now();
    await t.call(officer, 'cases.get', { caseId });
    answers.push(performance.now() - t0);
    await new Promise((r) => setTimeout(r, 50));
  }
  await job;
  expect((await t.call(officer, 'jobs.get', { jobId })).state).toBe('done');
  // On the core's own thread a request waited for the detection of the page (~0.5 s, more on a busy PC).
  answers.sort((a, b) => a - b);
  expect(answers.length).toBeGreaterThan(5);
  expect(answers[Math.floor(answers.length / 2)]!).toBeLessThan(100);
  const thread = ocrWorkerEngine(t.core.services)!.thread!;
  const exited = new Promise((resolve) => thread.once('exit', resolve));
  closed = true;
  await t.close();
  await exited;
  expect(ocrWorkerEngine(t.core.services)?.thread).toBeNull();
}, 120_000);
