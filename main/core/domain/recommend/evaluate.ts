/**
 * How well the recommendations do on a labelled set of inspection descriptions: the share whose
 * right type is among the first `k` suggestions (top 3 ≥ 85 %). A description is labelled
 * by the type's id, or — for notes written under the 生态环境法典, labelled before the types were
 * final — by the penalty article; it may carry the act's date, and then only the types resting on
 * the law of that day are ranked, as the app does. Pure; the test and `npm run bench` both use it.
 */
import type { BenchmarkEntry } from '#common/schemas/discretion.js';
import type { ArticleRef } from '#common/schemas/reference.js';
import { refNames } from '../legalBasis/refKeys.js';
import { rankViolations } from './rankViolations.js';

export interface LabelledInspection {
  id: string;
  text: string;
  industry?: string;
  expected: string | ArticleRef;
  date?: string;
}

export interface TopKResult {
  k: number;
  total: number;
  hits: number;
  /** Percentage, one decimal. */
  percent: number;
  misses: Array<{ id: string; expected: string; got: string[] }>;
}

/** The types ranked for a description: all of them, or those standing on its date. */
export type EntriesFor = readonly BenchmarkEntry[] | ((item: LabelledInspection) => readonly BenchmarkEntry[]);

function isHit(expected: LabelledInspection['expected'], e: BenchmarkEntry): boolean {
  return typeof expected === 'string' ? e.id === expected : refNames(expected, e.penaltyArticle);
}

export function topKAccuracy(entries: EntriesFor, items: readonly LabelledInspection[], k = 3): TopKResult {
  const misses: TopKResult['misses'] = [];
  for (const item of items) {
    const pool = typeof entries === 'function' ? entries(item) : entries;
    const got = rankViolations(pool, item.text, item.industry, k);
    const ids = got.map((r) => r.violationId);
    if (!pool.some((e) => ids.includes(e.id) && isHit(item.expected, e))) {
      const expected =
        typeof item.expected === 'string' ? item.expected : `${item.expected.law}${item.expected.article}`;
      misses.push({ id: item.id, expected, got: ids });
    }
  }
  const hits = items.length - misses.length;
  return {
    k,
    total: items.length,
    hits,
    percent: items.length ? Math.round((hits / items.length) * 1000) / 10 : 0,
    misses,
  };
}
