/**
 * How documents cite the law: 《中华人民共和国大气污染防治法》第九十九条第二项. Splits a citation into
 * the law's key and the article, paragraph (款) and item (项) numbers, and writes them back. Pure.
 */
import { formatChineseNumber, numeralChars, parseChineseNumber } from './numerals.js';

export interface ArticleCitation {
  /** Article number as an integer (第九十九条 → 99). */
  number: number;
  /** 0, or N for an inserted article 第X条之N. */
  sub: number;
  /** 款, counted from 1; null when the whole article is cited. */
  paragraph: number | null;
  /** 项, counted from 1; null when no item is cited. */
  item: number | null;
}

const n = `[${numeralChars}]+`;
const citationPattern = new RegExp(`^第(${n})条(?:之(${n}))?(?:第(${n})款)?(?:第(${n})项)?$`);

/** 第九十九条第二项 → { number: 99, sub: 0, paragraph: null, item: 2 }; null if it is not a citation. */
export function parseArticleCitation(text: string): ArticleCitation | null {
  const m = citationPattern.exec(text.replace(/[\s\u3000]/g, ''));
  if (!m) return null;
  const number = parseChineseNumber(m[1]!);
  const sub = m[2] ? parseChineseNumber(m[2]) : 0;
  const paragraph = m[3] ? parseChineseNumber(m[3]) : null;
  const item = m[4] ? parseChineseNumber(m[4]) : null;
  if (!number || sub === null || (m[3] && !paragraph) || (m[4] && !item)) return null;
  // Article numbers are written up to 9999 (formatChineseNumber); larger is a typo, not a citation.
  if ([number, sub, paragraph ?? 0, item ?? 0].some((x) => x > 9999)) return null;
  return { number, sub, paragraph, item };
}

/** 第九十九条, 第一百二十条之一. */
export function articleLabel(number: number, sub = 0): string {
  return `第${formatChineseNumber(number)}条${sub ? `之${formatChineseNumber(sub)}` : ''}`;
}

export function citationText(c: ArticleCitation): string {
  return (
    articleLabel(c.number, c.sub) +
    (c.paragraph ? `第${formatChineseNumber(c.paragraph)}款` : '') +
    (c.item ? `第${formatChineseNumber(c.item)}项` : '')
  );
}

const nationalPrefix = '中华人民共和国';

/**
 * The key a law is filed under: its title without 《》, spaces and the 中华人民共和国 prefix, so that
 * 《中华人民共和国大气污染防治法》, 中华人民共和国大气污染防治法 and 大气污染防治法 meet.
 */
export function lawKey(name: string): string {
  const bare = name.replace(/[《》〈〉\s\u3000\u200b]/g, '');
  return bare.startsWith(nationalPrefix) && bare.length > nationalPrefix.length
    ? bare.slice(nationalPrefix.length)
    : bare;
}

/** Item labels as printed: （一）. */
export function itemLabel(item: number): string {
  return `（${formatChineseNumber(item)}）`;
}
