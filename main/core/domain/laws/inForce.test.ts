import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { closePeriods, inForceOn } from './inForce.js';

const v = (versionDate: string, effectiveFrom: string) => ({ versionDate, effectiveFrom });

describe('the version in force on a date', () => {
  const periods = closePeriods([
    v('2021-01-22', '2021-07-15'),
    v('1996-03-17', '1996-10-01'),
    v('2017-09-01', '2018-01-01'),
  ]);

  it('closes each version the day before the next takes effect, whatever the order given', () => {
    expect(periods.map((p) => [p.versionDate, p.effectiveFrom, p.effectiveTo])).toEqual([
      ['1996-03-17', '1996-10-01', '2017-12-31'],
      ['2017-09-01', '2018-01-01', '2021-07-14'],
      ['2021-01-22', '2021-07-15', null],
    ]);
  });

  it('chooses by date, with both ends inclusive', () => {
    expect(inForceOn(periods, '2021-07-14')?.versionDate).toBe('2017-09-01');
    expect(inForceOn(periods, '2021-07-15')?.versionDate).toBe('2021-01-22');
    expect(inForceOn(periods, '2030-01-01')?.versionDate).toBe('2021-01-22');
    expect(inForceOn(periods, '1996-09-30')).toBeNull();
  });

  it('a revision published but not yet in force leaves the old text in force (version date ≠ commencement)', () => {
    expect(inForceOn(periods, '2021-03-01')?.versionDate).toBe('2017-09-01');
  });

  it('exactly one version is in force on any date after the first commencement (property)', () => {
    const day = fc
      .integer({ min: 0, max: 20_000 })
      .map((d) => new Date(Date.UTC(1990, 0, 1) + d * 86_400_000).toISOString().slice(0, 10));
    fc.assert(
      fc.property(fc.uniqueArray(day, { minLength: 1, maxLength: 6 }), day, (starts, date) => {
        const ps = closePeriods(starts.map((s) => v(s, s)));
        const inForce = ps.filter((p) => p.effectiveFrom <= date && (p.effectiveTo === null || date <= p.effectiveTo));
        const first = [...starts].sort()[0]!;
        return inForce.length === (date >= first ? 1 : 0) && inForceOn(ps, date) === (inForce[0] ?? null);
      }),
    );
  });
});
