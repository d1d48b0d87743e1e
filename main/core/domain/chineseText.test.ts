import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { amountInWords, chineseDate, numericChineseDate, numericChineseDateTime, yuanText } from './chineseText.js';

describe('amounts in capitals', () => {
  it.each([
    [0, '零元整'],
    [1, '壹元整'],
    [10, '壹拾元整'],
    [100000, '壹拾万元整'],
    [200000, '贰拾万元整'],
    [1000000, '壹佰万元整'],
    [100500, '壹拾万零伍佰元整'],
    [105000, '壹拾万零伍仟元整'],
    [1234.56, '壹仟贰佰叁拾肆元伍角陆分'],
    [1234.5, '壹仟贰佰叁拾肆元伍角'],
    [1001, '壹仟零壹元整'],
    [10010, '壹万零壹拾元整'],
    [1010101, '壹佰零壹万零壹佰零壹元整'],
    [20000000, '贰仟万元整'],
    [100000000, '壹亿元整'],
    [100000001, '壹亿零壹元整'],
    [100010000, '壹亿零壹万元整'],
    [999999999999.99, '玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分'],
    [12.05, '壹拾贰元零伍分'],
    [0.5, '零元伍角'],
    [0.05, '零元零伍分'],
    [3500.08, '叁仟伍佰元零捌分'],
    // Floating point: 0.1 + 0.2 is 0.30000000000000004 and must still read three jiao.
    [0.1 + 0.2, '零元叁角'],
    [1.005, '壹元零壹分'],
  ])('%d → %s', (n, words) => expect(amountInWords(n)).toBe(words));

  it('refuses what cannot be written', () => {
    expect(() => amountInWords(-1)).toThrow();
    expect(() => amountInWords(Number.NaN)).toThrow();
    expect(() => amountInWords(Number.POSITIVE_INFINITY)).toThrow();
    expect(() => amountInWords(1e12)).toThrow();
  });

  it('reads back to the same number of cents, for any amount', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_999_999_999_999 }), (cents) => {
        expect(readCapitals(amountInWords(cents / 100))).toBe(cents);
      }),
      { numRuns: 2000 },
    );
  });

  it('never writes two 零 in a row, nor a 零 before a unit (amounts of one yuan or more)', () => {
    fc.assert(
      fc.property(fc.integer({ min: 100, max: 999_999_999_99 }), (cents) => {
        const w = amountInWords(cents / 100);
        expect(w).not.toMatch(/零零|零[拾佰仟万亿元角分]/u);
        expect(w.endsWith('分') || w.endsWith('角') || w.endsWith('整')).toBe(true);
      }),
      { numRuns: 2000 },
    );
  });
});

describe('dates', () => {
  it('writes official dates', () => {
    expect(chineseDate('2026-03-05')).toBe('二〇二六年三月五日');
    expect(chineseDate('2026-10-20')).toBe('二〇二六年十月二十日');
    expect(chineseDate('2026-12-31')).toBe('二〇二六年十二月三十一日');
    expect(chineseDate('2030-11-10')).toBe('二〇三〇年十一月十日');
    expect(chineseDate('2026-01-15')).toBe('二〇二六年一月十五日');
    expect(numericChineseDate('2026-03-05')).toBe('2026年3月5日');
    expect(numericChineseDateTime('2026-03-05T09:30')).toBe('2026年3月5日9时30分');
    expect(numericChineseDateTime('2026-03-05 14:05')).toBe('2026年3月5日14时05分');
    expect(numericChineseDateTime('2026-03-05')).toBe('2026年3月5日');
  });
  it('refuses what is not a date', () => {
    expect(() => chineseDate('5 March')).toThrow();
    expect(() => chineseDate('2026-13-01')).toThrow();
    expect(() => numericChineseDateTime('tomorrow')).toThrow();
  });
});

describe('figures', () => {
  it('writes the short form of approval tables', () => {
    expect(yuanText(100000)).toBe('100000元');
    expect(yuanText(1234.5)).toBe('1234.50元');
  });
});

/** An independent reader of capital amounts, to check the writer against. */
function readCapitals(words: string): number {
  const digit: Record<string, number> = { 零: 0, 壹: 1, 贰: 2, 叁: 3, 肆: 4, 伍: 5, 陆: 6, 柒: 7, 捌: 8, 玖: 9 };
  const place: Record<string, number> = { 拾: 10, 佰: 100, 仟: 1000 };
  const [intPart, frac = ''] = words.replace('整', '').split('元');
  let total = 0;
  let section = 0;
  let pending = 0;
  for (const ch of intPart!) {
    if (ch in digit) pending = digit[ch]!;
    else if (ch in place) {
      section += pending * place[ch]!;
      pending = 0;
    } else if (ch === '万' || ch === '亿') {
      section += pending;
      pending = 0;
      if (ch === '亿') {
        total = (total + section) * 1e8;
      } else {
        total += section * 1e4;
      }
      section = 0;
    }
  }
  total += section + pending;
  let cents = 0;
  const j = /(.)角/u.exec(frac);
  const f = /(.)分/u.exec(frac);
  if (j) cents += digit[j[1]!]! * 10;
  if (f) cents += digit[f[1]!]!;
  return Math.round(total * 100) + cents;
}
