/**
 * Chinese numerals as statutes write them: article numbers (第一百零三条), item numbers (（十二）)
 * and amounts in penalty clauses (十万元, 一百万元, 五千元). Pure.
 */

const digits: Record<string, number> = {
  零: 0,
  〇: 0,
  一: 1,
  二: 2,
  两: 2,
  三: 3,
  四: 4,
  五: 5,
  六: 6,
  七: 7,
  八: 8,
  九: 9,
};
const smallUnits: Record<string, number> = { 十: 10, 百: 100, 千: 1000 };
const bigUnits: Record<string, number> = { 万: 10_000, 亿: 100_000_000 };

/** The characters a Chinese numeral may contain, for building patterns. */
export const numeralChars = '零〇一二两三四五六七八九十百千万亿';

/**
 * 一百零三 → 103, 十 → 10, 十二 → 12, 一百万 → 1000000, 二〇二一 (digit by digit) → 2021.
 * Returns null for text that is not a well-formed numeral, so a typo never becomes a number.
 */
export function parseChineseNumber(text: string): number | null {
  if (!text) return null;
  // Years and codes are written digit by digit with no units: 二〇二一.
  if (![...text].some((c) => c in smallUnits || c in bigUnits)) {
    if (![...text].every((c) => c in digits)) return null;
    return text.length === 1 ? digits[text]! : Number([...text].map((c) => digits[c]).join(''));
  }
  let total = 0; // completed 万/亿 groups
  let section = 0; // value below the current big unit
  let pending: number | null = null; // a digit waiting for its unit
  let lastSmall = Infinity; // units must fall within a section: 一百二十, not 一十百
  let lastBig = Infinity;
  for (const c of text) {
    if (c in digits) {
      if (pending !== null && pending !== 0 && digits[c] !== 0) return null; // two digits in a row: 一二
      pending = digits[c]!;
    } else if (c in smallUnits) {
      const unit = smallUnits[c]!;
      if (unit >= lastSmall) return null;
      // 十 alone at the start means 一十 (十二 = 12); elsewhere a unit needs its digit.
      const leadingTen = unit === 10 && pending === null && section === 0 && total === 0;
      const digit = pending === null || pending === 0 ? (leadingTen ? 1 : null) : pending;
      if (digit === null) return null;
      section += digit * unit;
      pending = null;
      lastSmall = unit;
    } else if (c in bigUnits) {
      const unit = bigUnits[c]!;
      if (unit >= lastBig) return null;
      const value = section + (pending ?? 0);
      if (value === 0) return null;
      total += value * unit;
      section = 0;
      pending = null;
      lastSmall = Infinity;
      lastBig = unit;
    } else {
      return null;
    }
  }
  return total + section + (pending ?? 0);
}

const digitChars = ['零', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1–9999 as article numbers are written: 十, 十二, 一百零三, 一百一十, 一千零一十. */
export function formatChineseNumber(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 9999) throw new RangeError(`条文序号超出范围：${n}`);
  const places: Array<[number, string]> = [
    [1000, '千'],
    [100, '百'],
    [10, '十'],
    [1, ''],
  ];
  let out = '';
  let zero = false;
  for (const [value, unit] of places) {
    const d = Math.floor(n / value) % 10;
    if (d === 0) {
      zero = out.length > 0;
      continue;
    }
    if (zero) out += '零';
    zero = false;
    // 十二, not 一十二, when 十 leads the number.
    out += (d === 1 && value === 10 && out === '' ? '' : digitChars[d]!) + unit;
  }
  return out;
}
