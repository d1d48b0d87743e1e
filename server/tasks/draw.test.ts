import { describe, expect, it } from 'vitest';
import { draw, isValidSeed } from './draw.js';

const pools = [
  { countyId: '520103', candidates: ['B', 'D', 'F'], officers: ['o3', 'o4'] },
  { countyId: '520102', candidates: ['A', 'C', 'E', 'G', 'H', 'J'], officers: ['o1', 'o2', 'o5'] },
];

describe('双随机 draw', () => {
  it('gives the same assignments for the same seed, whatever the order the counties come in', () => {
    const a = draw(20261207, 2, pools);
    expect(draw(20261207, 2, [...pools].reverse())).toEqual(a);
    // A known answer: a change of library version or algorithm must show up here, not in an audit.
    expect(a.map((d) => `${d.countyId}:${d.uscc}:${d.officers.join('+')}`)).toEqual([
      '520102:E:o1+o5',
      '520102:A:o2+o5',
      '520103:F:o4+o3',
      '520103:D:o3+o4',
    ]);
  });

  it('draws other enterprises for another seed', () => {
    const seen = new Set<string>();
    for (let seed = 1; seed <= 20; seed++)
      seen.add(
        draw(seed, 2, pools)
          .map((d) => d.uscc)
          .join(),
      );
    expect(seen.size).toBeGreaterThan(5);
  });

  it('takes each candidate at most once, all of them when there are fewer than asked, and two distinct officers', () => {
    for (let seed = 0; seed < 200; seed++) {
      const d = draw(seed, 5, pools);
      const south = d.filter((x) => x.countyId === '520103');
      expect(south.map((x) => x.uscc).sort()).toEqual(['B', 'D', 'F']);
      const north = d.filter((x) => x.countyId === '520102');
      expect(new Set(north.map((x) => x.uscc)).size).toBe(5);
      expect(north.every((x) => pools[1]!.candidates.includes(x.uscc))).toBe(true);
      for (const x of d) {
        expect(x.officers[0]).not.toBe(x.officers[1]);
        const own = pools.find((p) => p.countyId === x.countyId)!.officers;
        expect(own).toContain(x.officers[0]);
        expect(own).toContain(x.officers[1]);
      }
      expect(north.map((x) => x.position)).toEqual([1, 2, 3, 4, 5]);
    }
  });

  it('spreads the picks evenly (every candidate drawn about as often)', () => {
    const counts = new Map<string, number>();
    for (let seed = 0; seed < 3000; seed++)
      for (const d of draw(seed, 1, [pools[1]!])) counts.set(d.uscc, (counts.get(d.uscc) ?? 0) + 1);
    for (const c of pools[1]!.candidates) expect(counts.get(c)).toBeGreaterThan(400); // 500 expected each
  });

  it('refuses a seed outside 32 bits and a county without two officers', () => {
    expect(isValidSeed(2 ** 32)).toBe(false);
    expect(() => draw(-1, 1, pools)).toThrow();
    expect(() => draw(1, 1, [{ countyId: '520111', candidates: ['X'], officers: ['o9'] }])).toThrow();
  });
});
