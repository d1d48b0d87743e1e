/**
 * `sample-dossier --scenario code`: dust over the limit on 2026-09-10, opened in November 2026. Every
 * document rests on the 生态环境法典 (art. 1107), and none cites a law it repealed (art. 1242).
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestCore, type TestCore } from '../testing/testCore.js';
import { scenarios, type ScenarioResult } from '../testing/scenario.js';
import { docxText } from '../documents/render.js';
import { loadLawData } from '../lawResources.js';

let t: TestCore;
let result: ScenarioResult;
const texts = new Map<string, string>();

beforeAll(async () => {
  t = await createTestCore({ today: '2026-11-02' });
  result = await scenarios.code!(t, { setDate: (d) => t.clock.setDate(d) });
  for (const d of result.archived.state.documents) {
    const bytes = Buffer.from((await t.call(result.officer, 'blobs.read', { hash: d.docxHash })).base64, 'base64');
    texts.set(`${d.type}#${d.version}#${d.fields.servedDocument ?? ''}`, docxText(bytes).replace(/\s+/g, ''));
  }
}, 240_000);
afterAll(async () => t?.close());

describe('a Code-era case from 立案 to 归档', () => {
  it('runs to 归档 in November 2026 on an act of 2026-09-10, resting on art. 1107', () => {
    const v = result.archived;
    expect(v.state.node).toBe('archived');
    expect(v.state.filedOn).toBe('2026-11-02');
    expect(v.state.violationOn).toBe('2026-09-10');
    expect(v.legalBasis).toMatchObject({ rule: 'in-force', actOn: '2026-09-10' });
    expect(v.legalBasis!.applied!.citation).toBe('《中华人民共和国生态环境法典》第一千一百零七条');
  });

  it('cites 法典 art. 1107 in the 立案审批表, 调查报告, 告知书 and 决定书', () => {
    for (const type of ['filing-approval', 'investigation-report', 'penalty-notice', 'penalty-decision']) {
      const text = [...texts].find(([k]) => k.startsWith(`${type}#`))?.[1];
      expect(text, type).toContain('《中华人民共和国生态环境法典》第一千一百零七条');
    }
  });

  it('cites no law the Code repealed, in any document', () => {
    const repealed = loadLawData().repeals.map((r) => `《中华人民共和国${r.law}》`);
    expect(texts.size).toBeGreaterThan(8);
    for (const [key, text] of texts) {
      for (const name of repealed) expect(text.includes(name), `${key} cites ${name}`).toBe(false);
    }
  });
});
