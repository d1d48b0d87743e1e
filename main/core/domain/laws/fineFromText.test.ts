import { describe, expect, it } from 'vitest';
import { fineBandsInText, singleFineBand } from './fineFromText.js';

describe('fine bands read from a penalty clause', () => {
  it('reads a range, a cap and a percentage', () => {
    expect(
      singleFineBand('责令改正或者限制生产、停产整治，并处十万元以上一百万元以下的罚款；情节严重的，…责令停业、关闭'),
    ).toEqual({ kind: 'range', min: 100_000, max: 1_000_000 });
    expect(singleFineBand('由县级以上生态环境主管部门责令备案，处五万元以下的罚款。')).toEqual({
      kind: 'range',
      min: 0,
      max: 50_000,
    });
    expect(singleFineBand('处建设项目总投资额百分之一以上百分之五以下的罚款')).toEqual({
      kind: 'percent',
      of: '建设项目总投资额',
      minPercent: 1,
      maxPercent: 5,
    });
    expect(singleFineBand('处2万元以上20万元以下罚款')).toEqual({ kind: 'range', min: 20_000, max: 200_000 });
  });

  it('gives no single band for a clause with several, or none', () => {
    const text =
      '处十万元以上五十万元以下的罚款；逾期不拆除的，强制拆除，所需费用由违法者承担，处五十万元以上一百万元以下的罚款';
    expect(fineBandsInText(text)).toHaveLength(2);
    expect(singleFineBand(text)).toBeNull();
    expect(singleFineBand('处违法所得一倍以上三倍以下的罚款')).toBeNull();
    expect(singleFineBand('责令改正。')).toBeNull();
  });

  it('reads a band stated as 罚款数额为…以上…以下 (生态环境法典 art. 1170)', () => {
    const text =
      '处十万元以上一百万元以下的罚款；情节严重的，责令停业、关闭。工业固体废物为危险废物的，罚款数额为二十万元以上二百万元以下。';
    expect(fineBandsInText(text)).toEqual([
      { kind: 'range', min: 100_000, max: 1_000_000 },
      { kind: 'range', min: 200_000, max: 2_000_000 },
    ]);
  });
});
