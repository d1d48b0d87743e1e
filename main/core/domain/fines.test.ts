import { describe, expect, it } from 'vitest';
import { fineBandProblem } from './fines.js';

describe('fineBandProblem: is the fine inside the statutory band', () => {
  it('keeps its wording for ranges and percentages (procedure guards rely on it)', () => {
    const range = { kind: 'range' as const, min: 100_000, max: 1_000_000 };
    expect(fineBandProblem(range, 100_000, null)).toBeNull();
    expect(fineBandProblem(range, 99_999, null)).toBe('罚款金额99999元超出法定幅度（100000元至1000000元）');
    expect(fineBandProblem(range, 0, null)).toBe('罚款金额应为正数');
    const percent = { kind: 'percent' as const, of: '建设项目总投资额', minPercent: 1, maxPercent: 5 };
    expect(fineBandProblem(percent, 30_000, 3_000_000)).toBeNull();
    expect(fineBandProblem(percent, 200_000, 3_000_000)).toBe(
      '罚款金额200000元超出法定幅度（建设项目总投资额的1%至5%，即30000元至150000元）',
    );
    expect(fineBandProblem(percent, 30_000, null)).toBe('须填写建设项目总投资额以计算法定幅度');
  });

  it('checks multiples with their floor and fallback, per-day amounts, fixed amounts and no fine', () => {
    const dumping = { kind: 'multiple' as const, of: '所需处置费用', minTimes: 3, maxTimes: 5, minBase: 200_000 };
    expect(fineBandProblem(dumping, 600_000, 50_000)).toBeNull();
    expect(fineBandProblem(dumping, 300_000, 50_000)).toMatch(/超出法定幅度.*即600000元至1000000元/);
    expect(fineBandProblem(dumping, 600_000, null)).toBe('须填写所需处置费用以计算法定幅度');
    const income = {
      kind: 'multiple' as const,
      of: '违法所得',
      minTimes: 1,
      maxTimes: 5,
      fallback: { below: 100_000, min: 10_000, max: 100_000 },
    };
    expect(fineBandProblem(income, 50_000, null)).toBeNull();
    expect(fineBandProblem(income, 50_000, 200_000)).toMatch(/即200000元至1000000元/);
    const perDay = { kind: 'perUnit' as const, unit: '日' as const, minPerUnit: 10_000, maxPerUnit: 10_000 };
    expect(fineBandProblem(perDay, 300_000, 30)).toBeNull();
    expect(fineBandProblem(perDay, 300_000, null)).toBe('须填写违法天数（正整数）以计算法定幅度');
    expect(fineBandProblem({ kind: 'fixed', amount: 2000 }, 2000, null)).toBeNull();
    expect(fineBandProblem({ kind: 'fixed', amount: 2000 }, 2500, null)).toBe('罚款金额2500元与法定数额（2000元）不符');
    expect(fineBandProblem({ kind: 'none' }, 1000, null)).toBe('处罚依据未规定罚款，不应处以罚款（1000元）');
  });
});
