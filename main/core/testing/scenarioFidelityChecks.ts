/**
 * Rendering fidelity on real cases: every document of every sample scenario (hearing, seizure,
 * daily penalty, summary, referral, ordinary, code) gets the same page count from the built-in Chromium
 * engine as from LibreOffice's conversion of the same DOCX ("Rendering fidelity"). Called by
 * api/scenarios.test.ts over the shared run of the scenarios (sampleRuns.ts).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { findSoffice, LibreOfficeEngine } from '#core/documents/pdf/libreoffice.js';
import type { SampleRuns } from './sampleRuns.js';
import { scenarioNames } from './scenario.js';

interface Doc {
  scenario: string;
  type: string;
  name: string;
  docx: Buffer;
  chromiumPages: number;
}

/** The check, over `runs()` once its scenarios have run; skipped (and said so) without both engines. */
export function describeScenarioFidelity(runs: () => SampleRuns, chromium: boolean): void {
  const soffice = findSoffice();
  if (!soffice || !chromium)
    console.warn(
      `Scenario fidelity test skipped: ${!soffice ? 'no soffice (LibreOffice)' : ''}${!chromium ? ' no Chromium' : ''}`,
    );
  describe.skipIf(!soffice || !chromium)(
    'every document of every scenario paginates alike in Chromium and LibreOffice',
    () => {
      const lo = new LibreOfficeEngine();
      const docs: Doc[] = [];
      beforeAll(async () => {
        const { t, results } = runs();
        const seen = new Set<string>();
        for (const name of scenarioNames) {
          const r = results[name]!;
          for (const d of r.archived.state.documents) {
            if (seen.has(d.docxHash)) continue;
            seen.add(d.docxHash);
            // Cached: the binding converted the same DOCX with Chromium.
            const pdf = await t.call(r.officer, 'documents.pdf', { caseId: r.caseId, documentId: d.id });
            docs.push({
              scenario: name,
              type: d.type,
              name: d.name,
              docx: Buffer.from((await t.call(r.officer, 'blobs.read', { hash: d.docxHash })).base64, 'base64'),
              chromiumPages: pdf.pages,
            });
          }
        }
      }, 300_000);
      afterAll(() => lo.close());

      it('same page count for each document', async () => {
        expect(docs.length).toBeGreaterThan(70);
        // The 29 templates the scenarios' paths issue (scenarios.test.ts names the 12 that need other paths).
        expect(new Set(docs.map((d) => d.type)).size).toBe(29);
        const results = await lo.convertMany(docs.map((d) => d.docx));
        const differ = docs
          .map((d, i) => ({ d, lo: results[i]!.pages }))
          .filter(({ d, lo: n }) => d.chromiumPages !== n)
          .map(({ d, lo: n }) => `${d.scenario} ${d.name}: Chromium ${d.chromiumPages} 页，LibreOffice ${n} 页`);
        expect(differ).toEqual([]);
      }, 300_000);
    },
  );
}
