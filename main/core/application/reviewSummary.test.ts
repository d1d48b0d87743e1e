/**
 * `cases.reviewSummary`: at 案件审查 the reviewer reads the report's facts, the records and photos on
 * file, the applied provision, the proposed fine and the legality checklist, from the case's record;
 * nothing where the case waits for its handlers, and nothing to an officer not on the case.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestCore, expectFailure, type TestCore } from '../testing/testCore.js';
import { CaseRunner, openCase } from '../testing/caseRunner.js';
import { fileInvestigateReport } from '../testing/reportedCase.js';
import { airFacts, airReasoning } from '../testing/scenarioTexts.js';

let t: TestCore;
let r: CaseRunner;
let officer2: string;

beforeAll(async () => {
  t = await createTestCore();
  officer2 = await t.login('officer2');
  r = await CaseRunner.start(t, { setDate: (d) => t.clock.setDate(d) });
  // After the Code's commencement, so the case follows 一般程序 2026.2 with its 案件审查.
  r.shiftDays = 183;
  r.day('2026-03-02');
  r.caseId = (
    await openCase(t, r.officer, {
      officerIds: ['off-01', 'off-03'],
      discoveredOn: r.date('2026-03-02'),
      filedOn: r.date('2026-03-02'),
    })
  ).state.id;
}, 60_000);
afterAll(async () => t?.close());

const summary = (token: string) => t.call(token, 'cases.reviewSummary', { caseId: r.caseId });

describe('the review summary', () => {
  it('is empty while the case waits for its handlers (立案, 调查)', async () => {
    expect(await summary(r.head)).toBeNull();
  });

  it('at 案件审查 gives the recorded facts, evidence, basis, fine and the checklist', async () => {
    await fileInvestigateReport(r, 150000);
    const view = await t.call(r.reviewer, 'cases.get', { caseId: r.caseId });
    expect(view.nodeName).toBe('案件审查');
    const s = (await summary(r.reviewer))!;
    expect(s.nodeName).toBe('案件审查');
    expect(s.facts).toBe(airFacts);
    expect(s.penalty).toMatchObject({
      proposedFine: 150000,
      noticedFine: null,
      decision: null,
      reasoning: airReasoning,
    });
    expect(s.evidence.map((e) => e.kind)).toEqual(['现场检查(勘察)笔录', '调查询问笔录', '现场照片', '现场照片']);
    expect(s.evidence[2]!.description).toBe('1号排气筒排放状况');
    expect(s.legalBasis.penaltyProvision).toContain('第');
    expect(s.legalBasis.violation).toBe(view.state.violation.name);
    expect(s.legality.point).toBe('decision');
    const band = s.legality.checks.find((c) => c.id === 'basisAndBand')!;
    expect(band.evidence).toContain('拟罚款：150000元');
    // The officer on the case reads the same; one not on it is refused.
    expect(await summary(r.officer)).toEqual(s);
    expect((await expectFailure(summary(officer2))).code).toBe('FORBIDDEN_CASE');
  });

  it('is gone once the case is back with its handlers (事先告知)', async () => {
    await r.act(r.reviewer, 'passReview', { comment: '同意。' });
    expect(await summary(r.reviewer)).toBeNull();
  });
});
