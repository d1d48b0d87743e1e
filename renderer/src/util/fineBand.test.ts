import { describe, expect, it } from 'vitest';
import { bandRange, bandText } from './fineBand';
import { parseYuan } from './money';

describe('fine bands', () => {
  const percent = { kind: 'percent' as const, of: '建设项目总投资额', minPercent: 1, maxPercent: 5 };

  it('turns a percentage band into yuan once the base is known', () => {
    expect(bandRange(percent, 2_000_000)).toEqual({ min: 20_000, max: 100_000 });
    expect(bandRange(percent, null)).toBeNull();
    expect(bandText(percent)).toBe('建设项目总投资额的 1% 至 5%');
  });

  it('reads amounts as clerks type them', () => {
    expect(parseYuan('40,000')).toBe(40000);
    expect(parseYuan(' 4，0000.5 元')).toBe(40000.5);
    expect(parseYuan('')).toBeNull();
    expect(parseYuan('四万')).toBeNull();
  });
});
