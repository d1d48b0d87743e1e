import { describe, expect, it } from 'vitest';
import { rankingWeights } from '#common/sync/ranking.js';
import shipped from '../../resources/ranking/weights.json' with { type: 'json' };
import { rankRows, scoreUnit } from './rankingScore.js';

const weights = rankingWeights.parse(shipped);
const unit = { id: 'u', name: '某单位', bureauName: '某局' };

describe('绩效排行 scores', () => {
  it('ships weights that pass their own schema, the 评查 measure at weight 0', () => {
    expect(weights.measures.map((m) => [m.id, m.weight])).toEqual([
      ['onTime', 60],
      ['reviewUnchanged', 40],
      ['fileReview', 0],
    ]);
  });

  it('weights the rates that count and says how', () => {
    const r = scoreUnit(
      unit,
      { onTime: { numerator: 9, denominator: 10 }, reviewUnchanged: { numerator: 3, denominator: 4 } },
      weights,
    );
    // (60 × 0.9 + 40 × 0.75) ÷ 100 = 0.84
    expect(r.total).toBe(84);
    expect(r.formula).toBe('总分 =（60×90.0% + 40×75.0%）÷ 100 = 84.0；未计入：案卷评查得分率（暂无数据）');
    expect(r.measures[2]).toMatchObject({
      id: 'fileReview',
      numerator: null,
      rate: null,
      counted: false,
      note: '暂无数据',
    });
  });

  it('leaves out a measure without data and re-divides by the weights that count', () => {
    const r = scoreUnit(unit, { onTime: { numerator: 1, denominator: 4 } }, weights);
    expect(r.total).toBe(25);
    expect(r.formula).toContain('÷ 60 = 25.0');
    expect(r.formula).toContain('审核审批未被退回率（暂无数据）');
  });

  it('shows a rate below the minimum sample but does not count it', () => {
    const w = { ...weights, measures: weights.measures.map((m) => (m.id === 'onTime' ? { ...m, minCount: 5 } : m)) };
    const r = scoreUnit(
      unit,
      { onTime: { numerator: 0, denominator: 2 }, reviewUnchanged: { numerator: 1, denominator: 2 } },
      w,
    );
    expect(r.measures[0]).toMatchObject({ rate: 0, counted: false, note: '样本不足（少于5）' });
    expect(r.total).toBe(50);
  });

  it('has no total with nothing to count', () => {
    expect(scoreUnit(unit, {}, weights)).toMatchObject({
      total: null,
      formula: expect.stringContaining('暂无可计分的数据'),
    });
  });

  it('ranks best first, shares equal ranks and puts units without data last', () => {
    const row = (id: string, total: number | null) => ({
      id,
      name: id,
      bureauName: '',
      total,
      measures: [],
      formula: '',
    });
    const ranked = rankRows([row('a', 50), row('b', null), row('c', 90), row('d', 50)]);
    expect(ranked.map((r) => [r.id, r.rank])).toEqual([
      ['c', 1],
      ['a', 2],
      ['d', 2],
      ['b', null],
    ]);
  });

  it('refuses weights with an unknown measure, a negative weight or all weights at 0, in Chinese', () => {
    const bad = (measures: unknown) => rankingWeights.safeParse({ version: '2027.1', name: 'x', measures });
    expect(bad([{ id: 'speed', name: '速度', weight: 1 }]).error?.issues[0]?.message).toContain('没有这个考核指标');
    expect(bad([{ id: 'onTime', name: '按期', weight: -1 }]).error?.issues[0]?.message).toBe('权重不能为负数');
    expect(bad([{ id: 'onTime', name: '按期', weight: 0 }]).error?.issues[0]?.message).toBe(
      '至少一个指标的权重应大于0',
    );
  });
});
