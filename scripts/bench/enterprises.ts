/**
 * Figures of the enterprise directory: importing 90,910 synthetic enterprises (the size of the provincial directory)
 * through enterprises.import, and the p95 of name-fragment searches through enterprises.search.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCore } from '#core/core.js';
import { callerFor } from '#core/testing/testCore.js';
import { syntheticDirectory } from '#core/seed/syntheticDirectory.js';
import { directoryCsvText, encodeCsv } from '#core/seed/directoryFile.js';
import { seededRandom } from '#core/seed/random.js';
import type { Figure } from './report.js';

export const directorySize = 90_910;

export function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
}

/** Fragments a clerk types: 2 to 4 characters out of real names, from their start and their middle. */
export function nameFragments(names: readonly string[], n: number, seed = 5): string[] {
  const rnd = seededRandom(seed);
  return Array.from({ length: n }, () => {
    const name = names[Math.floor(rnd() * names.length)]!;
    const len = 2 + Math.floor(rnd() * 3);
    const at = Math.floor(rnd() * Math.max(1, name.length - len));
    return name.slice(at, at + len);
  });
}

export async function enterpriseFigures(report: (f: Figure) => void): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'anjuan-bench-ent-'));
  const core = await createCore({ dataDir: dir, demo: true });
  try {
    const call = callerFor(core);
    const token = (await call(null, 'session.login', { username: 'head', password: 'head123' })).token;
    const synthetic = syntheticDirectory(directorySize, { seed: 90910 });
    // The file as the UI sends it: GBK bytes (what a Chinese Excel writes), Base64 over the transport.
    const contentBase64 = encodeCsv(directoryCsvText(synthetic.rows), 'gbk').toString('base64');
    const t0 = performance.now();
    const r = await call(token, 'enterprises.import', { fileName: '贵州省企业名录.csv', contentBase64 });
    const seconds = (performance.now() - t0) / 1000;
    if (r.added !== directorySize)
      throw new Error(`imported ${r.added} of ${directorySize}: ${JSON.stringify(r.rejectedRows.slice(0, 3))}`);
    report({
      name: 'import-90910-enterprises',
      value: seconds,
      unit: 's',
      op: '<',
      target: 15,
      note: 'GBK CSV through enterprises.import: decode, check every row, write in batches with the search index',
    });

    const fragments = nameFragments(
      synthetic.rows.map((row) => row[0]!),
      300,
    );
    for (const q of fragments.slice(0, 20)) await call(token, 'enterprises.search', { query: q, limit: 20 });
    const times: number[] = [];
    for (const q of fragments) {
      const s = performance.now();
      await call(token, 'enterprises.search', { query: q, limit: 20 });
      times.push(performance.now() - s);
    }
    report({
      name: 'enterprise-search-p95',
      value: percentile(times, 95),
      unit: 'ms',
      op: '<',
      target: 20,
      note: `300 name fragments of 2-4 characters over ${directorySize.toLocaleString('en')} enterprises, through dispatch`,
    });
  } finally {
    await core.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
