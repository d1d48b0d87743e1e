/**
 * The labelled inspection descriptions the recommendation accuracy is measured on: `labelled` was
 * written first and the keywords fitted to it; `heldOut` was written after. Both describe
 * acts before the 生态环境法典, so they are ranked among the types of 2026-08-14. For the Code:
 * a first blind set scored 66.7 % with the first keywords; the keywords were then tuned on it and on a
 * training set (`codeEraTraining`); `codeEra` was written after that, by someone who had seen neither
 * the keywords nor any other set. All Code-era items are dated after 2026-08-15 and labelled by the
 * Code's penalty article. Shared by the accuracy test and the bench.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BenchmarkEntry } from '#common/schemas/discretion.js';
import type { LabelledInspection } from '../domain/recommend/evaluate.js';
import { typesStandingOn } from '../domain/legalBasis/standingType.js';
import { loadLawData } from '../lawResources.js';

/** The last day before the Code: the day the pre-Code descriptions are ranked on. */
export const preCodeDate = '2026-08-14';

const read = (name: string): LabelledInspection[] =>
  (JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures', name), 'utf8')) as { items: LabelledInspection[] })
    .items;

export interface InspectionSets {
  labelled: LabelledInspection[];
  heldOut: LabelledInspection[];
  /** Code-era descriptions the Code types' keywords were tuned on (the first blind set joined them once scored). */
  codeEraTraining: LabelledInspection[];
  /** Code-era descriptions written after the keywords were frozen, blind to them and to every other set. */
  codeEra: LabelledInspection[];
}

export function labelledInspections(): InspectionSets {
  const dated = (items: LabelledInspection[]) => items.map((i) => ({ ...i, date: i.date ?? preCodeDate }));
  return {
    labelled: dated(read('labelled-inspections.json')),
    heldOut: dated(read('heldout-inspections.json')),
    codeEraTraining: [...read('code-era-training.json'), ...read('code-era-inspections.json')],
    codeEra: read('code-era-heldout.json'),
  };
}

/** Ranks each description among the types resting on the law of its date, as recommend.violations does. */
export function standingEntries(
  entries: readonly BenchmarkEntry[],
): (item: LabelledInspection) => readonly BenchmarkEntry[] {
  const data = loadLawData();
  const index = { types: entries, map: data.articleMap, periods: data };
  const byDate = new Map<string, BenchmarkEntry[]>();
  return (item) => {
    const date = item.date ?? preCodeDate;
    if (!byDate.has(date)) byDate.set(date, typesStandingOn(index, entries, date));
    return byDate.get(date)!;
  };
}
