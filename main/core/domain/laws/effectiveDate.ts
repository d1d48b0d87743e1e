/**
 * When a version of a law took effect, from what its text says. Pure.
 *
 * A revised law (修订) restates its commencement in the final article (行政处罚法 2021: 本法自2021年7月15日
 * 起施行). An amended law (修正) keeps the original commencement there (大气污染防治法 2018 still says
 * 2016年1月1日), while the amending decision — not part of the text — takes effect on its own date.
 * So the final article is believed only when its date is on or after the version date; otherwise
 * the date is not stated, and the caller falls back to data or, last, to the version date.
 */
import type { EffectiveFromSource, LawArticle, LawHistoryEntry } from './types.js';
import { isValidDate } from '../dates.js';

const finalArticlePattern = /自(\d{4})年(\d{1,2})月(\d{1,2})日起施行/;
const onPromulgationPattern = /自(?:公布|发布)之日起施行/;

export function isoFromParts(y: string, m: string, d: string): string | null {
  const iso = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  return isValidDate(iso) ? iso : null;
}

/** A dated header line whose event is commencement: "2021年3月1日 施行". */
export function isCommencement(event: string): boolean {
  return /^(?:起)?施行[。]?$/.test(event.trim());
}

export interface StatedEffectiveFrom {
  date: string;
  source: Extract<EffectiveFromSource, 'header' | 'final-article'>;
}

export function statedEffectiveFrom(
  history: LawHistoryEntry[],
  versionDate: string,
  articles: LawArticle[],
): StatedEffectiveFrom | null {
  const commencements = history
    .filter((h) => isCommencement(h.event))
    .map((h) => h.date)
    .sort();
  const stated = commencements.at(-1);
  if (stated) return { date: stated, source: 'header' };

  // The commencement clause is in the last article (附则); look at the last few in case of 附件 text.
  for (const article of articles.slice(-3).reverse()) {
    const m = finalArticlePattern.exec(article.text);
    if (m) {
      const date = isoFromParts(m[1]!, m[2]!, m[3]!);
      if (date && date >= versionDate) return { date, source: 'final-article' };
      return null;
    }
    // 自公布之日起施行 speaks of the first promulgation: it dates this version only if there was no later one.
    if (onPromulgationPattern.test(article.text)) {
      const enactments = history.filter((h) => !isCommencement(h.event));
      const only = enactments.length === 1 ? enactments[0] : undefined;
      return only && only.date === versionDate ? { date: versionDate, source: 'final-article' } : null;
    }
  }
  return null;
}
