/**
 * Recommendation figure (issue 5): the share of labelled inspection descriptions whose right
 * violation type is among the first three suggestions, on the shipped benchmark; target ≥ 85 %.
 * Also prints top-1 and the held-out set (written after the keywords) on comment lines.
 */
import { loadBenchmark } from '../../main/core/services.js';
import { topKAccuracy } from '../../main/core/domain/recommend/evaluate.js';
import { labelledInspections } from '../../main/core/testing/labelledInspections.js';
import type { Figure } from './report.js';

export async function recommendFigures(report: (f: Figure) => void): Promise<void> {
  const { violations } = loadBenchmark();
  const { labelled, heldOut } = labelledInspections();
  const all = topKAccuracy(violations, [...labelled, ...heldOut], 3);
  const top1 = topKAccuracy(violations, [...labelled, ...heldOut], 1);
  const held = topKAccuracy(violations, heldOut, 3);
  console.log(`# recommend: top-1 ${top1.percent} %, held-out top-3 ${held.percent} % (${held.hits}/${held.total})`);
  report({ name: 'recommend-top3', value: all.percent, unit: '%', op: '>=', target: 85, note: `${all.hits}/${all.total} labelled inspection descriptions, right type in the first 3` });
}
