/**
 * The documents figures: every template of the manifest filled for one sample case as
 * DOCX here (timed), then filled again and rendered to PDF by the built-in Chromium engine in a
 * child process that runs as the core runs, with the memory of that child and its browser's
 * processes sampled throughout.
 */
import { execFileSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import coreNodeFlags from '../../resources/core-node-flags.json' with { type: 'json' };
import { loadManifest } from '#core/documents/manifest.js';
import { renderDocx } from '#core/documents/render.js';
import { buildTemplateData } from '#core/documents/templateData.js';
import { sampleBureau, sampleCaseState, sampleInputs, sampleNumber } from '#core/documents/fixtures.js';
import { appRoot, templatesDir } from '#core/paths.js';
import type { Figure } from './report.js';

/**
 * Memory of process `root` and all its descendants (the browser's processes), in MB: the
 * proportional set size (PSS, Linux), so pages the browser's processes share are counted once
 * rather than once per process as a plain RSS sum would. Without /proc: not a number.
 */
function treeRssMb(root: number): { total: number; self: number } {
  try {
    const out = execFileSync('ps', ['-e', '-o', 'pid=,ppid='], { encoding: 'utf8' });
    const rows = out
      .trim()
      .split('\n')
      .map((l) => l.trim().split(/\s+/).map(Number)) as Array<[number, number]>;
    const inTree = new Set([root]);
    for (let grew = true; grew; ) {
      grew = false;
      for (const [pid, ppid] of rows)
        if (inTree.has(ppid) && !inTree.has(pid)) {
          inTree.add(pid);
          grew = true;
        }
    }
    let kb = 0;
    let self = 0;
    for (const pid of inTree) {
      try {
        const pss = Number(/^Pss:\s+(\d+)/m.exec(readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'))?.[1] ?? 0);
        kb += pss;
        if (pid === root) self = pss;
      } catch {
        /* the process ended meanwhile */
      }
    }
    return { total: kb / 1024, self: self / 1024 };
  } catch {
    return { total: Number.NaN, self: Number.NaN }; // no /proc: not measurable here, printed as MISS
  }
}

export async function documentSetFigures(report: (f: Figure) => void): Promise<void> {
  const manifest = loadManifest();
  const state = sampleCaseState();
  const templates = manifest.map((t) => ({ t, bytes: readFileSync(join(templatesDir(), t.file)) }));
  const n = templates.length;
  const generate = () =>
    templates.map(({ t, bytes }) =>
      renderDocx({
        template: t,
        templateBytes: bytes,
        data: buildTemplateData({
          state,
          bureau: sampleBureau,
          number: sampleNumber(t),
          fields: sampleInputs[t.id] ?? {},
          today: '2026-03-25',
        }),
      }),
    );
  generate(); // warm the code paths once, as a running workstation has
  const t0 = performance.now();
  generate();
  const docxMs = performance.now() - t0;
  report({
    name: 'generate-41-docx',
    value: docxMs,
    unit: 'ms',
    op: '<',
    target: 1000,
    note: `${n} templates filled for one sample case${n < 41 ? ' — fewer than 41 templates yet' : ''}`,
    forceMiss: n < 41,
  });

  // The render runs in a child process as the core runs in the product (see render41Child.ts);
  // the memory sampled is that child's and its browser's.
  const child = join(appRoot(), 'dist/bench/render41.mjs'); // built by `npm run build`, which `npm run bench` runs first
  let peak = { total: 0, self: 0 };
  const proc = spawn(process.execPath, [...coreNodeFlags.flags, child], { stdio: ['ignore', 'pipe', 'inherit'] });
  const sampler = setInterval(() => {
    const m = treeRssMb(proc.pid!);
    if (m.total > peak.total) peak = m;
  }, 100);
  let out = '';
  proc.stdout.on('data', (d: Buffer) => {
    out += d.toString();
  });
  const code = await new Promise<number | null>((resolve) => proc.on('exit', resolve));
  clearInterval(sampler);
  const result =
    code === 0
      ? (JSON.parse(out.trim().split('\n').pop()!) as { documents: number; pages: number; seconds: number })
      : null;
  const why = result ? '' : ` — the render failed (exit ${code})`;
  report({
    name: 'render-41-pdf',
    value: result?.seconds ?? Number.NaN,
    unit: 's',
    op: '<',
    target: 10,
    note: `${result?.documents ?? n} documents, ${result?.pages ?? '?'} pages, built-in Chromium engine, one page${why}`,
    forceMiss: !result || n < 41,
  });
  report({
    name: 'render-memory',
    value: peak.total,
    unit: 'MB',
    op: '<',
    target: 500,
    note: `peak memory (PSS) while generating and rendering: core process ${peak.self.toFixed(0)} MB (bundled, plain Node) + browser processes ${(peak.total - peak.self).toFixed(0)} MB${why}${peak.total > 0 ? '' : ' — not measurable here (no /proc)'}`,
    forceMiss: !result || !(peak.total > 0),
  });
}
