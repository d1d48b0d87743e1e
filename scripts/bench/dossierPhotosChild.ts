/**
 * The build half of `npm run bench dossier-photos`, in a process of its own so that its peak memory
 * is the build's alone: a case with 10 documents of 10 pages and the 200 photos in <dir>, bound with
 * buildCaseDossier (photos read from files one at a time, as from the blob store). Prints
 * `{ seconds, peakMb, startMb, pages, pdfMb, photos }` as JSON on its last line.
 *   node --import tsx scripts/bench/dossierPhotosChild.ts <dir>
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { applyEvent } from '#core/domain/caseReducer.js';
import { loadManifest } from '#core/documents/manifest.js';
import { buildCaseDossier } from '#core/dossier/buildCaseDossier.js';
import { event, openedCase } from '#core/testing/procedureCase.js';
import { peakRssDuring, rssMb } from './photoLoad.js';
import { peakRssBytes } from './peakRss.js';

const dir = process.argv[2];
if (!dir) throw new Error('用法：dossierPhotosChild.ts <照片目录>');
const manifest = loadManifest();
const docTypes = manifest.filter((t) => t.volume === '正卷' && !t.id.startsWith('dossier-')).slice(0, 10);
let state = openedCase('2026-09-01');
for (const t of docTypes)
  state = applyEvent(
    state,
    event(state, {
      type: 'document.generated',
      payload: {
        id: `d-${t.id}`,
        type: t.id,
        name: `《${t.name}》`,
        number: null,
        version: 1,
        docxHash: t.id,
        templateVersion: '1',
        generatedAt: '2026-09-02T02:00:00.000Z',
        generatedBy: '张伟',
        fields: {},
      },
    }),
  );
const photos = readdirSync(dir)
  .filter((f) => f.endsWith('.jpg'))
  .sort();
photos.forEach((file, i) => {
  state = applyEvent(
    state,
    event(state, {
      type: 'evidence.added',
      payload: {
        id: `p${i}`,
        kind: 'photo',
        fileName: file,
        mimeType: 'image/jpeg',
        hash: file,
        size: 0,
        description: `厂区现场第${i + 1}张`,
        takenOn: '2026-09-02',
        addedAt: '',
        addedBy: '',
      },
    }),
  );
});
const docPdf = readFileSync(join(dir, 'document.pdf'));
const startMb = rssMb();
const t0 = performance.now();
const { result, peakMb } = await peakRssDuring(() =>
  buildCaseDossier(
    state,
    {
      blobs: { get: (hash) => (hash === 'document.pdf' ? docPdf : readFileSync(join(dir, hash))) },
      pdf: { pdfFor: async () => ({ pdfHash: 'document.pdf', pages: 10, engine: 'fixture' }) },
      manifest,
      bureauName: '黔东南州生态环境局',
      retention: '30年',
    },
    '2026-12-07',
    '张伟',
  ),
);
const seconds = (performance.now() - t0) / 1000;
const maxRssMb = peakRssBytes() / 1024 / 1024;
console.log(
  JSON.stringify({
    seconds,
    startMb,
    peakMb: Math.max(peakMb, maxRssMb),
    pages: result.reduce((n, v) => n + v.pages, 0),
    pdfMb: result.reduce((n, v) => n + v.pdf.length, 0) / 1024 / 1024,
    photos: photos.length,
  }),
);
process.exit(0);
