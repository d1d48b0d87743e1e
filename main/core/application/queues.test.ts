/**
 * Each role's own work first, through dispatch: the head's 待我审批 holds exactly the cases waiting
 * for his approval, the reviewer's 待我审核 those at 案件审查 and 法制审核, and an officer's 我的案件
 * only the open cases he is on — never another officer's.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestCore, type TestCore } from '../testing/testCore.js';
import { openCase } from '../testing/caseRunner.js';
import { sampleFields } from '../testing/sampleFields.js';
import { placeCase } from '../testing/placedCase.js';

let t: TestCore;
let officer: string, officer2: string, head: string, reviewer: string, admin: string;
let submitted = '';

const ids = (rows: Array<{ id: string }>) => new Set(rows.map((r) => r.id));

beforeAll(async () => {
  t = await createTestCore({ today: '2026-03-04' });
  [officer, officer2, head, reviewer, admin] = (await Promise.all(
    ['officer', 'officer2', 'head', 'reviewer', 'admin'].map((u) => t.login(u)),
  )) as [string, string, string, string, string];
  // One case walked through the operations to 立案审批: the 立案审批表, then 提交立案审批.
  const v = await openCase(t, officer, {
    filedOn: '2026-03-04',
    discoveredOn: '2026-03-04',
    officerIds: ['off-01', 'off-03'],
  });
  submitted = v.state.id;
  const tpl = (await t.call(officer, 'templates.list', {})).find((x) => x.id === 'filing-approval')!;
  await t.call(officer, 'documents.generate', {
    caseId: submitted,
    type: 'filing-approval',
    fields: sampleFields(tpl, { today: '2026-03-04' }),
  });
  await t.call(officer, 'cases.act', { caseId: submitted, action: 'submitFiling', data: {} });
  // The others placed where they stand.
  const s = t.core.services;
  placeCase(s, { id: 'c-decision', number: '测〔2026〕2号', node: 'decision.review' });
  placeCase(s, { id: 'c-review', number: '测〔2026〕3号', node: 'review' });
  placeCase(s, { id: 'c-legal', number: '测〔2026〕4号', node: 'legalReview', officerIds: ['off-02', 'off-03'] });
  placeCase(s, { id: 'c-invest', number: '测〔2026〕5号', node: 'investigation' });
  placeCase(s, { id: 'c-other', number: '测〔2026〕6号', node: 'investigation', officerIds: ['off-02', 'off-03'] });
  placeCase(s, { id: 'c-closed', number: '测〔2026〕7号', node: 'closing.review', officerIds: ['off-01', 'off-02'] });
  s.cases.write('c-closed', { id: 'user-head', name: '杨建国', device: 'test' }, () => [
    {
      type: 'action.performed',
      payload: {
        action: 'approveClosing',
        from: 'closing.review',
        to: 'closed',
        approval: true,
        sendBack: false,
        data: { comment: '同意结案' },
        on: '2026-03-04',
        terminal: true,
      },
    },
  ]);
  placeCase(s, {
    id: 'c-summary',
    number: '测〔2026〕8号',
    node: 'onSpot',
    procedure: { id: 'summary', version: '2026.1' },
  });
}, 120_000);
afterAll(async () => t?.close());

describe('queues.mine', () => {
  it('the head sees exactly the approvals awaiting him (立案审批, 决定审批), not the reviewer’s or the officers’ steps', async () => {
    const q = await t.call(head, 'queues.mine', {});
    const approvals = q.awaiting.find((a) => a.role === 'head')!;
    expect(ids(approvals.rows)).toEqual(new Set([submitted, 'c-decision']));
    expect(approvals.total).toBe(2);
    const row = approvals.rows.find((r) => r.id === 'c-decision')!;
    expect(row.waitingAt).toEqual([
      expect.objectContaining({
        track: 'main',
        nodeName: '决定审批',
        roles: ['head'],
        actions: ['批准决定', '退回决定'],
      }),
    ]);
  });

  it('the reviewer’s 待我审核 holds the cases at 案件审查 and 法制审核', async () => {
    const q = await t.call(reviewer, 'queues.mine', {});
    expect(q.awaiting.map((a) => a.role)).toEqual(['reviewer']);
    expect(ids(q.awaiting[0]!.rows)).toEqual(new Set(['c-review', 'c-legal']));
    expect(q.mine).toBeNull(); // the reviewer is no 执法人员
  });

  it('an officer’s 我的案件 are his open cases only, with what is due next', async () => {
    const mine = (await t.call(officer, 'queues.mine', {})).mine!;
    expect(ids(mine.rows)).toEqual(new Set([submitted, 'c-decision', 'c-review', 'c-invest', 'c-summary']));
    const theirs = (await t.call(officer2, 'queues.mine', {})).mine!;
    expect(ids(theirs.rows)).toEqual(
      new Set(['c-decision', 'c-review', 'c-legal', 'c-other', 'c-invest', 'c-summary']),
    );
    expect(theirs.rows.some((r) => r.id === submitted)).toBe(false); // 李娜 is not on the walked case
    const invest = mine.rows.find((r) => r.id === 'c-invest')!;
    expect(invest.nextDue).toMatchObject({ name: '作出处罚决定期限', owner: 'bureau', status: 'running' });
    expect(invest.waitingAt[0]).toMatchObject({ nodeName: '调查取证', roles: ['officer'] });
  });

  it('an officer never sees the head’s queue of another officer’s case', async () => {
    const q = await t.call(officer2, 'queues.mine', {});
    const own = q.awaiting.find((a) => a.role === 'officer')!;
    expect(ids(own.rows)).toEqual(new Set(['c-other', 'c-invest', 'c-summary']));
    expect(q.awaiting.some((a) => a.role === 'head')).toBe(false);
  });

  it('moves with the case: once the head approves, the case leaves his queue', async () => {
    await t.call(head, 'cases.act', { caseId: submitted, action: 'approveFiling', data: { comment: '同意立案' } });
    const q = await t.call(head, 'queues.mine', {});
    expect(ids(q.awaiting.find((a) => a.role === 'head')!.rows)).toEqual(new Set(['c-decision']));
  });

  it('the administrator manages accounts, not cases: no queue', async () => {
    expect(await t.call(admin, 'queues.mine', {})).toEqual({ awaiting: [], mine: null });
  });

  it('refuses a bad page with a clear message', async () => {
    await expect(t.call(head, 'queues.mine', { limit: 0 })).rejects.toMatchObject({ code: 'VALIDATION' });
  });
});

describe('queues.counts', () => {
  it('gives the navigation’s badges in one call, equal to the queues', async () => {
    for (const token of [head, reviewer, officer, officer2]) {
      const [q, c] = await Promise.all([t.call(token, 'queues.mine', {}), t.call(token, 'queues.counts', {})]);
      expect(c.awaiting).toEqual(q.awaiting.map((a) => ({ role: a.role, total: a.total })));
      expect(c.mine).toBe(q.mine?.total ?? null);
    }
  });
});
