/**
 * How amounts and dates are written in Chinese official documents. Pure: no I/O, no clock.
 *
 * Capital amounts follow the 《支付结算办法》(银发〔1997〕393号) writing rules that banks and
 * penalty documents use: 整 after 元, none after 角 or 分; one 零 for any run of zeros inside the
 * number; 零 between 元 and 分 when 角 is zero. Amounts under one yuan keep 零元 in front so that
 * nothing can be written before them.
 */

import { toCents } from '#common/money.js';

const capitalDigits = ['零', '壹', '贰', '叁', '肆', '伍', '陆', '柒', '捌', '玖'];
const capitalPlaces = ['', '拾', '佰', '仟'];
// Group units every four digits: 元-group, 万, 亿. Amounts stop below 一万亿 (10^12), where the
// 亿 unit would have to cover eight digits (壹万贰仟亿); no fine comes near it.
const capitalGroups = ['', '万', '亿'];
const maxYuan = 999_999_999_999.99;

/** 100000 → 壹拾万元整; 1234.56 → 壹仟贰佰叁拾肆元伍角陆分; 0 → 零元整. */
export function amountInWords(yuan: number): string {
  if (!Number.isFinite(yuan) || yuan < 0 || yuan > maxYuan) throw new RangeError(`金额超出可书写范围：${yuan}`);
  const cents = toCents(yuan);
  const integer = Math.floor(cents / 100);
  const jiao = Math.floor(cents / 10) % 10;
  const fen = cents % 10;
  if (cents === 0) return '零元整';

  let out = integer > 0 ? `${integerInWords(integer)}元` : '零元';
  if (jiao === 0 && fen === 0) return `${out}整`;
  if (jiao > 0) out += `${capitalDigits[jiao]}角`;
  else out += '零'; // 角位是0而分位不是0时，元后面应写“零”字
  if (fen > 0) out += `${capitalDigits[fen]}分`;
  return out;
}

function integerInWords(n: number): string {
  const digits = String(n).split('').map(Number);
  let out = '';
  let zeroPending = false;
  let groupHasDigit = false;
  digits.forEach((d, i) => {
    const pos = digits.length - 1 - i; // power of ten of this digit
    if (d === 0) {
      zeroPending = out.length > 0;
    } else {
      if (zeroPending) out += '零';
      out += capitalDigits[d]! + capitalPlaces[pos % 4]!;
      zeroPending = false;
      groupHasDigit = true;
    }
    if (pos % 4 === 0 && pos > 0) {
      // A group unit is written only for a group that has a digit: 壹亿零伍佰, not 壹亿万零伍佰.
      if (groupHasDigit) out += capitalGroups[pos / 4]!;
      groupHasDigit = false;
    }
  });
  return out;
}

const dateDigits = ['〇', '一', '二', '三', '四', '五', '六', '七', '八', '九'];

/** 1–31 in Chinese numerals as dates write them: 五, 十, 十一, 二十, 三十一. */
function smallNumber(n: number): string {
  if (n < 10) return dateDigits[n]!;
  const tens = Math.floor(n / 10);
  const ones = n % 10;
  return `${tens === 1 ? '' : dateDigits[tens]}十${ones ? dateDigits[ones] : ''}`;
}

function parseDate(iso: string): { y: number; m: number; d: number } {
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso);
  if (!m) throw new RangeError(`不是有效日期：${iso}`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (mo < 1 || mo > 12 || d < 1 || d > 31) throw new RangeError(`不是有效日期：${iso}`);
  return { y, m: mo, d };
}

/** '2026-03-05' → 二〇二六年三月五日 (the form used under a seal on penalty documents). */
export function chineseDate(iso: string): string {
  const { y, m, d } = parseDate(iso);
  const year = String(y)
    .split('')
    .map((c) => dateDigits[Number(c)])
    .join('');
  return `${year}年${smallNumber(m)}月${smallNumber(d)}日`;
}

/** '2026-03-05' → 2026年3月5日 (the form used in records and approval tables). */
export function numericChineseDate(iso: string): string {
  const { y, m, d } = parseDate(iso);
  return `${y}年${m}月${d}日`;
}

/** '2026-03-05 09:30' or '2026-03-05T09:30' → 2026年3月5日9时30分; a bare date → 2026年3月5日. */
export function numericChineseDateTime(value: string): string {
  const t = /^(\d{4}-\d{2}-\d{2})(?:[ T](\d{1,2}):(\d{2}))?/.exec(value.trim());
  if (!t) throw new RangeError(`不是有效时间：${value}`);
  const date = numericChineseDate(t[1]!);
  return t[2] === undefined ? date : `${date}${Number(t[2])}时${t[3]}分`;
}

/** 100000 → 100000元; 1234.5 → 1234.50元: the short form approval tables use. */
export function yuanText(yuan: number): string {
  if (!Number.isFinite(yuan) || yuan < 0) throw new RangeError(`不是有效金额：${yuan}`);
  const cents = toCents(yuan);
  return cents % 100 === 0 ? `${cents / 100}元` : `${(cents / 100).toFixed(2)}元`;
}
