import { describe, expect, it } from 'vitest';
import type { PriorCase } from '#common/schemas/discretion.js';
import { loadBenchmark } from '#core/services.js';
import { repetitionOutcomes } from './priorViolations.js';

const { repetition } = loadBenchmark();
const prior = (caseId: string, decidedOn: string, category: string | null, violationId = 'x'): PriorCase => ({
  caseId,
  number: `黔环罚〔${decidedOn.slice(0, 4)}〕${caseId}号`,
  violationId,
  violationName: '某违法行为',
  category,
  decidedOn,
  fine: 100_000,
});

describe('prior violations that count as repetition', () => {
  it('counts same-category penalties decided within one year before the date (unverified window, kept as data)', () => {
    const r = repetitionOutcomes(
      [prior('a', '2025-03-02', '水'), prior('b', '2025-03-01', '水'), prior('c', '2025-12-01', '大气')],
      repetition,
      { date: '2026-03-02', category: '水', violationId: 'water-over-standard-discharge' },
    );
    const oneYear = r.rules.find((x) => x.id === 'repeat-1y')!;
    expect(oneYear).toMatchObject({ applies: true, caseIds: ['a'], windowFrom: '2025-03-02', verified: false });
    expect(r.firstViolation).toBe(false);
    expect(r.before.map((p) => p.caseId)).toEqual(['c', 'a', 'b']);
  });

  it('flags two or more penalties within two years (两高 2023 解释 art. 1(8), art. 19), not one', () => {
    const q = { date: '2026-03-02', category: '固废', violationId: 'hw-illegal-dumping' };
    const two = repetitionOutcomes([prior('a', '2024-03-02', '固废'), prior('b', '2025-06-01', '固废')], repetition, q);
    expect(two.rules.find((x) => x.id === 'criminal-2y-2x')).toMatchObject({
      applies: true,
      caseIds: ['b', 'a'],
      verified: true,
    });
    expect(two.rules.find((x) => x.id === 'criminal-2y-2x')!.source).toContain('第十九条');
    const one = repetitionOutcomes([prior('a', '2024-03-01', '固废'), prior('b', '2025-06-01', '固废')], repetition, q);
    expect(one.rules.find((x) => x.id === 'criminal-2y-2x')!.applies).toBe(false);
  });

  it('ignores decisions on or after the date, and says when the party has none (初次违法)', () => {
    const r = repetitionOutcomes([prior('later', '2026-03-02', '水')], repetition, {
      date: '2026-03-02',
      category: '水',
      violationId: null,
    });
    expect(r.before).toEqual([]);
    expect(r.firstViolation).toBe(true);
    expect(r.rules.every((x) => !x.applies)).toBe(true);
  });
});
