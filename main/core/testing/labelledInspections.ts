/**
 * The labelled inspection descriptions the recommendation accuracy is measured on (issue 5):
 * `labelled` was written first and the keywords fitted to it; `heldOut` was written after.
 * Shared by the accuracy test and `npm run bench`.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { LabelledInspection } from '../domain/recommend/evaluate.js';

const read = (name: string): LabelledInspection[] =>
  (JSON.parse(readFileSync(join(import.meta.dirname, 'fixtures', name), 'utf8')) as { items: LabelledInspection[] }).items;

export function labelledInspections(): { labelled: LabelledInspection[]; heldOut: LabelledInspection[] } {
  return { labelled: read('labelled-inspections.json'), heldOut: read('heldout-inspections.json') };
}
