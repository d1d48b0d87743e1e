import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { formatChineseNumber, parseChineseNumber } from './numerals.js';
import { articleLabel, citationText, lawKey, parseArticleCitation } from './citation.js';

describe('Chinese numerals', () => {
  it('reads article numbers and amounts as statutes write them', () => {
    expect(parseChineseNumber('一')).toBe(1);
    expect(parseChineseNumber('十')).toBe(10);
    expect(parseChineseNumber('十二')).toBe(12);
    expect(parseChineseNumber('九十九')).toBe(99);
    expect(parseChineseNumber('一百零三')).toBe(103);
    expect(parseChineseNumber('一百一十')).toBe(110);
    expect(parseChineseNumber('三百零六')).toBe(306);
    expect(parseChineseNumber('一千零一十')).toBe(1010);
    expect(parseChineseNumber('十万')).toBe(100_000);
    expect(parseChineseNumber('二十万')).toBe(200_000);
    expect(parseChineseNumber('一百万')).toBe(1_000_000);
    expect(parseChineseNumber('两万')).toBe(20_000);
    expect(parseChineseNumber('一亿五千万')).toBe(150_000_000);
    expect(parseChineseNumber('二〇二一')).toBe(2021);
  });

  it('refuses text that is not a well-formed numeral', () => {
    for (const bad of ['', '百', '一十百', '条', '一万万', '九十九x']) expect(parseChineseNumber(bad)).toBeNull();
  });

  it('writes 1–9999 and reads back every one (property)', () => {
    expect(formatChineseNumber(10)).toBe('十');
    expect(formatChineseNumber(103)).toBe('一百零三');
    expect(formatChineseNumber(110)).toBe('一百一十');
    expect(formatChineseNumber(1010)).toBe('一千零一十');
    fc.assert(fc.property(fc.integer({ min: 1, max: 9999 }), (k) => parseChineseNumber(formatChineseNumber(k)) === k));
    expect(() => formatChineseNumber(0)).toThrow(/超出范围/);
  });
});

describe('citations', () => {
  it('splits article, paragraph and item', () => {
    expect(parseArticleCitation('第九十九条第二项')).toEqual({ number: 99, sub: 0, paragraph: null, item: 2 });
    expect(parseArticleCitation('第三十一条第一款')).toEqual({ number: 31, sub: 0, paragraph: 1, item: null });
    expect(parseArticleCitation('第十六条第二款第一项')).toEqual({ number: 16, sub: 0, paragraph: 2, item: 1 });
    expect(parseArticleCitation(' 第一百二十条之一 ')).toEqual({ number: 120, sub: 1, paragraph: null, item: null });
    expect(parseArticleCitation('第九十九')).toBeNull();
    expect(parseArticleCitation('99')).toBeNull();
    expect(parseArticleCitation('第九十九条第二项第三款')).toBeNull();
  });

  it('writes them back', () => {
    expect(citationText({ number: 16, sub: 0, paragraph: 2, item: 1 })).toBe('第十六条第二款第一项');
    expect(articleLabel(120, 1)).toBe('第一百二十条之一');
  });

  it('files 《中华人民共和国…》 and the short name under one key', () => {
    expect(lawKey('《中华人民共和国大气污染防治法》')).toBe('大气污染防治法');
    expect(lawKey('中华人民共和国大气污染防治法')).toBe('大气污染防治法');
    expect(lawKey(' 大气污染防治法 ')).toBe('大气污染防治法');
    expect(lawKey('《排污许可管理条例》')).toBe('排污许可管理条例');
  });
});

describe("the 生态环境法典's article numbers (1000–1242)", () => {
  const table: Array<[number, string]> = [
    [1000, '一千'],
    [1001, '一千零一'],
    [1010, '一千零一十'],
    [1052, '一千零五十二'],
    [1054, '一千零五十四'],
    [1095, '一千零九十五'],
    [1100, '一千一百'],
    [1102, '一千一百零二'],
    [1107, '一千一百零七'],
    [1110, '一千一百一十'],
    [1111, '一千一百一十一'],
    [1119, '一千一百一十九'],
    [1120, '一千一百二十'],
    [1200, '一千二百'],
    [1210, '一千二百一十'],
    [1242, '一千二百四十二'],
  ];

  it.each(table)('%i ↔ %s', (n, text) => {
    expect(formatChineseNumber(n)).toBe(text);
    expect(parseChineseNumber(text)).toBe(n);
    expect(articleLabel(n)).toBe(`第${text}条`);
  });

  it('every number from 1000 to 1242 round-trips as a label and as a citation with 款 and 项', () => {
    for (let n = 1000; n <= 1242; n++) {
      const label = articleLabel(n);
      expect(parseArticleCitation(label)).toEqual({ number: n, sub: 0, paragraph: null, item: null });
      const c = { number: n, sub: 0, paragraph: 2, item: 3 };
      expect(parseArticleCitation(citationText(c))).toEqual(c);
    }
  });

  it('cites 款 and 项 of the code as documents write them', () => {
    expect(parseArticleCitation('第一千零九十五条第一款')).toEqual({ number: 1095, sub: 0, paragraph: 1, item: null });
    expect(parseArticleCitation('第一千一百零二条第一项')).toEqual({ number: 1102, sub: 0, paragraph: null, item: 1 });
    expect(parseArticleCitation('第一千零八十六条第一款第二项')).toEqual({
      number: 1086,
      sub: 0,
      paragraph: 1,
      item: 2,
    });
    expect(citationText({ number: 1095, sub: 0, paragraph: 1, item: null })).toBe('第一千零九十五条第一款');
    expect(citationText({ number: 1102, sub: 0, paragraph: null, item: 1 })).toBe('第一千一百零二条第一项');
    expect(`《中华人民共和国生态环境法典》${articleLabel(1107)}`).toBe(
      '《中华人民共和国生态环境法典》第一千一百零七条',
    );
  });

  it('refuses spellings a statute never uses, and numbers beyond 9999', () => {
    expect(parseArticleCitation('第一千一百十条')).toBeNull(); // 一千一百一十
    expect(parseArticleCitation('第千一百零七条')).toBeNull(); // 一千一百零七
    expect(parseArticleCitation('第一万条')).toBeNull();
    expect(parseArticleCitation('第二条第一万款')).toBeNull();
  });
});
