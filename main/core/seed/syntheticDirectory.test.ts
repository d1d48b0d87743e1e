import { describe, expect, it } from 'vitest';
import { isValidUscc } from '../domain/uscc.js';
import { loadEnterpriseData } from '../enterpriseResources.js';
import { checkIndustryCode } from '../domain/enterprises/industry.js';
import { guizhouCounties, syntheticDirectory } from './syntheticDirectory.js';

describe('the synthetic directory generator', () => {
  it('makes unique valid codes in Guizhou counties, the same for the same seed', () => {
    const { regions } = loadEnterpriseData();
    const d = syntheticDirectory(5000, { seed: 1 });
    expect(d.rows).toHaveLength(5000);
    expect(new Set(d.rows.map((r) => r[1])).size).toBe(5000);
    for (const r of d.rows) {
      expect(isValidUscc(r[1]!)).toBe(true);
      expect(regions.counties.has(r[4]!)).toBe(true);
      expect(checkIndustryCode(r[5]!).ok).toBe(true);
    }
    expect(new Set(d.rows.map((r) => r[4])).size).toBeGreaterThan(80);
    expect(syntheticDirectory(50, { seed: 1 }).rows).toEqual(d.rows.slice(0, 50));
  });

  it('spoils exactly the asked number of rows, of every kind, never the first', () => {
    const d = syntheticDirectory(100, { seed: 2, badRows: 12 });
    expect(d.bad).toHaveLength(12);
    expect(new Set(d.bad.map((b) => b.kind)).size).toBe(6);
    expect(Math.min(...d.bad.map((b) => b.index))).toBeGreaterThan(0);
    expect(new Set(d.bad.map((b) => b.index)).size).toBe(12);
  });

  it('shortens county names for company names', () => {
    const short = new Map(guizhouCounties().map((c) => [c.name, c.short]));
    expect(short.get('道真仡佬族苗族自治县')).toBe('道真');
    expect(short.get('六枝特区')).toBe('六枝');
    expect(short.get('观山湖区')).toBe('观山湖');
    expect(short.get('天柱县')).toBe('天柱');
  });
});
