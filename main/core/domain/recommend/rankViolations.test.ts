import { describe, expect, it } from 'vitest';
import { loadBenchmark } from '#core/services.js';
import { preCodeDate, standingEntries } from '#core/testing/labelledInspections.js';
import { industryMatches, rankViolations } from './rankViolations.js';

// The types of the day before the 生态环境法典, which these descriptions were written for.
const violations = standingEntries(loadBenchmark().violations)({ id: '', text: '', expected: '', date: preCodeDate });

describe('ranking violation types from an inspection record', () => {
  it('puts the type whose words the record uses first, with the words that matched', () => {
    const [first, ...rest] = rankViolations(
      violations,
      '执法人员在厂区东侧发现一根暗管通向河沟，正在排放黄色生产废水。',
    );
    expect(first).toMatchObject({ violationId: 'water-evading-supervision', category: '水' });
    expect(first!.matched).toEqual(expect.arrayContaining(['暗管', '废水']));
    expect(rest.every((r) => r.score <= first!.score)).toBe(true);
  });

  it('does not count what the officer says was not found', () => {
    const text = '经检查，未发现暗管，污水处理设施运行正常；危险废物贮存间未设置危险废物识别标志。';
    const ids = rankViolations(violations, text, undefined, 3).map((r) => r.violationId);
    expect(ids[0]).toBe('hw-no-identification-signs');
    expect(rankViolations(violations, '未发现暗管', undefined, 20).map((r) => r.violationId)).not.toContain(
      'water-evading-supervision',
    );
    // 未 alone is part of the violation's own wording and still counts.
    expect(rankViolations(violations, '项目未批先建')[0]!.violationId).toBe('eia-unapproved-construction');
  });

  it("adds a little weight for the party's industry, never enough to suggest a type with no matching word", () => {
    const text = '设施长期停运，污水直接外排。';
    const plain = rankViolations(violations, text, undefined, 20);
    const farm = rankViolations(violations, text, 'A0313', 20);
    const livestock = (rs: typeof plain) => rs.find((r) => r.violationId === 'livestock-facilities-not-running');
    expect(livestock(farm)!.industryMatched).toBe(true);
    expect(livestock(farm)!.score).toBeGreaterThan(livestock(plain)?.score ?? 0);
    expect(rankViolations(violations, '今天天气晴朗', 'A0313')).toEqual([]);
  });

  it('reads industry codes with or without the section letter', () => {
    expect(industryMatches(['A03'], 'A0313')).toBe(true);
    expect(industryMatches(['A03'], '0313')).toBe(true);
    expect(industryMatches(['A03'], 'C0313')).toBe(false);
    expect(industryMatches(['Q84'], 'q8411')).toBe(true);
    expect(industryMatches(['C30'], 'C3120')).toBe(false);
    expect(industryMatches(['C30'], undefined)).toBe(false);
  });
});
