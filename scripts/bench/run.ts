/**
 * `npm run bench`: every figure the issues name, measured on this machine, each printed against
 * its target. A figure not reached, or not measurable yet, is printed as MISS — never left out.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore } from '#core/core.js';
import { FakeClock, callerFor as caller } from '#core/testing/testCore.js';
import { openCase, runOrdinaryCase } from '#core/testing/scenario.js';
import { appRoot } from '#core/paths.js';
import { sampleFields } from '#core/testing/sampleFields.js';
import { buildBigDataDir } from './bigDatabase.js';
import { line, median, timeIt, type Figure } from './report.js';
import { procedureFigures } from './procedures.js';
import { documentSetFigures } from './documents41.js';
import { enterpriseFigures } from './enterprises.js'; // enterprise directory
import { recommendFigures } from './recommend.js'; // recommendations
import { legalBasisFigures } from './legalBasis.js'; // the law of the act's date

const figures: Figure[] = [];
const report = (f: Figure): void => {
  figures.push(f);
  console.log(line(f));
};

/** Web host: process start to the first answered operation, on an existing data directory. */
async function coldStart(dataDir: string): Promise<number> {
  const host = join(appRoot(), 'dist/core/host.mjs');
  if (!existsSync(host)) throw new Error('dist/core/host.mjs missing: run npm run build');
  return new Promise((resolve, reject) => {
    const t0 = performance.now();
    const child = spawn(process.execPath, [host], {
      env: { ...process.env, ANJUAN_DATA_DIR: dataDir, ANJUAN_PORT: '0', ANJUAN_DEMO: '1' },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    child.stdout.on('data', (d: Buffer) => {
      const m = /(http:\/\/127\.0\.0\.1:\d+\/)/.exec(d.toString());
      if (!m) return;
      void fetch(`${m[1]}api`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ op: 'app.info', input: {} }),
      }).then(async (r) => {
        await r.json();
        const ms = performance.now() - t0;
        child.kill();
        resolve(ms);
      }, reject);
    });
    child.on('error', reject);
  });
}

