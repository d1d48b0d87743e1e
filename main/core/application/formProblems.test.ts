/** The core refuses what the forms check (common/formChecks.ts) with the field named, whoever the caller. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestCore, expectFailure, type TestCore } from '../testing/testCore.js';
import { openCase } from '../testing/caseRunner.js';
import { sampleFields } from '../testing/sampleFields.js';
import { timeSpanProblems, timeSpans } from '#common/formChecks.js';
import type { TemplateField } from '#common/schemas/documents.js';

let t: TestCore;
let officer = '';
let caseId = '';

beforeAll(async () => {
  t = await createTestCore();
  officer = await t.login('officer');
  caseId = (await openCase(t, officer)).state.id;
}, 60_000);
afterAll(async () => t?.close());

describe('form checks in the core', () => {
  it('refuses a 笔录 whose end time lies before its start, naming the field', async () => {
    const tpl = (await t.call(officer, 'templates.list', {})).find((x) => x.id === 'inspection-record')!;
    const fields = {
      ...sampleFields(tpl, { today: '2026-03-02' }),
      inspectionTime: '2026-03-02T09:00',
      inspectionEnd: '2026-03-02T08:00',
    };
    const e = await expectFailure(t.call(officer, 'documents.generate', { caseId, type: 'inspection-record', fields }));
    expect(e.code).toBe('VALIDATION');
    expect(e.message).toContain('检查结束时间（2026-03-02 08:00）早于检查开始时间');
    expect(e.details).toEqual([expect.objectContaining({ path: 'inspectionEnd' })]);
  });

  it('refuses a payment above what is owed, naming the amount field', async () => {
    const e = await expectFailure(
      t.call(officer, 'cases.act', {
        caseId,
        action: 'recordPayment',
        track: 'main',
        data: { amount: 30000, paidOn: '2026-03-02', receiptNo: 'GZ-1' },
      }),
    );
    expect(e.code).toBe('VALIDATION');
    expect(e.details).toEqual([expect.objectContaining({ path: 'amount' })]);
  });
});

describe('time spans in every template', () => {
  const inputsOf = (fields: TemplateField[]) => fields.filter((f) => f.source === 'input');
  const timed = (f: TemplateField) => f.input === 'datetime' || f.input === 'date';

  it('pairs every end field of every template with its start (a new template names its pair alike)', () => {
    const { manifest } = t.core.services;
    let ends = 0;
    for (const tpl of manifest) {
      const spans = timeSpans(inputsOf(tpl.fields)).map((s) => s.to.key);
      for (const end of inputsOf(tpl.fields).filter((f) => timed(f) && /End$|结束/.test(f.key + f.label))) {
        ends += 1;
        expect(spans, `${tpl.id}.${end.key} has no start`).toContain(end.key);
      }
    }
    expect(ends).toBeGreaterThanOrEqual(3); // 检查、询问、听证 at least
  });

  it('refuses every span of every template reversed, at its end field, naming both', () => {
    for (const tpl of t.core.services.manifest) {
      for (const { from, to } of timeSpans(inputsOf(tpl.fields))) {
        const values = { [from.key]: '2026-12-07T09:00', [to.key]: '2026-12-07T08:00' };
        const problems = timeSpanProblems([from, to], values);
        expect(problems.map((p) => p.field)).toEqual([to.key]);
        expect(problems[0]?.message).toContain(`${to.label}（2026-12-07 08:00）早于${from.label}`);
        expect(timeSpanProblems([from, to], { ...values, [to.key]: '2026-12-07T09:00' })).toEqual([]);
      }
    }
  });
});
