/**
 * Rendering fidelity on real cases: every document of every sample scenario (hearing, seizure,
 * daily penalty, summary, referral, ordinary) gets the same page count from the built-in Chromium
 * engine as from LibreOffice's conversion of the same DOCX ("Rendering fidelity").
 */
import { existsSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestCore, type TestCore } from '#core/testing/testCore.js';
import { scenarioNames, scenarios } from '#core/testing/scenario.js';
import { chromiumExecutable } from './chromium.js';
import { findSoffice, LibreOfficeEngine } from './libreoffice.js';

const soffice = findSoffice();
const hasChromium = existsSync(chromiumExecutable());
if (!soffice || !hasChromium)
  console.warn(
    `Scenario fidelity test skipped: ${!soffice ? 'no soffice (LibreOffice)' : ''}${!hasChromium ? ` no Chromium at ${chromiumExecutable()}` : ''}`,
  );

interface Doc {
  scenario: string;
  type: string;
  name: string;
  docx: Buffer;
  chromiumPages: number;
}
const docs: Doc[] = [];
let t: TestCore;

describe.skipIf(!soffice || !hasChromium)(
  'every document of every scenario paginates alike in Chromium and LibreOffice',
  () => {
    const lo = new LibreOfficeEngine();
    beforeAll(async () => {
      t = await createTestCore();
      const seen = new Set<string>();
      for (const name of scenarioNames) {
        const r = await scenarios[name]!(t, { setDate: (d) => t.clock.setDate(d) });
        for (const d of r.archived.state.documents) {
          if (seen.has(d.docxHash)) continue;
          seen.add(d.docxHash);
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
    afterAll(async () => {
      await lo.close();
      await t?.close();
    });

    it('same page count for each document', async () => {
      expect(docs.length).toBeGreaterThan(70);
      // The 29 templates the six scenarios' paths issue (scenarios.test.ts names the 12 that need other paths).
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
