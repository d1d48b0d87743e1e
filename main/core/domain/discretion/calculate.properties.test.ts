/**
 * Properties of the calculator over generated benchmarks (every band kind, both models, any
 * weights, levels and rounding) and over the shipped one: the fine never leaves the statutory band,
 * and a heavier level for any one factor never lowers the fine.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  discretionBenchmark,
  type BenchmarkEntry,
  type CalcModel,
  type DiscretionBenchmark,
  type DiscretionFactor,
} from '#common/schemas/discretion.js';
import type { FineBand } from '#common/schemas/reference.js';
import { bandLimits } from '#common/fineBands.js';
import { loadBenchmark } from '#core/services.js';
import { applicableFactors, calculateFine } from './calculate.js';

const money = fc.integer({ min: 0, max: 5_000_000 });
const positive = fc.integer({ min: 1, max: 5_000_000 });

const bandArb: fc.Arbitrary<FineBand> = fc.oneof(
  fc.tuple(money, positive).map(([a, b]) => ({ kind: 'range' as const, min: Math.min(a, b), max: Math.max(a, b, 1) })),
  fc.tuple(fc.integer({ min: 0, max: 50 }), fc.integer({ min: 1, max: 50 })).map(([a, b]) => ({
    kind: 'percent' as const,
    of: '建设项目总投资额',
    minPercent: Math.min(a, b),
    maxPercent: Math.max(a, b),
  })),
  fc
    .record({
      lo: fc.integer({ min: 0, max: 5 }),
      hi: fc.integer({ min: 1, max: 10 }),
      minBase: fc.option(positive, { nil: undefined }),
      fallback: fc.option(fc.tuple(money, money, positive), { nil: undefined }),
    })
    .map(({ lo, hi, minBase, fallback }) => ({
      kind: 'multiple' as const,
      of: '违法所得',
      minTimes: Math.min(lo, hi),
      maxTimes: Math.max(lo, hi),
      ...(minBase ? { minBase } : {}),
      ...(fallback
        ? {
            fallback: {
              below: fallback[0],
              min: Math.min(fallback[1], fallback[2]),
              max: Math.max(fallback[1], fallback[2]),
            },
          }
        : {}),
    })),
  fc.tuple(fc.constantFrom('日' as const, '次' as const), money, positive).map(([unit, a, b]) => ({
    kind: 'perUnit' as const,
    unit,
    minPerUnit: Math.min(a, b),
    maxPerUnit: Math.max(a, b),
  })),
  positive.map((amount) => ({ kind: 'fixed' as const, amount })),
);

/** A base the band can be counted from. */
function baseArb(band: FineBand): fc.Arbitrary<number | null> {
  if (band.kind === 'perUnit') return fc.integer({ min: 1, max: 400 });
  if (band.kind === 'percent') return fc.integer({ min: 1, max: 100_000_000 });
  if (band.kind === 'multiple')
    return band.fallback
      ? fc.option(fc.integer({ min: 0, max: 3_000_000 }), { nil: null })
      : fc.integer({ min: 1, max: 3_000_000 });
  return fc.constant(null);
}

const factorArb = (i: number): fc.Arbitrary<DiscretionFactor> =>
  fc
    .record({
      weight: fc.integer({ min: 1, max: 50 }),
      scores: fc.array(fc.integer({ min: 0, max: 100 }), { minLength: 2, maxLength: 5 }),
    })
    .map(({ weight, scores }) => ({
      id: `f${i}`,
      name: `因子${i}`,
      weight,
      evidence: [],
      levels: [...scores].sort((a, b) => a - b).map((s, j) => ({ id: `l${j}`, label: `等级${j}`, score: s / 100 })),
    }));

const modelArb: fc.Arbitrary<CalcModel> = fc.oneof(
  fc.constant({ kind: 'weightedMax' as const }),
  fc.array(fc.integer({ min: 1, max: 99 }), { minLength: 0, maxLength: 3 }).chain((cuts) => {
    const ups = [...new Set(cuts)]
      .sort((a, b) => a - b)
      .map((c) => c / 100)
      .concat(1);
    return fc
      .array(fc.integer({ min: 0, max: 100 }), { minLength: ups.length * 2, maxLength: ups.length * 2 })
      .map((fr) => {
        const edges = [...fr].sort((a, b) => a - b).map((x) => x / 100);
        return {
          kind: 'bandPerLevel' as const,
          grades: ups.map((u, i) => ({ name: `档${i}`, upToScore: u, from: edges[2 * i]!, to: edges[2 * i + 1]! })),
        };
      });
  }),
);

