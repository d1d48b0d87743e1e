import { describe, expect, it } from 'vitest';
import type { LimitationRule } from '#common/schemas/legalBasis.js';
import { limitationProblem } from './limitation.js';

const rules: LimitationRule[] = [
  {
    id: 'a',
    effectiveFrom: '2021-07-15',
    law: '《中华人民共和国行政处罚法》',
    article: '第三十六条',
    years: 2,
    harmYears: 5,
    harm: 'seriousHarm',
    harmText: '',
    verified: true,
  },
  {
    id: 'b',
    effectiveFrom: '2026-08-15',
    law: '《中华人民共和国生态环境法典》',
    article: '第一千零五十四条第一款',
    years: 2,
    harmYears: 5,
    harm: 'pollutionHarm',
    harmText: '',
    verified: true,
  },
];
const check = (i: Parameters<typeof limitationProblem>[0]) => limitationProblem(i, rules);

describe('追责时效 (处罚法 art. 36; 生态环境法典 art. 1054)', () => {
  const base = { continuing: false, seriousHarm: false };
  it('two years from the violation; the last day still counts', () => {
    expect(check({ ...base, violationOn: '2024-03-02', discoveredOn: '2026-03-02' })).toBeNull();
    expect(check({ ...base, violationOn: '2024-03-02', discoveredOn: '2026-03-03' })).toMatch(
      /超过2年的追责期限.*行政处罚法第三十六条/,
    );
  });
  it('five years where life, health or financial security is harmed', () => {
    expect(check({ ...base, seriousHarm: true, violationOn: '2022-03-02', discoveredOn: '2026-03-02' })).toBeNull();
    expect(check({ ...base, seriousHarm: true, violationOn: '2021-03-01', discoveredOn: '2026-03-02' })).toMatch(/5年/);
  });
  it('under the Code, five years where the act caused pollution or ecological harm (art. 1054)', () => {
    expect(check({ ...base, pollutionHarm: true, violationOn: '2026-09-01', discoveredOn: '2029-09-01' })).toBeNull();
    expect(check({ ...base, violationOn: '2026-09-01', discoveredOn: '2029-09-01' })).toMatch(
      /2年.*生态环境法典第一千零五十四条第一款/,
    );
  });
  it('an act before the Code found after it: the shorter of the two periods applies', () => {
    // 处罚法 art. 36 knows no pollution criterion: two years, lighter than the Code's five.
    expect(check({ ...base, pollutionHarm: true, violationOn: '2024-10-01', discoveredOn: '2026-10-02' })).toMatch(
      /2年.*行政处罚法第三十六条/,
    );
  });
  it('a continuing violation has not started its period; an unknown date is not checked', () => {
    expect(check({ ...base, continuing: true, violationOn: '2020-01-01', discoveredOn: '2026-03-02' })).toBeNull();
    expect(check({ ...base, violationOn: null, discoveredOn: '2026-03-02' })).toBeNull();
  });
  it('a violation dated after its discovery is refused', () => {
    expect(check({ ...base, violationOn: '2026-03-05', discoveredOn: '2026-03-02' })).toMatch(/不能晚于发现日期/);
  });
});
