/**
 * `npm run bench dossier-photos`: a 正卷 of ~300 pages — 10 documents of 10 pages and 200 camera
 * photos of 4000×3000 — bound in a process of its own (dossierPhotosChild.ts), timed, with the peak
 * resident memory of that process (its whole life: Node, the fonts, pdf-lib, sharp).
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { appRoot } from '#core/paths.js';
import { fixturePdf } from '#core/dossier/testFixtures.js';
import { makeJpeg, varyJpeg } from '#core/testing/photos.js';
import type { Figure } from './report.js';

export async function dossierPhotoFigures(report: (f: Figure) => void, count = 200): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'anjuan-bench-dossier-photos-'));
  try {
    const jpeg = await makeJpeg(4000, 3000);
    for (let i = 0; i < count; i++)
      writeFileSync(join(dir, `photo-${String(i).padStart(3, '0')}.jpg`), varyJpeg(jpeg, i));
    writeFileSync(join(dir, 'document.pdf'), await fixturePdf('document', { pages: 10 }));
    const out = execFileSync(
      process.execPath,
      ['--import', 'tsx', join(appRoot(), 'scripts/bench/dossierPhotosChild.ts'), dir],
      { encoding: 'utf8', stdio: ['ignore', 'pipe', 'inherit'], maxBuffer: 1024 * 1024 },
    );
    const r = JSON.parse(out.trim().split('\n').at(-1)!) as {
      seconds: number;
      peakMb: number;
      pages: number;
      pdfMb: number;
      photos: number;
    };
    const what = `${r.photos} photos of 4000×3000 and 100 document pages → ${r.pages} pages, ${r.pdfMb.toFixed(0)} MB`;
    report({ name: 'dossier-200-photos', value: r.seconds, unit: 's', op: '<', target: 15, note: what });
    report({
      name: 'dossier-200-photos-rss',
      value: Math.round(r.peakMb),
      unit: 'MB',
      op: '<',
      target: 600,
      note: 'peak resident memory of the building process, Node itself included',
    });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