async function storeFigures(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'anjuan-bench-big-'));
  try {
    const t0 = performance.now();
    await buildBigDataDir(dir, 10_000, 20);
    console.log(`# built 10,000 cases / 200,000 events in ${((performance.now() - t0) / 1000).toFixed(1)} s`);
    const opens: number[] = [];
    const opened: Array<Awaited<ReturnType<typeof createCore>>> = [];
    for (let i = 0; i < 5; i++) {
      await opened.pop()?.close();
      opens.push(
        await timeIt(async () => {
          const c = await createCore({ dataDir: dir, demo: true });
          await c.dispatch({ op: 'app.info', input: {} });
          opened.push(c);
        }),
      );
    }
    const core = opened[0]!;
    report({
      name: 'open-database-10k-cases',
      value: median(opens),
      unit: 'ms',
      op: '<',
      target: 300,
      note: '10,000 cases, 200,000 events; open + migrations check + first answer',
    });
    const call = caller(core);
    const token = (await call(null, 'session.login', { username: 'officer', password: 'officer123' })).token;
    const lists: number[] = [];
    for (let i = 0; i < 30; i++)
      lists.push(await timeIt(() => call(token, 'cases.list', { offset: (i % 10) * 50, limit: 50 })));
    report({
      name: 'case-list-page',
      value: median(lists),
      unit: 'ms',
      op: '<',
      target: 30,
      note: '50 rows of 10,000 through dispatch',
    });
    const cold = [];
    for (let i = 0; i < 3; i++) cold.push(await coldStart(dir));
    report({
      name: 'web-host-cold-start',
      value: median(cold),
      unit: 'ms',
      op: '<',
      target: 2000,
      note: 'process start to first answered operation',
    });
    await core.close();
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function documentFigures(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'anjuan-bench-doc-'));
  const clock = new FakeClock(new Date('2026-03-02T10:00:00+08:00'));
  const core = await createCore({ dataDir: dir, clock, pdfEngine: 'chromium', demo: true });
  try {
    const call = caller(core);
    const token = (await call(null, 'session.login', { username: 'officer', password: 'officer123' })).token;
    const tpl = (await call(token, 'templates.list', {})).find((t) => t.id === 'filing-approval')!;
    const ents = await call(token, 'enterprises.search', { query: '', limit: 30 });
    const gens: number[] = [];
    const docs: Array<{ caseId: string; id: string }> = [];
    for (let i = 0; i < 20; i++) {
      // A case per document (a different party each), so that every DOCX differs and no PDF comes from the cache.
      const v = await openCase({ call }, token, { enterpriseId: ents[i]!.id });
      gens.push(
        await timeIt(async () => {
          const d = await call(token, 'documents.generate', {
            caseId: v.state.id,
            type: 'filing-approval',
            fields: sampleFields(tpl, { today: '2026-03-02' }),
          });
          docs.push({ caseId: v.state.id, id: d.id });
        }),
      );
    }
    report({
      name: 'generate-docx',
      value: median(gens),
      unit: 'ms',
      op: '<',
      target: 30,
      note: 'one 立案审批表 through documents.generate (render, hash, store, event)',
    });
    await call(token, 'documents.pdf', { caseId: docs[0]!.caseId, documentId: docs[0]!.id });
    const pdfs: number[] = [];
    for (const d of docs.slice(1, 10))
      pdfs.push(await timeIt(() => call(token, 'documents.pdf', { caseId: d.caseId, documentId: d.id })));
    report({
      name: 'docx-to-pdf',
      value: median(pdfs),
      unit: 'ms',
      op: '<',
      target: 500,
      note: 'built-in Chromium engine, after the first document',
    });
  } finally {
    await core.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function sampleDossierFigure(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'anjuan-bench-sample-'));
  const clock = new FakeClock(new Date('2026-03-02T10:00:00+08:00'));
  const core = await createCore({ dataDir: dir, clock, pdfEngine: 'chromium', demo: true });
  try {
    const ms = await timeIt(() => runOrdinaryCase({ call: caller(core) }, { setDate: (d) => clock.setDate(d) }));
    report({
      name: 'sample-dossier',
      value: ms,
      unit: 'ms',
      op: '<',
      target: 5000,
      note: 'whole ordinary case through the operations, 9 documents to PDF, 正卷 and 副卷 assembled',
    });
  } finally {
    await core.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const only = process.argv[2];
  // The 41-document set runs first, while the machine is quiet (its render runs in a child process of its own).
  const all: Array<[string, () => Promise<void>]> = [
    ['documents41', () => documentSetFigures(report)],
    ['store', storeFigures],
    ['documents', documentFigures],
    ['sample', sampleDossierFigure],
    ['procedures', () => procedureFigures(report)],
    ['enterprises', () => enterpriseFigures(report)],
    ['recommend', () => recommendFigures(report)],
    ['legal-basis', () => legalBasisFigures(report)],
  ];
  all.push(['code-import', async () => (await import('./lawImport.js')).codeImportFigures(report)]); // 生态环境法典 import
  all.push([
    'import-jobs',
    async () => (await import('./importResponsiveness.js')).importResponsivenessFigures(report),
  ]); // security audit: other requests during a 200,000-row import
  all.push(['crash-points', async () => (await import('./crashPoints.js')).crashPointFigures(report)]); // safety: kill -9 at ≥ 100 points
  all.push(['dossier-photos', async () => (await import('./dossierPhotos.js')).dossierPhotoFigures(report)]); // a 300-page dossier with 200 photos of 4000×3000: time and peak memory
  all.push(['photos', async () => (await import('./photos200.js')).photoFigures(report)]); // security audit: 200 photos through the web host and IPC, as bytes
  all.push(['queues', async () => (await import('./queues.js')).queueFigures(report)]); // each role's own work first: queues, filtered list, 到期提醒, drafts
  all.push(['dashboards', async () => (await import('./dashboards.js')).dashboardFigures(report)]); // supervision: dashboards on 50,000 cases
  all.push(['ledgers', async () => (await import('./ledgers.js')).ledgerFigures(report)]); // 台账: the case ledger of 50,000 cases, streamed
  all.push(['dual-random', async () => (await import('./dualRandom.js')).dualRandomFigures(report)]); // 现场检查任务: 双随机 over 90,910 enterprises
  all.push(['sync', async () => (await import('./sync.js')).syncFigures(report)]); // provincial server: provisioning, 500 devices, a throttled day
  all.push(['search', async () => (await import('./search.js')).searchFigures(report)]); // one search box: 10,000 documents indexed, p95 over 100,000
  all.push(['ocr', async () => (await import('./ocr.js')).ocrFigures(report)]); // OCR of scanned evidence: seconds per A4 page, character error rate
  for (const [name, run] of all) {
    if (only && only !== name) continue;
    try {
      await run();
    } catch (e) {
      console.log(`bench ${name}: failed — ${e instanceof Error ? e.message : String(e)} MISS`);
    }
  }
}

await main();
