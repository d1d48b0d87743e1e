import { describe, expect, it } from 'vitest';
import type { BenchmarkEntry, CalculationResult } from '#common/schemas/discretion.js';
import { loadBenchmark } from '#core/services.js';
import { applicableFactors, calculateFine, type CalcRequest } from './calculate.js';
import { explanationText } from './explanation.js';

const benchmark = loadBenchmark();
const entry = (id: string): BenchmarkEntry => benchmark.violations.find((v) => v.id === id)!;

/** Every factor of the type at the level with this index (clamped to the factor's levels). */
function levelsAt(e: BenchmarkEntry, index: number | ((factorId: string) => number)): Record<string, string> {
  return Object.fromEntries(
    applicableFactors(benchmark, e).map((f) => {
      const i = typeof index === 'number' ? index : index(f.id);
      return [f.id, f.levels[Math.min(i, f.levels.length - 1)]!.id];
    }),
  );
}

function calc(id: string, req: Partial<CalcRequest> & { levels: Record<string, string> }): CalculationResult {
  const out = calculateFine(benchmark, entry(id), { base: null, aggravated: false, ...req });
  if (!out.ok) throw new Error(out.problems.join('；'));
  return out.result;
}

describe('discretion calculator (weighted score × statutory maximum)', () => {
  it('explains each factor with its level, weight and share of the fine, and adds up to the fine', () => {
    const e = entry('air-over-standard-emission');
    const r = calc(e.id, { levels: levelsAt(e, 1) });
    expect(r.model).toBe('weightedMax');
    expect(r.min).toBe(100_000);
    expect(r.max).toBe(1_000_000);
    expect(r.steps.map((s) => s.factor)).toEqual([
      '主观过错',
      '危害后果',
      '环境敏感区域',
      '整改情况',
      '再次违法',
      '配合调查',
      '污染物超标倍数',
      '违法行为持续时间',
    ]);
    expect(r.totalWeight).toBe(100);
    // 10×0.5 + 15×0.4 + 10×0.5 + 10×0.3 + 10×0.6 + 5×0.4 + 25×0.35 + 15×0.35 = 41 of 100
    expect(r.score).toBe(0.41);
    expect(r.fine).toBe(410_000);
    expect(r.clamped).toBeNull();
    expect(r.steps.reduce((s, x) => s + x.amount!, 0)).toBeCloseTo(410_000, 0);
    expect(r.lines.join('\n')).toContain(
      '污染物超标倍数：超标0.5倍以上1倍以下（等级分值0.35，权重25/100，加权分值0.0875，折合87,500元）',
    );
    expect(r.lines.at(-1)).toBe(`建议罚款金额：410,000元（裁量基准版本 ${r.benchmarkVersion}）。`);
    expect(r.benchmarkVersion).toBe(benchmark.version);
  });

  it('brings an amount below the statutory minimum up to it, and says so', () => {
    const e = entry('air-over-standard-emission');
    const r = calc(e.id, { levels: levelsAt(e, 0) });
    expect(r.raw).toBe(0);
    expect(r.fine).toBe(100_000);
    expect(r.clamped).toBe('min');
    expect(r.lines.join('')).toContain('计算金额低于法定最低额，依法按最低额100,000元确定');
    expect(explanationText(r)).toContain('低于法定最低额，依法按100,000元确定，拟处罚款100,000元');
  });

  it('reaches the statutory maximum with every factor at its heaviest level', () => {
    const e = entry('water-over-standard-discharge');
    const r = calc(e.id, { levels: levelsAt(e, 99) });
    expect(r.score).toBe(1);
    expect(r.fine).toBe(1_000_000);
    expect(r.clamped).toBeNull();
  });

  it('counts a percentage band from the total investment (环评法 art. 31)', () => {
    const e = entry('eia-unapproved-construction');
    const r = calc(e.id, { levels: levelsAt(e, 99), base: 3_000_000 });
    expect([r.min, r.max]).toEqual([30_000, 150_000]);
    expect(r.fine).toBe(150_000);
    expect(r.basis).toBe('建设项目总投资额3,000,000元的1%至5%');
    const missing = calculateFine(benchmark, e, { levels: levelsAt(e, 0), base: null, aggravated: false });
    expect(missing).toEqual({ ok: false, problems: ['须填写建设项目总投资额以计算法定幅度'] });
  });

  it('counts a multiple of the disposal cost on at least 200,000 yuan (固废法 art. 112)', () => {
    const e = entry('hw-illegal-dumping');
    const low = calc(e.id, { levels: levelsAt(e, 0), base: 50_000 });
    expect([low.min, low.max]).toEqual([600_000, 1_000_000]);
    expect(low.basis).toContain('不足200,000元，按200,000元计算');
    expect(low.fine).toBe(600_000);
    const high = calc(e.id, { levels: levelsAt(e, 99), base: 400_000 });
    expect([high.min, high.max, high.fine]).toEqual([1_200_000, 2_000_000, 2_000_000]);
  });

  it('uses the fallback band when there is no illegal income (放射性同位素条例 art. 52)', () => {
    const e = entry('rad-no-license');
    const none = calc(e.id, { levels: levelsAt(e, 99), base: 0 });
    expect([none.min, none.max, none.fine]).toEqual([10_000, 100_000, 100_000]);
    expect(none.basis).toContain('没有违法所得');
    const some = calc(e.id, { levels: levelsAt(e, 99), base: 300_000 });
    expect([some.min, some.max, some.fine]).toEqual([300_000, 1_500_000, 1_500_000]);
  });

  it('applies the heavier band the article sets for 逾期不改正, and refuses it where there is none', () => {
    const e = entry('cp-facilities-not-accepted');
    const r = calc(e.id, { levels: levelsAt(e, 1), aggravated: true });
    expect([r.min, r.max]).toEqual([1_000_000, 2_000_000]);
    expect(r.lines[1]).toContain('（适用“逾期不改正的”的幅度）');
    const none = calculateFine(benchmark, entry('air-over-standard-emission'), {
      levels: {},
      base: null,
      aggravated: true,
    });
    expect(none.ok).toBe(false);
  });
});

