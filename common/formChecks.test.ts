/**
 * The form checks: a from/to time pair (every template's: main/core/application/formProblems.test.ts),
 * any payment against what is owed, a step's date against the steps before it, ordered dates inside one action form.
 */
import { describe, expect, it } from 'vitest';
import {
  formDateProblems,
  paymentProblems,
  stepDateProblems,
  timeSpanProblems,
  type PaymentState,
} from './formChecks.js';
import { actionFormProblems } from './actionFormChecks.js';
import { actionForms } from './schemas/actions.js';

describe('time spans', () => {
  it('reads a start on one day and an end on the next as in order', () => {
    const f = [
      { key: 'xTime', label: '开始时间' },
      { key: 'xEnd', label: '结束时间' },
    ];
    expect(timeSpanProblems(f, { xTime: '2026-12-06T23:00', xEnd: '2026-12-07T01:00' })).toEqual([]);
    expect(timeSpanProblems(f, { xTime: '2026-12-07 9:05', xEnd: '2026-12-07 09:04' })).toHaveLength(1);
  });
});

describe('a payment against what is owed', () => {
  const state = (fine: number | null, ...paid: number[]): PaymentState => ({
    decision: fine === null ? null : { fine },
    payments: paid.map((amount) => ({ amount })),
  });

  it('refuses 30,000 yuan against a 23,700-yuan fine, naming both', () => {
    const [p] = paymentProblems('payment', { amount: 30000 }, state(23700));
    expect(p?.field).toBe('amount');
    expect(p?.message).toContain('30,000元');
    expect(p?.message).toContain('23,700元');
  });

  it('takes the exact rest, to the cent, after earlier payments', () => {
    expect(paymentProblems('payment', { amount: 13700 }, state(23700, 10000))).toEqual([]);
    expect(paymentProblems('payment', { amount: 13700.01 }, state(23700, 10000))).toHaveLength(1);
    expect(paymentProblems('payment', { amount: 0.3 }, state(0.3))).toEqual([]);
    expect(paymentProblems('payment', { amount: 0.1 }, state(0.3, 0.1, 0.1))).toEqual([]);
  });

  it('takes the 加处罚款 owed today with the fine (处罚法 art. 72)', () => {
    const late = { ...state(23700), surcharge: { amount: 711 } };
    expect(paymentProblems('payment', { amount: 24411 }, late)).toEqual([]);
    expect(paymentProblems('payment', { amount: 24411.01 }, late)[0]?.message).toContain('加处罚款711元');
  });

  it('refuses any payment once the fine is paid, or with no fine at all', () => {
    expect(paymentProblems('payment', { amount: 1 }, state(23700, 23700))[0]?.message).toContain('已缴清');
    expect(paymentProblems('payment', { amount: 1 }, state(null))).toHaveLength(1);
  });

  it('looks only at forms that pay the fine', () => {
    expect(paymentProblems('courtResult', { executedAmount: 99999 }, state(100))).toEqual([]);
  });
});

describe('dates across steps', () => {
  const steps = [
    { track: 'main', action: 'serveNotice', data: { servedOn: '2026-03-06', method: '直接送达' } },
    { track: 'main', action: 'notifyHearing', data: { notifiedOn: '2026-03-09', hearingOn: '2026-03-19' } },
    { track: 'seizure-1', action: 'implement', data: { implementedOn: '2026-03-20' } },
  ];
  const label = (k: string) => ({ heldOn: '举行日期', notifiedOn: '通知日期', paidOn: '缴款日期' })[k] ?? k;
  const name = (a: string) => ({ notifyHearing: '通知听证' })[a] ?? a;

  it('refuses a date before the latest date an earlier step of the track recorded', () => {
    const [p] = stepDateProblems({ heldOn: '2026-03-08' }, 'main', steps, label, name);
    expect(p).toEqual({
      field: 'heldOn',
      message: '举行日期（2026-03-08）早于此前“通知听证”记录的通知日期（2026-03-09），请核对日期',
    });
  });

  it('takes the same day, ignores dates set ahead (期限, 听证日期) and other tracks', () => {
    expect(stepDateProblems({ heldOn: '2026-03-09' }, 'main', steps, label, name)).toEqual([]);
    expect(stepDateProblems({ newDueOn: '2026-01-01' }, 'main', steps, label, name)).toEqual([]);
    expect(stepDateProblems({ releasedOn: '2026-03-19' }, 'seizure-1', steps, label, name)).toHaveLength(1);
    expect(stepDateProblems({ heldOn: '2026-03-10' }, 'main', steps.slice(0, 1), label, name)).toEqual([]);
  });

  it('orders the dates inside one form', () => {
    expect(
      formDateProblems('hearingNotice', { notifiedOn: '2026-03-09', hearingOn: '2026-03-08' }, label),
    ).toHaveLength(1);
    expect(formDateProblems('hearingNotice', { notifiedOn: '2026-03-09', hearingOn: '2026-03-19' }, label)).toEqual([]);
  });

  it('checks an action form with its own labels, one message per field', () => {
    const state = { decision: { fine: 23700 }, payments: [], steps };
    const problems = actionFormProblems(
      'payment',
      { amount: 30000, paidOn: '2026-03-01', receiptNo: 'x' },
      state,
      'main',
      name,
    );
    expect(problems.map((p) => p.field)).toEqual(['amount', 'paidOn']);
    expect(problems[1]?.message).toContain(String(actionForms.payment.shape.paidOn.description));
  });
});
