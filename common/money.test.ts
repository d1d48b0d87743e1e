import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { formatYuan, toCents, yuanFigures, yuanInText } from './money.js';

describe('yuanFigures: the figures documents print', () => {
  it('formats yuan with thousands separators and cents', () => {
    expect(yuanFigures(100000)).toBe('100,000.00');
    expect(yuanFigures(0)).toBe('0.00');
    expect(yuanFigures(999.5)).toBe('999.50');
    expect(yuanFigures(1234567.891)).toBe('1,234,567.89');
    expect(() => yuanFigures(-5)).toThrow('不是有效金额');
    expect(() => yuanFigures(Number.NaN)).toThrow('不是有效金额');
  });

  it('rounds half up on the decimal as typed, not on its binary value', () => {
    expect(toCents(1.005)).toBe(101);
    expect(yuanFigures(1.005)).toBe('1.01');
  });
});

describe('formatYuan: an amount on screen', () => {
  it('shows the figures the documents print, then 元', () => {
    expect(formatYuan(40000)).toBe('40,000.00 元');
    expect(formatYuan(150000)).toBe('150,000.00 元');
    expect(formatYuan(0.5)).toBe('0.50 元');
    expect(formatYuan(-120)).toBe('-120.00 元');
    expect(formatYuan(Number.NaN)).toBe('—');
  });
});

describe('yuanInText: an amount inside a sentence', () => {
  it('writes cents only when there are any', () => {
    expect(yuanInText(150000)).toBe('150,000元');
    expect(yuanInText(1234567.5)).toBe('1,234,567.5元');
    expect(yuanInText(1234567.891)).toBe('1,234,567.89元');
    expect(yuanInText(0.05)).toBe('0.05元');
    expect(yuanInText(0)).toBe('0元');
  });

  it('reads as zh-CN grouping with at most two decimals, for any amount up to a trillion', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 99_999_999_999_999 }), (cents) => {
        const yuan = cents / 100;
        const expected = `${yuan.toLocaleString('zh-CN', { maximumFractionDigits: 2 })}元`;
        expect(yuanInText(yuan)).toBe(expected);
        expect(formatYuan(yuan)).toBe(`${yuanFigures(yuan)} 元`);
      }),
    );
  });
});
