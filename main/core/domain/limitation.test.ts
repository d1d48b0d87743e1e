import { describe, expect, it } from 'vitest';
import { limitationProblem } from './limitation.js';

describe('追责时效 (处罚法 art. 36)', () => {
  const base = { continuing: false, seriousHarm: false };
  it('two years from the violation; the last day still counts', () => {
    expect(limitationProblem({ ...base, violationOn: '2024-03-02', discoveredOn: '2026-03-02' })).toBeNull();
    expect(limitationProblem({ ...base, violationOn: '2024-03-02', discoveredOn: '2026-03-03' })).toMatch(/超过2年的追责期限.*第三十六条/);
  });
  it('five years where life, health or financial security is harmed', () => {
    expect(limitationProblem({ ...base, seriousHarm: true, violationOn: '2022-03-02', discoveredOn: '2026-03-02' })).toBeNull();
    expect(limitationProblem({ ...base, seriousHarm: true, violationOn: '2021-03-01', discoveredOn: '2026-03-02' })).toMatch(/5年/);
  });
  it('a continuing violation has not started its period; an unknown date is not checked', () => {
    expect(limitationProblem({ ...base, continuing: true, violationOn: '2020-01-01', discoveredOn: '2026-03-02' })).toBeNull();
    expect(limitationProblem({ ...base, violationOn: null, discoveredOn: '2026-03-02' })).toBeNull();
  });
  it('a violation dated after its discovery is refused', () => {
    expect(limitationProblem({ ...base, violationOn: '2026-03-05', discoveredOn: '2026-03-02' })).toMatch(/不能晚于发现日期/);
  });
});
