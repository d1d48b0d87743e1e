/**
 * How well the recommendations do on a labelled set of inspection descriptions: the share whose
 * right type is among the first `k` suggestions (issue 5: top 3 ≥ 85 %). Pure; the test and
 * `npm run bench` both use it.
 */
import type { BenchmarkEntry } from '../../../../common/schemas/discretion.js';
import { rankViolations } from './rankViolations.js';

export interface LabelledInspection { id: string; text: string; industry?: string; expected: string }

export interface TopKResult {
  k: number;
  total: number;
  hits: number;
  /** Percentage, one decimal. */
  percent: number;
  misses: Array<{ id: string; expected: string; got: string[] }>;
}

export function topKAccuracy(entries: readonly BenchmarkEntry[], items: readonly LabelledInspection[], k = 3): TopKResult {
  const misses: TopKResult['misses'] = [];
  for (const item of items) {
    const got = rankViolations(entries, item.text, item.industry, k).map((r) => r.violationId);
    if (!got.includes(item.expected)) misses.push({ id: item.id, expected: item.expected, got });
  }
  const hits = items.length - misses.length;
  return { k, total: items.length, hits, percent: items.length ? Math.round((hits / items.length) * 1000) / 10 : 0, misses };
}