const caseArb = fc
  .record({
    band: bandArb,
    factors: fc
      .integer({ min: 1, max: 6 })
      .chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => factorArb(i)))),
    model: modelArb,
    roundTo: fc.constantFrom(1, 10, 100, 1000),
  })
  .chain((c) =>
    fc.record({
      c: fc.constant(c),
      base: baseArb(c.band),
      picks: fc.tuple(...c.factors.map((f) => fc.integer({ min: 0, max: f.levels.length - 1 }))),
      bump: fc.integer({ min: 0, max: c.factors.length - 1 }),
    }),
  );

function benchmarkOf(
  band: FineBand,
  factors: DiscretionFactor[],
  model: CalcModel,
  roundTo: number,
): { b: DiscretionBenchmark; e: BenchmarkEntry } {
  const e: BenchmarkEntry = {
    id: 'x',
    code: 'X-1',
    name: '测试违法行为',
    category: '其他',
    breached: [],
    penaltyArticle: { law: '《测试法》', article: '第一条' },
    band,
    penaltyText: '',
    factors,
    commonFactors: false,
    model,
    evidence: [],
    keywords: [],
    industries: [],
    verified: true,
  };
  const b = discretionBenchmark.parse({
    version: 't',
    name: 't',
    categories: [{ name: '其他', code: 'QT' }],
    roundTo,
    violations: [e],
  });
  return { b, e: b.violations[0]! };
}

const levelsOf = (factors: DiscretionFactor[], picks: readonly number[]) =>
  Object.fromEntries(factors.map((f, i) => [f.id, f.levels[picks[i]!]!.id]));

describe('discretion calculator properties (fast-check)', () => {
  it('never leaves the statutory band, and a heavier level for any factor never lowers the fine', () => {
    fc.assert(
      fc.property(caseArb, ({ c, base, picks, bump }) => {
        const { b, e } = benchmarkOf(c.band, c.factors, c.model, c.roundTo);
        const limits = bandLimits(c.band, base);
        const out = calculateFine(b, e, { levels: levelsOf(c.factors, picks), base, aggravated: false });
        expect(out.ok).toBe(limits.ok);
        if (!out.ok || !limits.ok) return;
        expect(out.result.fine).toBeGreaterThanOrEqual(limits.min);
        expect(out.result.fine).toBeLessThanOrEqual(limits.max);
        const heavier = [...picks];
        heavier[bump] = c.factors[bump]!.levels.length - 1;
        const worse = calculateFine(b, e, { levels: levelsOf(c.factors, heavier), base, aggravated: false });
        expect(worse.ok && worse.result.fine).toBeGreaterThanOrEqual(out.result.fine);
      }),
      { numRuns: 1000 },
    );
  });

  it('holds for every type of the shipped benchmark, one level up at a time', () => {
    const shipped = loadBenchmark();
    const bases: Record<string, number | null> = { percent: 2_500_000, multiple: 150_000, perUnit: 4 };
    for (const e of shipped.violations) {
      // A type with no fine of its own (生态环境法典 arts. 1166, 1171: only 拒不改正 is fined) is checked on its heavier band.
      const aggravated = e.band.kind === 'none';
      const band = aggravated ? e.aggravated?.band : e.band;
      if (!band) {
        const none = applicableFactors(shipped, e);
        const r = calculateFine(shipped, e, {
          levels: levelsOf(
            none,
            none.map(() => 0),
          ),
          base: null,
          aggravated: false,
        });
        expect(r.ok ? r.result.fine : 0, e.id).toBe(0); // nothing to fine: no amount, never a guess
        continue;
      }
      const factors = applicableFactors(shipped, e);
      const base = bases[band.kind] ?? null;
      const limits = bandLimits(band, base);
      fc.assert(
        fc.property(
          fc.tuple(...factors.map((f) => fc.integer({ min: 0, max: f.levels.length - 1 }))),
          fc.nat(),
          (picks, k) => {
            const out = calculateFine(shipped, e, { levels: levelsOf(factors, picks), base, aggravated });
            if (!out.ok || !limits.ok) throw new Error(`${e.id}: ${out.ok ? '' : out.problems.join('；')}`);
            expect(out.result.fine).toBeGreaterThanOrEqual(limits.min);
            expect(out.result.fine).toBeLessThanOrEqual(limits.max);
            const i = k % factors.length;
            if (picks[i]! + 1 >= factors[i]!.levels.length) return;
            const up = [...picks];
            up[i] = picks[i]! + 1;
            const next = calculateFine(shipped, e, { levels: levelsOf(factors, up), base, aggravated });
            expect(next.ok && next.result.fine).toBeGreaterThanOrEqual(out.result.fine);
          },
        ),
        { numRuns: 25 },
      );
    }
  });
});
