import { describe, expect, it } from 'vitest';
import { charTokens, indexColumns, searchPlan, segmentWords, withoutLayoutSpaces } from './segment.js';

describe('Chinese text for the index', () => {
  it('words by the segmenter, punctuation dropped, letters lower-cased', () => {
    expect(segmentWords('违反《环境影响评价法》，USCC 91520100MA6D')).toEqual(
      expect.arrayContaining(['违反', '环境', '91520100ma6d']),
    );
    expect(segmentWords('，。《》')).toEqual([]);
  });

  it('characters one by one, letters and digits by runs', () => {
    expect(charTokens('黔环罚〔2026〕12号 MA6D')).toEqual(['黔', '环', '罚', '2026', '12', '号', 'ma6d']);
  });

  it('the words column is the same whether a paragraph was seen before or not', () => {
    const text = '化工厂废水超标排放\n违反规定';
    expect(indexColumns(text)).toEqual(indexColumns(text));
    expect(indexColumns(text).words.split(' ')).toEqual([
      ...segmentWords('化工厂废水超标排放'),
      ...segmentWords('违反规定'),
    ]);
  });
});

describe('a query as the index is asked', () => {
  it('one and two characters: a phrase of characters only', () => {
    expect(searchPlan('水')).toEqual({ match: 'chars : "水"', wordMatch: null, terms: ['水'] });
    expect(searchPlan('化工')).toEqual({ match: 'chars : "化 工"', wordMatch: null, terms: ['化工'] });
  });

  it('three or more: characters to find, words to rank', () => {
    const p = searchPlan('环境影响评价');
    expect(p.match).toBe('chars : "环 境 影 响 评 价"');
    expect(p.wordMatch).toMatch(/^words : "环境 影响 评价"$/);
  });

  it('each term must occur; a term ending in letters or digits is a prefix', () => {
    const p = searchPlan('化工  9152');
    expect(p.match).toBe('chars : "化 工" AND chars : "9152" *');
    expect(p.terms).toEqual(['化工', '9152']);
  });

  it('quotes and FTS5 syntax typed by the user are only text', () => {
    const p = searchPlan('"化工" OR NEAR(');
    expect(p.match).toBe('chars : "化 工" AND chars : "or" * AND chars : "near" *');
    expect(searchPlan('〔〕。').match).toBe('');
  });
});

describe('an excerpt without layout spaces', () => {
  it('joins Han characters a form spaced out, and keeps every other blank', () => {
    expect(withoutLayoutSpaces('当 事 人：某化工有限公司')).toBe('当事人：某化工有限公司');
    expect(withoutLayoutSpaces('地　　址：天柱县')).toBe('地址：天柱县');
    expect(withoutLayoutSpaces('罚款 30,000 元，限 15 日内缴纳')).toBe('罚款 30,000 元，限 15 日内缴纳');
    expect(withoutLayoutSpaces('Code 2026 版')).toBe('Code 2026 版');
  });
});
