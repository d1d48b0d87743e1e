/**
 * Recommendation figures: the share of labelled inspection descriptions whose right violation type
 * is among the first three suggestions, on the shipped benchmark (≥ 85 %), the same on the
 * Code-era descriptions written blind to the keywords, and the time of one
 * recommendation with every type loaded (p95 < 50 ms), each description ranked among the
 * types resting on the law of its date, as recommend.violations does.
 */
import { loadBenchmark } from '#core/services.js';
import { topKAccuracy } from '#core/domain/recommend/evaluate.js';
import { rankViolations } from '#core/domain/recommend/rankViolations.js';
import { typesStandingOn } from '#core/domain/legalBasis/standingType.js';
import { loadLawData } from '#core/lawResources.js';
import { labelledInspections, standingEntries } from '#core/testing/labelledInspections.js';
import type { Figure } from './report.js';

function percentile(xs: number[], p: number): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
}

export async function recommendFigures(report: (f: Figure) => void): Promise<void> {
  const { violations } = loadBenchmark();
  const { labelled, heldOut, codeEra } = labelledInspections();
  const pool = standingEntries(violations);
  const all = topKAccuracy(pool, [...labelled, ...heldOut], 3);
  const top1 = topKAccuracy(pool, [...labelled, ...heldOut], 1);
  const held = topKAccuracy(pool, heldOut, 3);
  const code = topKAccuracy(pool, codeEra, 3);
  console.log(`# recommend: top-1 ${top1.percent} %, held-out top-3 ${held.percent} % (${held.hits}/${held.total})`);
  report({
    name: 'recommend-top3',
    value: all.percent,
    unit: '%',
    op: '>=',
    target: 85,
    note: `${all.hits}/${all.total} pre-Code descriptions, right type in the first 3`,
  });
  report({
    name: 'recommend-code-era-top3',
    value: code.percent,
    unit: '%',
    op: '>=',
    target: 85,
    note: `${code.hits}/${code.total} descriptions dated after 2026-08-15, written blind to the keywords; a Code article in the first 3`,
  });

  // As the handler does it: the types standing on the date, then the ranking — over every type loaded.
  const data = loadLawData();
  const index = { types: violations, map: data.articleMap, periods: data };
  const times: number[] = [];
  const items = [...labelled, ...heldOut, ...codeEra];
  for (let round = 0; round < 3; round++) {
    for (const item of items) {
      const t0 = performance.now();
      rankViolations(typesStandingOn(index, violations, item.date!), item.text, item.industry, 5);
      times.push(performance.now() - t0);
    }
  }
  report({
    name: 'recommend-p95',
    value: percentile(times, 95),
    unit: 'ms',
    op: '<',
    target: 50,
    note: `${violations.length} types loaded, ${times.length} recommendations (filter by the act's date + rank)`,
  });
}
