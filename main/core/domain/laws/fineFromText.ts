/**
 * The fine bands a penalty clause states, read from its text, so that "which law is lighter"
 * (处罚法 art. 37) can be decided on data: 处十万元以上一百万元以下的罚款 → 100,000–1,000,000 yuan;
 * 处建设项目总投资额百分之一以上百分之五以下的罚款 → 1%–5% of total investment. Pure.
 *
 * Only the common forms are read. Anything else (倍, 日, 违法所得) gives no band, and the caller
 * must then leave the comparison to a person instead of guessing.
 */
import type { FineBand } from '#common/schemas/reference.js';
import { numeralChars, parseChineseNumber } from './numerals.js';

const amount = `([${numeralChars}]+|\\d+(?:\\.\\d+)?)(万)?元`;
const rangePattern = new RegExp(`处${amount}以上${amount}以下(?:的)?罚款`, 'g');
// 生态环境法典 art. 1170 and others: …为危险废物的，罚款数额为二十万元以上二百万元以下.
const amountIsPattern = new RegExp(`罚款数额为${amount}以上${amount}以下`, 'g');
const capPattern = new RegExp(`处${amount}以下(?:的)?罚款`, 'g');
const percentPattern = new RegExp(
  `处([^，。；、处]{1,30}?)百分之([${numeralChars}]+)以上百分之([${numeralChars}]+)以下(?:的)?罚款`,
  'g',
);

function yuan(num: string, wan: string | undefined): number | null {
  const v = /^\d/.test(num) ? Number(num) : parseChineseNumber(num);
  if (v === null || !Number.isFinite(v)) return null;
  return wan ? v * 10_000 : v;
}

export function fineBandsInText(text: string): FineBand[] {
  const bands: FineBand[] = [];
  for (const m of [...text.matchAll(rangePattern), ...text.matchAll(amountIsPattern)]) {
    const min = yuan(m[1]!, m[2]);
    const max = yuan(m[3]!, m[4]);
    if (min !== null && max !== null && min <= max) bands.push({ kind: 'range', min, max });
  }
  for (const m of text.matchAll(capPattern)) {
    const max = yuan(m[1]!, m[2]);
    // "处十万元以上一百万元以下" also ends in "一百万元以下的罚款" but is preceded by 以上, not 处.
    if (max !== null) bands.push({ kind: 'range', min: 0, max });
  }
  for (const m of text.matchAll(percentPattern)) {
    const minPercent = parseChineseNumber(m[2]!);
    const maxPercent = parseChineseNumber(m[3]!);
    if (minPercent !== null && maxPercent !== null) bands.push({ kind: 'percent', of: m[1]!, minPercent, maxPercent });
  }
  return bands;
}

/** The one band a clause states, or null when it states none or several different ones. */
export function singleFineBand(text: string): FineBand | null {
  const bands = fineBandsInText(text);
  const distinct = bands.filter((b, i) => bands.findIndex((x) => JSON.stringify(x) === JSON.stringify(b)) === i);
  return distinct.length === 1 ? distinct[0]! : null;
}
