/**
 * per-case access and separation of duties (api/caseAccess.ts, docs/security.md).
 * officer2 (李娜, off-02) is not on a case opened with 张伟 and 王强; a head who lists himself as
 * officer and submits cannot approve; a reviewer who is an officer on the case cannot do its 法制审核.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestCore, expectFailure, type TestCore } from '../testing/testCore.js';
import { CaseRunner, openCase } from '../testing/caseRunner.js';
import { fileInvestigateReport } from '../testing/reportedCase.js';
import { makePng } from '../testing/png.js';
import { addDemoUser, officerReviewer, secondHead } from '../testing/extraUsers.js';

let t: TestCore;
let officer: string, officer2: string, head: string, reviewer: string, admin: string;

beforeAll(async () => {
  t = await createTestCore();
  // A second reviewer who is also a sworn officer (王强, off-03), to be listed on a case.
  addDemoUser(t, officerReviewer);
  [officer, officer2, head, reviewer, admin] = (await Promise.all(
    ['officer', 'officer2', 'head', 'reviewer', 'admin'].map((u) => t.login(u)),
  )) as [string, string, string, string, string];
}, 60_000);
afterAll(async () => t?.close());

const hooks = () => ({ setDate: (d: string) => t.clock.setDate(d) });

describe('who may see and act on a case', () => {
  let caseId = '';
  let other = '';
  beforeAll(async () => {
    t.clock.setDate('2026-03-02');
    caseId = (await openCase(t, officer, { officerIds: ['off-01', 'off-03'] })).state.id;
    other = (await openCase(t, officer2, { officerIds: ['off-01', 'off-02'] })).state.id;
  });

  it('an officer not on the case cannot get, act, start a track, generate, upload, bind or read its history', async () => {
    const attempts: Array<Promise<unknown>> = [
      t.call(officer2, 'cases.get', { caseId }),
      t.call(officer2, 'cases.act', { caseId, action: 'submitFiling', data: {}, track: 'main' }),
      t.call(officer2, 'cases.history', { caseId }),
      t.call(officer2, 'cases.startTrack', { caseId, procedure: 'correction' }),
      t.call(officer2, 'documents.generate', { caseId, type: 'filing-approval', fields: {} }),
      t.call(officer2, 'evidence.add', {
        caseId,
        kind: 'photo',
        fileName: 'a.png',
        contentBase64: makePng(32, 32, 1).toString('base64'),
        description: '照片',
        takenOn: '2026-03-02',
      }),
      t.call(officer2, 'dossier.build', { caseId }),
    ];
    for (const p of attempts) {
      const e = await expectFailure(p);
      expect(e.code).toBe('FORBIDDEN_CASE');
      expect(e.message).toMatch(/不是案件.*承办人员/);
    }
    // Nothing was written.
    expect((await t.call(officer, 'cases.get', { caseId })).state.version).toBe(1);
  });

  it('cases.list shows an officer only his cases; reviewers and heads the whole bureau; the administrator none', async () => {
    const ids = async (token: string) => (await t.call(token, 'cases.list', {})).rows.map((r) => r.id);
    expect(await ids(officer2)).toEqual([other]);
    expect((await t.call(officer2, 'cases.list', {})).total).toBe(1);
    expect(new Set(await ids(officer))).toEqual(new Set([caseId, other]));
    for (const token of [head, reviewer]) expect(new Set(await ids(token))).toEqual(new Set([caseId, other]));
    expect(await ids(admin)).toEqual([]);
    expect((await expectFailure(t.call(admin, 'cases.get', { caseId }))).code).toBe('FORBIDDEN_CASE');
    // The case's own officer, the reviewer and the head do see it.
    for (const token of [officer, reviewer, head])
      expect((await t.call(token, 'cases.get', { caseId })).state.id).toBe(caseId);
  });

  it('an officer opens a case only as one of its officers; a head may open one for others', async () => {
    const e = await expectFailure(openCase(t, officer2, { officerIds: ['off-01', 'off-03'] }));
    expect(e.code).toBe('FORBIDDEN_CASE');
    expect(e.message).toContain('须包括您本人');
    const byHead = await openCase(t, head, { officerIds: ['off-01', 'off-02'] });
    expect(byHead.state.officers.map((o) => o.id)).toEqual(['off-01', 'off-02']);
  });
});

describe('separation of duties', () => {
  it('a head who opened with himself as officer and submitted cannot approve his own 立案; another head can', async () => {
    t.clock.setDate('2026-03-02');
    const r = new CaseRunner(t, hooks(), head, head, reviewer);
    r.caseId = (await openCase(t, head, { officerIds: ['off-04', 'off-01'] })).state.id;
    await r.gen('filing-approval');
    await r.act(head, 'submitFiling');
    const e = await expectFailure(r.act(head, 'approveFiling', { comment: '同意立案。' }));
    expect(e.code).toBe('SEPARATION_OF_DUTIES');
    expect(e.message).toContain('是您本人办理的');
    expect(e.message).toContain('第五十七条');
    expect((await t.call(head, 'cases.get', { caseId: r.caseId })).state.node).toBe('filing.review');
    // A second head (副局长) approves it.
    addDemoUser(t, secondHead);
    const head2 = await t.login('head2', 'Head2-password!');
    expect((await r.act(head2, 'approveFiling', { comment: '同意立案。' })).state.node).toBe('investigation');
  });

  it('a reviewer listed as officer on the case cannot complete its 法制审核; the other reviewer can', async () => {
    const reviewer2 = await t.login('reviewer2', 'Reviewer2-pass!');
    const r = await CaseRunner.start(t, hooks());
    r.day('2026-03-02');
    r.caseId = (await openCase(t, r.officer, { officerIds: ['off-01', 'off-03'] })).state.id;
    // Above the 法制审核 threshold (500,000 yuan): the case goes to 法制审核 after the defence period.
    await fileInvestigateReport(r, 600000);
    // 王强 is on the case: he cannot do its 案件审查 either (a reviewer's action).
    expect((await expectFailure(r.act(reviewer2, 'passReview', { comment: '同意。' }))).code).toBe(
      'SEPARATION_OF_DUTIES',
    );
    await r.gen('internal-approval');
    await r.act(r.head, 'passReview', { comment: '事实清楚，证据确凿。' });
    await r.gen('penalty-notice');
    await r.act(r.officer, 'submitNotice');
    await r.act(r.head, 'approveNotice', { comment: '同意告知。' });
    r.day('2026-03-06');
    await r.gen('service-receipt', { servedDocument: '行政处罚事先告知书' });
    await r.act(r.officer, 'serveNotice');
    r.day('2026-03-16');
    expect((await r.act(r.officer, 'closeDefence')).state.node).toBe('legalReview');
    const e = await expectFailure(r.act(reviewer2, 'completeLegalReview', { opinion: '同意。', passed: true }));
    expect(e.code).toBe('SEPARATION_OF_DUTIES');
    expect(e.message).toContain('是本案的承办人员');
    expect(e.message).toContain('第五十八条');
    await r.gen('legal-review-opinion', { by: r.reviewer });
    const done = await r.act(r.reviewer, 'completeLegalReview', {
      opinion: '事实清楚，证据确凿，程序合法，同意。',
      passed: true,
    });
    expect(done.state.node).not.toBe('legalReview');
  }, 120_000);
});
