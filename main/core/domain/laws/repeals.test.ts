import { describe, expect, it } from 'vitest';
import type { LawRepeal } from '#common/schemas/laws.js';
import { checkRepealClause, lastDayInForce, readRepealClause, repealedBy, repealText } from './repeals.js';
import { closePeriods, inForceOn } from './inForce.js';
import { parseLawMarkdown } from './parse.js';
import { lawMarkdown } from '#core/testing/lawFixtures.js';
import { loadLawData } from '#core/lawResources.js';
import { sharedLawFile, sharedLawsPresent } from '#core/testing/sharedLaws.js';

const by = { law: '《中华人民共和国生态环境法典》', article: '第一千二百四十二条' };
const repeal = (law: string, repealedOn = '2026-08-15'): LawRepeal => ({
  law,
  repealedOn,
  by,
  source: 'test',
  verified: true,
});
const data = [repeal('环境保护法'), repeal('大气污染防治法')];

describe('a repealed law ends on data', () => {
  it('is repealed from the day of repeal, whatever way it is named; its last day is the day before', () => {
    expect(repealedBy(data, '《中华人民共和国大气污染防治法》', '2026-08-14')).toBeNull();
    expect(repealedBy(data, '中华人民共和国大气污染防治法', '2026-08-15')?.law).toBe('大气污染防治法');
    expect(repealedBy(data, '排污许可管理条例', '2030-01-01')).toBeNull();
    expect(lastDayInForce(data[0]!)).toBe('2026-08-14');
    expect(repealText(data[0]!)).toBe('已于2026年8月15日废止（《中华人民共和国生态环境法典》第一千二百四十二条）');
  });

  it('closes the newest version the day before the repeal; a version due after it is never in force', () => {
    const periods = closePeriods(
      [
        { versionDate: '2015-08-29', effectiveFrom: '2016-01-01' },
        { versionDate: '2018-10-26', effectiveFrom: '2018-10-26' },
      ],
      '2026-08-14',
    );
    expect(periods.map((p) => p.effectiveTo)).toEqual(['2018-10-25', '2026-08-14']);
    expect(inForceOn(periods, '2026-08-14')?.versionDate).toBe('2018-10-26');
    expect(inForceOn(periods, '2026-08-15')).toBeNull();
    const late = closePeriods([{ versionDate: '2026-09-01', effectiveFrom: '2026-10-01' }], '2026-08-14');
    expect(inForceOn(late, '2026-10-01')).toBeNull();
  });

  it("the shipped repeals.json lists the ten laws of art. 1242, ending 2026-08-15, and the code's commencement", () => {
    const d = loadLawData();
    expect(d.repeals.map((r) => r.law).sort()).toEqual(
      [
        '固体废物污染环境防治法',
        '噪声污染防治法',
        '土壤污染防治法',
        '大气污染防治法',
        '放射性污染防治法',
        '水污染防治法',
        '海洋环境保护法',
        '清洁生产促进法',
        '环境保护法',
        '环境影响评价法',
      ].sort(),
    );
    expect(new Set(d.repeals.map((r) => r.repealedOn))).toEqual(new Set(['2026-08-15']));
    expect(d.commencements.find((c) => c.law === '生态环境法典')?.effectiveFrom).toBe('2026-08-15');
  });
});

describe('the repealing clause of an imported text, checked against the data', () => {
  const code = (last: string) =>
    parseLawMarkdown(
      '生态环境法典(2026-03-12).md',
      lawMarkdown({ title: '中华人民共和国生态环境法典', history: ['2026年3月12日 通过'], articles: ['甲。', last] }),
    );

  it('reads 本法自…起施行。《…》、《…》同时废止 and agrees with the data', () => {
    const clause = readRepealClause(
      code('本法自2026年8月15日起施行。《中华人民共和国环境保护法》、《中华人民共和国大气污染防治法》同时废止。')
        .articles,
    );
    expect(clause).toEqual({
      article: '第二条',
      effectiveFrom: '2026-08-15',
      laws: ['中华人民共和国环境保护法', '中华人民共和国大气污染防治法'],
    });
    const r = checkRepealClause(
      '生态环境法典',
      '中华人民共和国生态环境法典',
      { ...clause!, article: '第一千二百四十二条' },
      data,
    );
    expect(r).toEqual({ agrees: true, problems: [] });
  });

  it('reports — in Chinese, without guessing — a law the text repeals that the data lacks, one the data has that the text does not, and another date', () => {
    const clause = readRepealClause(
      code('本法自2026年9月1日起施行。《中华人民共和国环境保护法》、《中华人民共和国森林法》同时废止。').articles,
    )!;
    const r = checkRepealClause(
      '生态环境法典',
      '中华人民共和国生态环境法典',
      { ...clause, article: '第一千二百四十二条' },
      data,
    );
    expect(r.agrees).toBe(false);
    expect(r.problems).toEqual([
      '本法第一千二百四十二条规定《中华人民共和国环境保护法》自2026年9月1日起废止，废止数据记为2026年8月15日；暂按废止数据处理，请核对',
      '本法第一千二百四十二条废止《中华人民共和国森林法》，但废止数据中没有这一项；在补充数据之前，该法不按废止处理',
      '废止数据记载《大气污染防治法》由本法第一千二百四十二条废止，但该条文本中没有这部法律；暂按废止数据处理，请核对',
    ]);
  });

  it("a text without a repealing clause: none read; the data's repeals by it are reported", () => {
    const text = code('本法自2026年8月15日起施行。');
    expect(readRepealClause(text.articles)).toBeNull();
    expect(checkRepealClause('生态环境法典', '中华人民共和国生态环境法典', null, data).problems[0]).toMatch(
      /没有废止条款/,
    );
    expect(checkRepealClause('排污许可管理条例', '排污许可管理条例', null, data)).toEqual({
      agrees: true,
      problems: [],
    });
  });

  it.skipIf(!sharedLawsPresent)("the code's art. 1242 names the ten laws of repeals.json, from 2026-08-15", () => {
    const { name, content } = sharedLawFile('生态环境法典');
    const law = parseLawMarkdown(name, content);
    const clause = readRepealClause(law.articles)!;
    expect(clause.article).toBe('第一千二百四十二条');
    expect(clause.effectiveFrom).toBe('2026-08-15');
    expect(clause.laws).toHaveLength(10);
    expect(checkRepealClause(law.shortName, law.fullName, clause, loadLawData().repeals)).toEqual({
      agrees: true,
      problems: [],
    });
  });
});
