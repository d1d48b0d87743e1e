import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { chooseApplicableLaw, compareBands, type Provision } from './lighterLaw.js';

const old: Provision = {
  citation: '《甲法》第九十九条',
  versionDate: '2018-10-26',
  text: '处十万元以上一百万元以下的罚款',
  band: { kind: 'range', min: 100_000, max: 1_000_000 },
};
const later = (band: Provision['band'], text = '处…的罚款'): Provision => ({
  citation: '《生态环境法典》第八百条',
  versionDate: '2027-01-01',
  text,
  band,
});

describe('从旧兼从轻 (处罚法 art. 37)', () => {
  it('keeps the law at the time of the violation when nothing changed', () => {
    const r = chooseApplicableLaw({ atViolation: old, atDecision: { ...old } });
    expect(r.rule).toBe('unchanged');
    expect(r.chosen).toBe(old);
    expect(r.needsReview).toBe(false);
  });

  it('applies the new provision when its maximum fine is lower', () => {
    const r = chooseApplicableLaw({
      atViolation: old,
      atDecision: later({ kind: 'range', min: 50_000, max: 500_000 }),
    });
    expect(r.rule).toBe('new-law-lighter');
    expect(r.chosen?.citation).toBe('《生态环境法典》第八百条');
    expect(r.reason).toMatch(/处罚较轻/);
    expect(r.basis).toBe('《中华人民共和国行政处罚法》第三十七条');
  });

  it('keeps the old law when the new one is heavier or the same; with equal ceilings a lower floor is lighter', () => {
    expect(
      chooseApplicableLaw({ atViolation: old, atDecision: later({ kind: 'range', min: 200_000, max: 2_000_000 }) })
        .rule,
    ).toBe('old-law');
    expect(
      chooseApplicableLaw({ atViolation: old, atDecision: later({ kind: 'range', min: 100_000, max: 1_000_000 }) })
        .rule,
    ).toBe('old-law');
    expect(
      chooseApplicableLaw({ atViolation: old, atDecision: later({ kind: 'range', min: 50_000, max: 1_000_000 }) }).rule,
    ).toBe('new-law-lighter');
  });

  it('does not guess when the bands cannot be compared, and asks for review', () => {
    const noBand = chooseApplicableLaw({ atViolation: old, atDecision: later(null) });
    expect([noBand.rule, noBand.chosen, noBand.needsReview]).toEqual(['old-law-unverified', old, true]);
    const kinds = chooseApplicableLaw({
      atViolation: old,
      atDecision: later({ kind: 'percent', of: '总投资额', minPercent: 1, maxPercent: 5 }),
    });
    expect([kinds.rule, kinds.needsReview]).toEqual(['old-law-unverified', true]);
    expect(kinds.reason).toMatch(/无法自动比较/);
  });

  it('no penalty when the new law no longer treats the conduct as illegal', () => {
    const r = chooseApplicableLaw({ atViolation: old, atDecision: null, notIllegal: true });
    expect([r.rule, r.chosen]).toEqual(['not-illegal', null]);
    expect(r.reason).toMatch(/不认为该行为违法/);
  });

  it('the chosen provision never has a higher ceiling than the old one (property)', () => {
    const money = fc.integer({ min: 0, max: 5_000_000 });
    fc.assert(
      fc.property(money, money, (a, b) => {
        const band = { kind: 'range' as const, min: Math.min(a, b), max: Math.max(a, b) };
        const r = chooseApplicableLaw({ atViolation: old, atDecision: later(band) });
        const chosen = r.chosen!.band!;
        return chosen.kind === 'range' && chosen.max <= 1_000_000 && compareBands(chosen, old.band!)! <= 0;
      }),
    );
  });
});