describe('discretion calculator (grades within the band)', () => {
  it('places the fine inside the grade the weighted score falls in (per occurrence, 排污许可条例 art. 37)', () => {
    const e = entry('permit-ledger-missing');
    const r = calc(e.id, { levels: levelsAt(e, 1), base: 3 });
    expect(r.model).toBe('bandPerLevel');
    expect([r.min, r.max]).toEqual([15_000, 60_000]);
    expect(r.grade).toBe('一般');
    expect(r.fine).toBeGreaterThanOrEqual(15_000 + 45_000 * 0.3);
    expect(r.fine).toBeLessThanOrEqual(15_000 + 45_000 * 0.7);
    expect(r.steps.every((s) => s.amount === null)).toBe(true);
    expect(explanationText(r)).toMatch(/属于“一般”档/);
    const bad = calculateFine(benchmark, e, { levels: levelsAt(e, 1), base: 2.5, aggravated: false });
    expect(bad).toEqual({ ok: false, problems: ['须填写违法次数（正整数）以计算法定幅度'] });
  });

  it('says a band with no floor may give 0 and what that means', () => {
    const e = entry('eia-registration-not-filed');
    const r = calc(e.id, { levels: levelsAt(e, 0) });
    expect(r.fine).toBe(0);
    expect(r.lines.join('')).toContain('法定幅度没有下限');
  });
});

describe('discretion calculator refuses incomplete or wrong choices', () => {
  it('lists the factors without a level, unknown levels and factors that do not apply', () => {
    const e = entry('air-over-standard-emission');
    const levels = levelsAt(e, 0);
    delete levels.harm;
    delete levels.duration;
    levels.fault = 'nonsense';
    levels.quantity = 'lt1t';
    const out = calculateFine(benchmark, e, { levels, base: null, aggravated: false });
    expect(out.ok).toBe(false);
    const text = out.ok ? '' : out.problems.join('\n');
    expect(text).toContain('请选择裁量因子的等级：危害后果、违法行为持续时间');
    expect(text).toContain('以下裁量因子不适用于该违法行为：quantity');
    expect(text).toContain('裁量因子“主观过错”没有等级“nonsense”');
  });
});

describe('explanationText (for the 调查报告 and 决定书)', () => {
  it('is one paragraph citing the article, the band, the factors as found, the method and the amount', () => {
    const e = entry('air-over-standard-emission');
    const text = explanationText(calc(e.id, { levels: levelsAt(e, 1) }));
    expect(text).toBe(
      '依据《中华人民共和国大气污染防治法》第九十九条第二项，法定罚款幅度为100,000元至1,000,000元。' +
        `根据生态环境行政处罚裁量基准（${benchmark.version}版），` +
        '综合考虑：主观过错为“明知违法仍实施”，危害后果为“造成一定环境污染”，' +
        '环境敏感区域为“居民区、学校、农田等附近”，整改情况为“责令改正后按期整改到位”，再次违法为“一年内曾因同类违法行为受过行政处罚”，' +
        '配合调查为“一般配合”，污染物超标倍数为“超标0.5倍以上1倍以下”，违法行为持续时间为“1个月以上3个月以内”；' +
        '加权裁量分值为0.41，按“加权分值×法定最高额”计算为410,000元，拟处罚款410,000元。',
    );
    expect(text).not.toMatch(/\n/);
  });
});
