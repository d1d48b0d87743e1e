/**
 * The documents figures (issue 4): every template of the manifest filled for one sample case as
 * DOCX, then rendered to PDF by the built-in Chromium engine, with the memory of this process and
 * its browser processes sampled throughout.
 */
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadManifest } from '../../main/core/documents/manifest.js';
import { renderDocx } from '../../main/core/documents/render.js';
import { buildTemplateData } from '../../main/core/documents/templateData.js';
import { sampleBureau, sampleCaseState, sampleInputs, sampleNumber } from '../../main/core/documents/fixtures.js';
import { ChromiumEngine } from '../../main/core/documents/pdf/chromium.js';
import { templatesDir } from '../../main/core/paths.js';
import type { Figure } from './report.js';

/**
 * Memory of this process and all its descendants (the browser's processes), in MB: the
 * proportional set size (PSS, Linux), so pages the browser's processes share are counted once
 * rather than once per process as a plain RSS sum would. Elsewhere, this process's RSS.
 */
function treeRssMb(): { total: number; self: number } {
  try {
    const out = execFileSync('ps', ['-e', '-o', 'pid=,ppid='], { encoding: 'utf8' });
    const rows = out.trim().split('\n').map((l) => l.trim().split(/\s+/).map(Number)) as Array<[number, number]>;
    const inTree = new Set([process.pid]);
    for (let grew = true; grew;) {
      grew = false;
      for (const [pid, ppid] of rows) if (inTree.has(ppid) && !inTree.has(pid)) { inTree.add(pid); grew = true; }
    }
    let kb = 0;
    let self = 0;
    for (const pid of inTree) {
      try {
        const pss = Number(/^Pss:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'))?.[1] ?? 0);
        kb += pss;
        if (pid === process.pid) self = pss;
      } catch { /* the process ended meanwhile */ }
    }
    return { total: kb / 1024, self: self / 1024 };
  } catch {
    const rss = process.memoryUsage().rss / 1024 / 1024;
    return { total: rss, self: rss };
  }
}

export async function documentSetFigures(report: (f: Figure) => void): Promise<void> {
  const manifest = loadManifest();
  const state = sampleCaseState();
  const templates = manifest.map((t) => ({ t, bytes: readFileSync(join(templatesDir(), t.file)) }));
  const n = templates.length;
  const generate = () => templates.map(({ t, bytes }) => renderDocx({
    template: t, templateBytes: bytes,
    data: buildTemplateData({ state, bureau: sampleBureau, number: sampleNumber(t), fields: sampleInputs[t.id] ?? {}, today: '2026-03-25' }),
  }));
  generate(); // warm the code paths once, as a running workstation has
  const t0 = performance.now();
  const docs = generate();
  const docxMs = performance.now() - t0;
  report({ name: 'generate-41-docx', value: docxMs, unit: 'ms', op: '<', target: 1000, note: `${n} templates filled for one sample case${n < 41 ? ' — fewer than 41 templates yet' : ''}`, forceMiss: n < 41 });

  const engine = new ChromiumEngine();
  let peak = treeRssMb();
  const sample = (): void => { const m = treeRssMb(); if (m.total > peak.total) peak = m; };
  const sampler = setInterval(sample, 100);
  try {
    await engine.warmUp();
    const t1 = performance.now();
    // All queued at once, as the dossier builder and a batch print do: the engine spreads them over its pages.
    const pages = (await Promise.all(docs.map((d) => engine.convert(d)))).reduce((n, r) => n + r.pages, 0);
    const pdfSec = (performance.now() - t1) / 1000;
    sample();
    report({ name: 'render-41-pdf', value: pdfSec, unit: 's', op: '<', target: 10, note: `${n} documents, ${pages} pages, built-in Chromium engine${n < 41 ? ' — fewer than 41 templates yet' : ''}`, forceMiss: n < 41 });
    report({ name: 'render-memory', value: peak.total, unit: 'MB', op: '<', target: 500, note: `peak memory (PSS) while generating and rendering: core process ${peak.self.toFixed(0)} MB (under tsx) + browser processes ${(peak.total - peak.self).toFixed(0)} MB` });
  } finally {
    clearInterval(sampler);
    await engine.close();
  }
}
