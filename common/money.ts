/**
 * Amounts of money in yuan, written one way for each place they appear, all from the same rounding
 * (half up on the decimal as typed) and the same thousands separator. Pure; shared by the core's
 * documents and texts and by the renderer.
 *  - `yuanFigures`  100,000.00      the figures documents print beside the capitals (¥…, 人民币…元)
 *  - `formatYuan`   100,000.00 元   an amount on screen: the same figures the documents will print
 *  - `yuanInText`   1,234,567.5元   an amount inside a sentence (fine bands, the discretion reasoning,
 *                                  the legal-basis statement), printed in documents as it reads now
 */

/**
 * Whole cents, rounding half up on the decimal the user typed: 1.005 → 101, although 1.005 × 100
 * is 100.49999… in binary floating point. Shifting the decimal point in the number's own text
 * avoids that multiplication.
 */
export function toCents(yuan: number): number {
  const text = String(yuan);
  return text.includes('e') ? Math.round(yuan * 100) : Math.round(Number(`${text}e2`));
}

const grouped = (whole: number): string => whole.toString().replace(/\B(?=(\d{3})+(?!\d))/g, ',');

/** 100000 → 100,000.00; a negative or non-finite amount is a bug upstream, never printed. */
export function yuanFigures(yuan: number): string {
  if (!Number.isFinite(yuan) || yuan < 0) throw new RangeError(`不是有效金额：${yuan}`);
  const cents = toCents(yuan);
  return `${grouped(Math.floor(cents / 100))}.${String(cents % 100).padStart(2, '0')}`;
}

/** 40000 → 40,000.00 元 (a shortfall below zero shows with its sign). */
export function formatYuan(yuan: number): string {
  if (!Number.isFinite(yuan)) return '—';
  return `${yuan < 0 ? '-' : ''}${yuanFigures(Math.abs(yuan))} 元`;
}

/** 1234567.5 → 1,234,567.5元; 150000 → 150,000元: cents only when there are any. */
export function yuanInText(yuan: number): string {
  const cents = toCents(yuan);
  const sign = cents < 0 ? '-' : '';
  const abs = Math.abs(cents);
  const fraction =
    abs % 100 === 0
      ? ''
      : `.${String(abs % 100)
          .padStart(2, '0')
          .replace(/0$/, '')}`;
  return `${sign}${grouped(Math.floor(abs / 100))}${fraction}元`;
}
