import { describe, expect, it } from 'vitest';
import type { ArticleMapEntry } from '#common/schemas/laws.js';
import { successorsOn } from './articleMap.js';

// Test data only: the 生态环境法典's article numbers are not known here.
const entry = (
  from: [string, string],
  to: Array<[string, string]>,
  effectiveFrom: string,
  relation: ArticleMapEntry['relation'] = 'renumbered',
): ArticleMapEntry => ({
  from: { law: from[0], article: from[1] },
  to: to.map(([law, article]) => ({ law, article })),
  relation,
  effectiveFrom,
  note: '',
  verified: false,
});

const map: ArticleMapEntry[] = [
  entry(['《中华人民共和国大气污染防治法》', '第九十九条'], [['生态环境法典', '第八百零一条']], '2027-01-01'),
  entry(['生态环境法典', '第八百零一条'], [['生态环境法典', '第八百零二条']], '2030-01-01'),
  entry(
    ['水污染防治法', '第八十三条'],
    [
      ['生态环境法典', '第九百条'],
      ['生态环境法典', '第九百零一条'],
    ],
    '2027-01-01',
    'split',
  ),
  entry(['示例法', '第五条'], [], '2027-01-01', 'not-illegal'),
];

describe('old articles to the articles that replace them', () => {
  it('nothing changes before the replacement takes effect', () => {
    const s = successorsOn(map, { law: '大气污染防治法', article: '第九十九条第二项' }, '2026-12-31');
    expect(s).toEqual({
      articles: [{ law: '大气污染防治法', article: '第九十九条第二项' }],
      steps: [],
      notIllegal: false,
    });
  });

  it('follows a renumbering, carrying the cited item, whatever way the law is named', () => {
    const s = successorsOn(map, { law: '中华人民共和国大气污染防治法', article: '第九十九条第二项' }, '2027-01-01');
    expect(s.articles).toEqual([{ law: '生态环境法典', article: '第八百零一条第二项' }]);
    expect(s.steps).toHaveLength(1);
  });

  it('follows a chain of replacements in force by the date', () => {
    expect(successorsOn(map, { law: '大气污染防治法', article: '第九十九条' }, '2031-01-01').articles).toEqual([
      { law: '生态环境法典', article: '第八百零二条' },
    ]);
  });

  it('a split article gives several successors, without carrying the item', () => {
    expect(
      successorsOn(map, { law: '水污染防治法', article: '第八十三条第二项' }, '2028-01-01').articles.map(
        (a) => a.article,
      ),
    ).toEqual(['第九百条', '第九百零一条']);
  });

  it('reports a conduct that is no longer illegal', () => {
    expect(successorsOn(map, { law: '示例法', article: '第五条' }, '2028-01-01')).toMatchObject({
      articles: [],
      notIllegal: true,
    });
  });

  it('stops on a circular table', () => {
    const circle = [
      entry(['甲法', '第一条'], [['乙法', '第一条']], '2027-01-01'),
      entry(['乙法', '第一条'], [['甲法', '第一条']], '2027-01-01'),
    ];
    expect(successorsOn(circle, { law: '甲法', article: '第一条' }, '2028-01-01').steps).toHaveLength(2);
  });

  it("an entry for one item covers that item only, and wins over the whole article's", () => {
    const items = [
      entry(
        ['固体废物污染环境防治法', '第一百一十二条第一款第一项'],
        [['生态环境法典', '第一千一百七十五条第一款第一项']],
        '2026-08-15',
      ),
      entry(
        ['固体废物污染环境防治法', '第一百一十二条第一款第六项'],
        [['生态环境法典', '第一千一百七十五条第一款第四项']],
        '2026-08-15',
      ),
      entry(['固体废物污染环境防治法', '第一百一十二条'], [['生态环境法典', '第一千一百七十五条']], '2026-08-15'),
    ];
    const on = (article: string) =>
      successorsOn(items, { law: '固体废物污染环境防治法', article }, '2026-09-01').articles.map((a) => a.article);
    expect(on('第一百一十二条第一款第六项')).toEqual(['第一千一百七十五条第一款第四项']);
    expect(on('第一百一十二条第一款第一项')).toEqual(['第一千一百七十五条第一款第一项']);
    expect(on('第一百一十二条第一款第二项')).toEqual(['第一千一百七十五条第一款第二项']); // renumbered: the item is carried over
  });
});
