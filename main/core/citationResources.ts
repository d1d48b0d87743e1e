/**
 * resources/laws/citations.json: the articles documents and procedures cite for each purpose,
 * dated (see common/schemas/citations.ts). Checked once when the core starts; a broken file stops
 * the start with what is wrong, like the procedures and the other files of resources/laws/.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { citationsFile, type CitationsFile } from '#common/schemas/citations.js';
import { citationProblems } from './domain/laws/citations.js';
import { resourcesDir } from './paths.js';

export function loadCitations(file = join(resourcesDir(), 'laws', 'citations.json')): CitationsFile {
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    throw new Error(`resources/laws/citations.json 无法读取：${(e as Error).message}`);
  }
  const parsed = citationsFile.safeParse(json);
  if (!parsed.success)
    throw new Error(
      `resources/laws/citations.json 有误：${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('；')}`,
    );
  const problems = citationProblems(parsed.data);
  if (problems.length) throw new Error(`resources/laws/citations.json 有误：${problems.join('；')}`);
  return parsed.data;
}

let shipped: CitationsFile | null = null;

/** The shipped file, read once: for callers that build documents without a core (tests, scripts, bench). */
export function shippedCitations(): CitationsFile {
  shipped ??= loadCitations();
  return shipped;
}
