/**
 * OCR of scanned evidence (issue “OCR and search”): our own generated documents, printed to PDF,
 * drawn at 300 dpi in grey and made into “scans” (0.6° skew, a slight blur, pixel noise), then read
 * as the app reads an uploaded scan (ocr/scanPages.ts to ~150 dpi, ocr/paddle.ts in its worker thread,
 * ocr/workerEngine.ts). Figures: seconds per A4 page (wall, and the CPU seconds of the whole process
 * beside it, the worker's included) and the character error rate against
 * the PDF's own text (pdf.js, content order; NFKC, whitespace ignored). docs/decisions.md “OCR of
 * scanned evidence”.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore } from '#core/core.js';
import { FakeClock, callerFor } from '#core/testing/testCore.js';
import { runOrdinaryCase } from '#core/testing/scenario.js';
import { pdfjs } from '#core/documents/pdf/pdfjsNode.js';
import { pdfPageTexts } from '#core/documents/pdf/pdfText.js';
import { sharpLib } from '#core/files/thumbnailer.js';
import { workerOcrEngine } from '#core/ocr/workerEngine.js';
import { pageText } from '#core/ocr/engine.js';
import { scanPages } from '#core/ocr/scanPages.js';
import { median, type Figure } from './report.js';

/** Character error rate: Levenshtein distance over characters / reference length (NFKC, no whitespace). */
export function characterErrorRate(reference: string, read: string): number {
  const norm = (s: string): string[] => [...s.normalize('NFKC').replace(/\s+/g, '')];
  const a = norm(reference);
  const b = norm(read);
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const cur = [i];
    for (let j = 1; j <= b.length; j++)
      cur[j] = Math.min(prev[j]! + 1, cur[j - 1]! + 1, prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1));
    prev = cur;
  }
  return a.length ? prev[b.length]! / a.length : 0;
}

/** Page 1 of a PDF at 300 dpi, grey, skewed, blurred and noisy: a scanner's PNG. */
async function scanOf(pdf: Uint8Array, seed: number): Promise<Buffer> {
  const { getDocument } = await pdfjs();
  const doc = await getDocument({ data: new Uint8Array(pdf), isEvalSupported: false, verbosity: 0 }).promise;
  try {
    const page = await doc.getPage(1);
    const viewport = page.getViewport({ scale: 300 / 72 });
    const factory = (
      doc as unknown as {
        canvasFactory: {
          create(w: number, h: number): { canvas: { toBuffer(t: 'image/png'): Buffer }; context: unknown };
        };
      }
    ).canvasFactory;
    const { canvas, context } = factory.create(Math.ceil(viewport.width), Math.ceil(viewport.height));
    await page.render({ canvasContext: context, canvas, viewport } as unknown as Parameters<typeof page.render>[0])
      .promise;
    const sharp = await sharpLib();
    const { data, info } = await sharp(canvas.toBuffer('image/png'))
      .flatten({ background: '#ffffff' })
      .greyscale()
      .rotate(0.6, { background: '#ffffff' })
      .blur(0.7)
      .raw()
      .toBuffer({ resolveWithObject: true });
    let s = seed;
    for (let i = 0; i < data.length; i++) {
      s = (s * 1103515245 + 12345) & 0x7fffffff;
      data[i] = Math.max(0, Math.min(255, data[i]! + Math.round((s / 0x7fffffff - 0.5) * 60)));
    }
    return sharp(data, { raw: info }).png().toBuffer();
  } finally {
    await doc.destroy();
  }
}

export async function ocrFigures(report: (f: Figure) => void): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'anjuan-bench-ocr-'));
  const clock = new FakeClock(new Date('2026-03-02T10:00:00+08:00'));
  const core = await createCore({ dataDir: dir, clock, pdfEngine: 'chromium', demo: true });
  const engine = workerOcrEngine();
  try {
    const call = callerFor(core);
    const { officer, archived } = await runOrdinaryCase({ call }, { setDate: (d) => clock.setDate(d) });
    const docs = archived.state.documents.slice(0, 8);
    await engine.load(); // the models' loading is not a page's time
    const seconds: number[] = [];
    const cpu: number[] = [];
    const rates: number[] = [];
    const phases: string[] = [];
    for (const [i, d] of docs.entries()) {
      const { pdfHash } = await call(officer, 'documents.pdf', { caseId: archived.state.id, documentId: d.id });
      const pdf = Buffer.from((await call(officer, 'blobs.read', { hash: pdfHash })).base64, 'base64');
      const reference = (await pdfPageTexts(pdf))[0] ?? '';
      const scan = await scanOf(pdf, i + 7);
      const t0 = performance.now();
      const c0 = process.cpuUsage();
      let read = '';
      for await (const p of scanPages(scan, 'image/png'))
        if ('image' in p) read = pageText(await engine.read(p.image)) ?? '';
      const c = process.cpuUsage(c0);
      seconds.push((performance.now() - t0) / 1000);
      cpu.push((c.user + c.system) / 1e6);
      rates.push(characterErrorRate(reference, read) * 100);
      const p = engine.lastTimings;
      if (p) phases.push(`${p.detection.toFixed(0)}+${p.recognition.toFixed(0)} ms/${p.boxCount}`);
    }
    const mean = rates.reduce((a, b) => a + b, 0) / rates.length;
    report({
      name: 'ocr-page-seconds',
      value: median(seconds),
      unit: 's',
      op: '<',
      target: 3,
      note: `median of ${docs.length} scanned A4 pages (300 dpi grey, read at 150 dpi); CPU ${median(cpu).toFixed(2)} s a page; detection+recognition CPU / boxes: ${phases.join(', ')}`,
    });
    report({
      name: 'ocr-cer',
      value: mean,
      unit: '%',
      op: '<',
      target: 5,
      note: `character error rate, PaddleOCR v4, pages: ${rates.map((r) => r.toFixed(1)).join(' / ')}`,
    });
  } finally {
    await engine.close();
    await core.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
