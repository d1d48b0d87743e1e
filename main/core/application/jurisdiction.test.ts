/**
 * 管辖 at 立案: a party registered in another county is warned of with both counties named, the core
 * refuses to open the case without a recorded reason (nothing written), and with one the reason is
 * in the 立案 event and the history. The directory lists the bureau's own county (天柱县) first.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestCore, expectFailure, type TestCore } from '../testing/testCore.js';
import { openCase } from '../testing/caseRunner.js';

let t: TestCore;
let officer: string;

beforeAll(async () => {
  t = await createTestCore();
  officer = await t.login('officer');
  t.clock.setDate('2026-03-02');
}, 60_000);
afterAll(async () => t?.close());

describe('jurisdiction at 立案', () => {
  it('the directory lists the bureau’s own county first', async () => {
    const rows = await t.call(officer, 'enterprises.search', { query: '', limit: 30 });
    const counties = rows.map((r) => r.county);
    expect(counties[0]).toBe('天柱县');
    // Hundreds of demo enterprises are in 天柱县: the whole first page is theirs.
    expect(new Set(counties)).toEqual(new Set(['天柱县']));
    const searched = await t.call(officer, 'enterprises.search', { query: '有限公司', limit: 10 });
    expect(searched[0]!.county).toBe('天柱县');
  });

  it('another county’s party: a warning naming both, refused without a reason, recorded with one', async () => {
    const [other] = await t.call(officer, 'enterprises.search', { query: '锦屏', limit: 1 });
    expect(other!.county).toBe('锦屏县');
    const j = await t.call(officer, 'cases.jurisdiction', { enterpriseId: other!.id });
    expect(j).toMatchObject({ outside: true, partyCounty: '锦屏县', bureauCounty: '天柱县' });
    expect(j.message).toContain('当事人登记在锦屏县，本局位于天柱县');

    const before = (await t.call(officer, 'cases.list', {})).total;
    const refused = await expectFailure(openCase(t, officer, { enterpriseId: other!.id }));
    expect(refused.code).toBe('JURISDICTION_REASON_REQUIRED');
    expect(refused.message).toContain('锦屏县');
    expect(refused.message).toContain('天柱县');
    expect(
      (await expectFailure(openCase(t, officer, { enterpriseId: other!.id, jurisdictionReason: '   ' }))).code,
    ).toBe('JURISDICTION_REASON_REQUIRED');
    expect((await t.call(officer, 'cases.list', {})).total).toBe(before);

    const reason = '违法行为发生地（排污口）位于本县辖区内';
    const view = await openCase(t, officer, { enterpriseId: other!.id, jurisdictionReason: reason });
    const history = await t.call(officer, 'cases.history', { caseId: view.state.id });
    expect(history.entries[0]!.summary).toContain(`当事人登记在锦屏县（本局位于天柱县），管辖理由：${reason}`);
  });

  it('a party of the bureau’s own county needs no reason', async () => {
    const [own] = await t.call(officer, 'enterprises.search', { query: '天柱', limit: 1 });
    expect((await t.call(officer, 'cases.jurisdiction', { enterpriseId: own!.id })).outside).toBe(false);
    const view = await openCase(t, officer, { enterpriseId: own!.id });
    const history = await t.call(officer, 'cases.history', { caseId: view.state.id });
    expect(history.entries[0]!.summary).not.toContain('管辖理由');
  });
});
