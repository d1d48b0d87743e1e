/**
 * The render half of the documents figures, run as the workstation's core runs: bundled by
 * scripts/build.mjs as the core is, and started by documents41.ts under plain Node with the core's Node flags, so
 * the memory measured is that of the product's code, not of tsx compiling TypeScript on the fly.
 * Fills every template of the manifest for one sample case (as the core does before printing),
 * then renders all of them with the built-in Chromium engine; prints one JSON line.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { loadManifest } from '#core/documents/manifest.js';
import { renderDocx } from '#core/documents/render.js';
import { buildTemplateData } from '#core/documents/templateData.js';
import { sampleBureau, sampleCaseState, sampleInputs, sampleNumber } from '#core/documents/fixtures.js';
import { ChromiumEngine } from '#core/documents/pdf/chromium.js';
import { templatesDir } from '#core/paths.js';

const state = sampleCaseState();
const docs = loadManifest().map((t) =>
  renderDocx({
    template: t,
    templateBytes: readFileSync(join(templatesDir(), t.file)),
    data: buildTemplateData({
      state,
      bureau: sampleBureau,
      number: sampleNumber(t),
      fields: sampleInputs[t.id] ?? {},
      today: '2026-03-25',
    }),
  }),
);
const engine = new ChromiumEngine();
try {
  await engine.warmUp();
  const t0 = performance.now();
  // All queued at once, as the dossier builder and a batch print do.
  const pages = (await Promise.all(docs.map((d) => engine.convert(d)))).reduce((n, r) => n + r.pages, 0);
  const seconds = (performance.now() - t0) / 1000;
  console.log(JSON.stringify({ documents: docs.length, pages, seconds }));
} finally {
  await engine.close();
}
