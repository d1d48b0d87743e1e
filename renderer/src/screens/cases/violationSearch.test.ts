import { describe, expect, it } from 'vitest';
import shipped from '../../../../resources/discretion/violations.json';
import type { ViolationType } from '#common/schemas/reference';
import { byCategory, chineseNumber, violationMatches } from './violationSearch';

const types = (shipped as unknown as { violations: ViolationType[] }).violations;
const find = (q: string): string[] => types.filter((v) => violationMatches(v, q)).map((v) => v.id);

describe('article numbers as statutes write them', () => {
  it('writes 1–9999 the way articles are numbered', () => {
    expect([1, 10, 12, 20, 31, 103, 110, 1000, 1010, 1054, 1095, 1107, 1242].map(chineseNumber)).toEqual([
      '一',
      '十',
      '十二',
      '二十',
      '三十一',
      '一百零三',
      '一百一十',
      '一千',
      '一千零一十',
      '一千零五十四',
      '一千零九十五',
      '一千一百零七',
      '一千二百四十二',
    ]);
  });
});

describe('searching the violation types', () => {
  it('finds a type by its code, in any case', () => {
    expect(find('FD-1107')).toContain('code-1107-over-standard');
    expect(find('fd-1107')).toContain('code-1107-over-standard');
    expect(find('JS-001')).toEqual(['eia-unapproved-construction']);
  });

  it('finds the types of an article by its number typed in Arabic figures or in Chinese', () => {
    const byNumber = find('1095');
    expect(byNumber).toEqual(expect.arrayContaining(['code-1095-report-book', 'code-1095-report-form']));
    expect(find('第一千零九十五条')).toEqual(expect.arrayContaining(byNumber));
    // 环评法 art. 31: the number matches the article, not only codes that happen to contain "31".
    expect(find('环境影响评价法 31')).toEqual(
      expect.arrayContaining(['eia-unapproved-construction', 'eia-registration-not-filed']),
    );
  });

  it('needs every word of the query, from the name, the category or the law', () => {
    expect(find('报告书 擅自开工')).toContain('code-1095-report-book');
    expect(find('报告书 擅自开工')).not.toContain('code-1095-report-form');
    expect(find('')).toHaveLength(types.length);
    expect(find('并不存在的违法行为')).toEqual([]);
  });

  it("groups the types by category, keeping the benchmark's order inside each", () => {
    const sorted = byCategory(types);
    expect(sorted).toHaveLength(types.length);
    const categories = sorted.map((v) => v.category).filter((c, i, all) => c !== all[i - 1]);
    expect(new Set(categories).size).toBe(categories.length); // each category in one run
    expect(categories.at(-1)).toBe('其他');
    const codeOnly = byCategory(types.filter((v) => v.id.startsWith('code-')));
    expect(codeOnly.at(-1)!.category).toBe('其他');
    const building = sorted.filter((v) => v.category === '建设项目').map((v) => v.id);
    expect(building).toEqual(types.filter((v) => v.category === '建设项目').map((v) => v.id));
  });
});
