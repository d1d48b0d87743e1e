/**
 * `npm run sample-dossier -- [--scenario NAME] --out DIR [--engine chromium|libreoffice]`
 * Scenarios: ordinary (default), hearing, summary, seizure, daily-penalty, detention-referral.
 * Drives a complete sample case through the public operations (no shortcuts into the store) on a
 * fresh data directory and writes every generated .docx and .pdf, the dossier's volumes (正卷.pdf,
 * and 副卷.pdf when the case has internal documents) and manifest.json into DIR.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { createCore } from '#core/core.js';
import { FakeClock, callerFor } from '#core/testing/testCore.js';
import { scenarioNames, scenarios } from '#core/testing/scenario.js';

function arg(name: string): string | undefined {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : undefined;
}

const sha256 = (b: Uint8Array): string => createHash('sha256').update(b).digest('hex');

async function main(): Promise<void> {
  const out = arg('--out');
  const usage = `用法：npm run sample-dossier -- [--scenario ${scenarioNames.join('|')}] --out 输出目录 [--engine chromium|libreoffice]`;
  if (!out) throw new Error(usage);
  const scenario = arg('--scenario') ?? 'ordinary';
  const run = scenarios[scenario];
  if (!run) throw new Error(`没有场景“${scenario}”。${usage}`);
  const engine = (arg('--engine') ?? 'chromium') as 'chromium' | 'libreoffice';
  mkdirSync(out, { recursive: true });
  const dataDir = mkdtempSync(join(tmpdir(), 'anjuan-sample-'));
  const clock = new FakeClock(new Date('2026-03-02T10:00:00+08:00'));
  const core = await createCore({ dataDir, clock, pdfEngine: engine, demo: true }); // the demo bureau (only on request)
  const started = Date.now();
  try {
    const call = callerFor(core);
    const {
      caseId,
      officer,
      archived: closed,
      dossier,
    } = await run(
      { call },
      {
        setDate: (d) => clock.setDate(d),
        onStep: (s) => process.stderr.write(`· ${s}\n`),
      },
    );
    const documents = [];
    for (const [i, d] of closed.state.documents.entries()) {
      const base = `${String(i + 1).padStart(2, '0')}-${d.type}`;
      const docx = Buffer.from((await call(officer, 'blobs.read', { hash: d.docxHash })).base64, 'base64');
      const pdfInfo = await call(officer, 'documents.pdf', { caseId, documentId: d.id });
      const pdf = Buffer.from((await call(officer, 'blobs.read', { hash: pdfInfo.pdfHash })).base64, 'base64');
      writeFileSync(join(out, `${base}.docx`), docx);
      writeFileSync(join(out, `${base}.pdf`), pdf);
      documents.push({
        type: d.type,
        name: d.name.replace(/[《》]/g, ''),
        number: d.number,
        docx: `${base}.docx`,
        pdf: `${base}.pdf`,
        sha256: sha256(docx),
      });
    }
    // Each bound volume in its own file, 正卷.pdf and (when the case has one) 副卷.pdf; a 副卷.pdf left by an earlier run is removed.
    const volumes = [];
    for (const v of dossier.volumes) {
      const bytes = Buffer.from((await call(officer, 'blobs.read', { hash: v.pdfHash })).base64, 'base64');
      writeFileSync(join(out, `${v.volume}.pdf`), bytes);
      volumes.push({
        volume: v.volume,
        pdf: `${v.volume}.pdf`,
        pages: v.pages,
        sha256: sha256(bytes),
        catalog: v.catalog,
      });
    }
    if (!dossier.volumes.some((v) => v.volume === '副卷')) rmSync(join(out, '副卷.pdf'), { force: true });
    const manifest = {
      scenario,
      procedure: `${closed.state.procedure.id}@${closed.state.procedure.version}`,
      tracks: closed.state.tracks.map((t) => ({ id: t.id, name: t.name, node: t.node, endedOn: t.endedOn })),
      caseNumber: closed.state.number,
      party: closed.state.party.name,
      documents,
      dossier: { volumes },
    };
    writeFileSync(join(out, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);
    const pages = volumes.map((v) => `${v.volume}${v.pages}页（${v.pdf}）`).join('，');
    console.log(
      `样本卷宗（${scenario}）已生成：${out}（${documents.length}份文书，${pages}，用时${((Date.now() - started) / 1000).toFixed(1)}秒）`,
    );
  } finally {
    await core.close();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((e: unknown) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
