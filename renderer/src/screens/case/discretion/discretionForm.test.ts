import { describe, expect, it } from 'vitest';
import { calculateRequest, factorsOf, mergeReasoning, missingFactors } from './discretionForm';
import { discretionBenchmark } from '#common/schemas/discretion';
import shipped from '../../../../../resources/discretion/violations.json';

const benchmark = discretionBenchmark.parse(shipped);
const air = benchmark.violations.find((v) => v.id === 'air-over-standard-emission')!;

describe('裁量计算 panel state', () => {
  it("judges a type on the common factors and its own, in the calculator's order", () => {
    const names = factorsOf(benchmark, air).map((f) => f.name);
    expect(names.slice(0, 2)).toEqual(['主观过错', '危害后果']);
    expect(names.at(-1)).toBe('违法行为持续时间');
    expect(factorsOf(benchmark, { ...air, commonFactors: false }).map((f) => f.name)).toEqual([
      '污染物超标倍数',
      '违法行为持续时间',
    ]);
  });

  it("names the factors still without a level, and sends only the type's factors", () => {
    const factors = factorsOf(benchmark, air);
    expect(missingFactors(factors, { fault: 'knowing' })).toHaveLength(factors.length - 1);
    const req = calculateRequest(benchmark, air, { fault: 'knowing', quantity: 'lt1t', harm: '' }, null, true);
    expect(req).toEqual({
      violationId: air.id,
      version: benchmark.version,
      levels: { fault: 'knowing' },
      base: null,
      aggravated: false,
    });
  });
});

describe('copying the explanation into the 裁量理由', () => {
  const para = (fine: string) =>
    `依据《中华人民共和国大气污染防治法》第九十九条第二项，法定罚款幅度为100,000元至1,000,000元。根据生态环境行政处罚裁量基准（2026.1版），综合考虑：主观过错为“过失”；加权裁量分值为0.3，拟处罚款${fine}元。`;
  it("fills an empty box, keeps the officer's words, and replaces its own earlier paragraph", () => {
    expect(mergeReasoning('', para('300,000'))).toBe(para('300,000'));
    expect(mergeReasoning('当事人积极整改。', para('300,000'))).toBe(`当事人积极整改。\n${para('300,000')}`);
    expect(mergeReasoning(`当事人积极整改。\n${para('300,000')}`, para('400,000'))).toBe(
      `当事人积极整改。\n${para('400,000')}`,
    );
  });
});
