import { describe, expect, it } from 'vitest';
import { openedCase, versionsOf } from '#core/testing/procedureCase.js';
import { metOn } from './metOn.js';

const [ordinary] = versionsOf('ordinary', '2026.2');

describe('metOn: the day what a deadline waits for happened', () => {
  it('is null while it has not happened', () => {
    const s = openedCase('2026-03-02', ordinary!);
    expect(metOn(s, 'decisionApproved')).toBeNull();
    expect(metOn(s, 'decisionApproved|caseClosed')).toBeNull();
    expect(metOn(s, 'action:requestHearing')).toBeNull();
  });

  it('reads the date of each fact, and the earliest of alternatives', () => {
    const s = openedCase('2026-03-02', ordinary!);
    s.decision = { kind: 'penalty', fine: 1000, warning: false, approvedOn: '2026-05-06' };
    s.closedOn = '2026-05-01';
    s.steps = [...s.steps, { track: 'main', action: 'requestHearing', on: '2026-04-02', data: {} }];
    expect(metOn(s, 'decisionApproved')).toBe('2026-05-06');
    expect(metOn(s, 'decisionApproved|caseClosed')).toBe('2026-05-01');
    expect(metOn(s, 'action:requestHearing')).toBe('2026-04-02');
    // An action before the deadline began does not meet it.
    expect(metOn(s, 'action:requestHearing', 'main', '2026-04-03')).toBeNull();
  });

  it('dates 缴清 by the payment that completed the fine, not the first one', () => {
    const s = openedCase('2026-03-02', ordinary!);
    s.decision = { kind: 'penalty', fine: 1000, warning: false, approvedOn: '2026-05-06' };
    s.payments = [
      { amount: 400, paidOn: '2026-05-20', receiptNo: 'A' },
      { amount: 600, paidOn: '2026-06-03', receiptNo: 'B' },
    ];
    expect(metOn(s, 'paidInFull')).toBe('2026-06-03');
    s.payments = s.payments.slice(0, 1);
    expect(metOn(s, 'paidInFull')).toBeNull();
  });
});
