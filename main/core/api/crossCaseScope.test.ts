/**
 * the reads that span cases — 到期提醒 (deadlines.overview), an enterprise's page
 * (enterprises.get) and prior violations (recommend.priorViolations) — show an officer only his
 * cases' details; another officer's case is at most counted, with a prior penalty's decision date
 * (docs/security.md “跨案件的查询”). Before: officer2 saw every case's number, party and due dates.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestCore, type TestCore } from '../testing/testCore.js';
import { openCase } from '../testing/caseRunner.js';

let t: TestCore;
let officer: string, officer2: string, head: string, reviewer: string, admin: string;
let mine = '',
  theirs = '',
  enterpriseId = '';

beforeAll(async () => {
  t = await createTestCore({ today: '2026-03-04' });
  [officer, officer2, head, reviewer, admin] = (await Promise.all(
    ['officer', 'officer2', 'head', 'reviewer', 'admin'].map((u) => t.login(u)),
  )) as [string, string, string, string, string];
  enterpriseId = (await t.call(officer, 'enterprises.search', { query: '天柱', limit: 1 }))[0]!.id;
  // 张伟 and 王强's case (officer2 李娜 is not on it), and 李娜's own; both of the same enterprise, both old enough to be due.
  theirs = (
    await openCase(t, officer, {
      enterpriseId,
      officerIds: ['off-01', 'off-03'],
      filedOn: '2025-12-10',
      discoveredOn: '2025-12-10',
    })
  ).state.id;
  mine = (
    await openCase(t, officer2, {
      enterpriseId,
      officerIds: ['off-02', 'off-01'],
      filedOn: '2025-12-11',
      discoveredOn: '2025-12-11',
    })
  ).state.id;
  // A decided penalty on 张伟's case (set in the projection: the decision's procedure is tested elsewhere).
  t.core.services.db
    .prepare("UPDATE cases SET state = json_set(state, '$.decision', json(?)) WHERE id = ?")
    .run(JSON.stringify({ kind: 'penalty', fine: 150_000, warning: false, approvedOn: '2025-12-20' }), theirs);
}, 60_000);
afterAll(async () => t?.close());

describe('reads across cases are scoped like cases.list', () => {
  it('deadlines.overview: an officer sees his cases only; reviewers and heads the bureau; the administrator none', async () => {
    const ids = async (token: string) =>
      new Set((await t.call(token, 'deadlines.overview', { include: 'all' })).rows.map((r) => r.caseId));
    expect(await ids(officer2)).toEqual(new Set([mine]));
    expect(await ids(officer)).toEqual(new Set([mine, theirs]));
    for (const token of [head, reviewer]) expect(await ids(token)).toEqual(new Set([mine, theirs]));
    expect(await ids(admin)).toEqual(new Set());
  });

  it('enterprises.get: the cases and inspections an officer may see, the others only counted', async () => {
    const page = await t.call(officer2, 'enterprises.get', { id: enterpriseId });
    expect(page.cases.map((c) => c.id)).toEqual([mine]);
    expect(page.otherCases).toBe(1);
    expect(JSON.stringify(page)).not.toContain(theirs);
    const full = await t.call(head, 'enterprises.get', { id: enterpriseId });
    expect(new Set(full.cases.map((c) => c.id))).toEqual(new Set([mine, theirs]));
    expect(full.otherCases).toBe(0);
  });

  it("recommend.priorViolations: another officer's penalty counts, shown by its decision date only", async () => {
    const q = { enterpriseId, date: '2026-03-01', violationId: 'air-over-standard-emission', excludeCaseId: mine };
    const r = await t.call(officer2, 'recommend.priorViolations', q);
    expect(r.priors).toEqual([{ restricted: true, decidedOn: '2025-12-20' }]);
    expect(r.firstViolation).toBe(false);
    const counted = r.rules.filter((x) => x.applies);
    expect(counted.length).toBeGreaterThan(0);
    for (const rule of counted) expect(rule).toMatchObject({ caseIds: [], otherCases: 1 });
    expect(JSON.stringify(r.priors)).not.toMatch(new RegExp(`${theirs}|150000|air-over-standard-emission|立字`));
    expect(JSON.stringify(r.rules)).not.toContain(theirs);
    const byHead = await t.call(head, 'recommend.priorViolations', q);
    expect(byHead.priors).toEqual([expect.objectContaining({ restricted: false, caseId: theirs, fine: 150_000 })]);
    expect(byHead.rules.filter((x) => x.applies).every((x) => x.caseIds.includes(theirs) && x.otherCases === 0)).toBe(
      true,
    );
  });
});
