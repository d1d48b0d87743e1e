import { describe, expect, it } from 'vitest';
import { actionForms } from '#common/schemas/actions';
import { dataOf, fieldsOf } from './schemaFields';

describe('action forms drawn from their schemas', () => {
  it('every form has a Chinese label for every field', () => {
    for (const [name, schema] of Object.entries(actionForms)) {
      for (const f of fieldsOf(schema)) expect(f.label, `${name}.${f.key}`).toMatch(/[\u4e00-\u9fa5]/);
    }
  });
  it('reads kinds, choices and defaults', () => {
    const f = Object.fromEntries(fieldsOf(actionForms.hearingNotice).map((x) => [x.key, x]));
    expect(f.notifiedOn).toMatchObject({ kind: 'date', label: '通知日期' });
    expect(f.publicHearing).toMatchObject({ kind: 'boolean', initial: true });
    const s = Object.fromEntries(fieldsOf(actionForms.service).map((x) => [x.key, x]));
    expect(s.method!.kind).toBe('choice');
    expect(s.method!.options).toContain('电子送达');
    expect(s.servedDocument!.kind).toBe('document');
    const sum = Object.fromEntries(fieldsOf(actionForms.summaryDecision).map((x) => [x.key, x]));
    expect(sum.rightsExplained!.kind).toBe('mustConfirm');
    expect(sum.fine).toMatchObject({ kind: 'number', initial: '0' });
  });
  it('turns what was typed into data the same schema accepts, and refuses what it refuses', () => {
    const fields = fieldsOf(actionForms.deferral);
    const ok = dataOf(fields, { newDueOn: '2026-05-20', instalments: '3', reason: ' 经营困难 ' });
    expect(actionForms.deferral.safeParse(ok).success).toBe(true);
    expect(ok).toMatchObject({ instalments: 3, reason: '经营困难' });
    expect(
      actionForms.deferral.safeParse(dataOf(fields, { newDueOn: '2026-02-30', instalments: '1', reason: 'x' })).success,
    ).toBe(false);
  });
});
