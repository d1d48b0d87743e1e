/**
 * The law library's data under resources/laws/: the old-to-new article table and the commencement
 * dates the texts do not state. Checked once when the core starts; a broken file stops the start
 * with what is wrong, like the procedures.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import {
  articleMapFile,
  effectiveDatesFile,
  repealsFile,
  type ArticleMapEntry,
  type EffectiveDatesFile,
  type LawCommencement,
  type LawRepeal,
} from '#common/schemas/laws.js';
import { temporalRulesFile, type TemporalRules } from '#common/schemas/legalBasis.js';
import { resourcesDir } from './paths.js';
import { lawKey, parseArticleCitation } from './domain/laws/citation.js';

export interface LawData {
  articleMap: ArticleMapEntry[];
  effectiveDates: EffectiveDatesFile['dates'];
  /** When laws took effect and were repealed (resources/laws/repeals.json). */
  commencements: LawCommencement[];
  repeals: LawRepeal[];
  /** The act's date, 从旧兼从轻 and limitation as data (resources/laws/temporal-rules.json). */
  temporal: TemporalRules;
}

/** A data file read and checked against its schema; a broken one stops the start saying what is wrong. */
function readChecked<T>(dir: string, name: string, schema: z.ZodType<T>): T {
  const parsed = schema.safeParse(JSON.parse(readFileSync(join(dir, name), 'utf8')));
  if (!parsed.success)
    throw new Error(
      `resources/laws/${name} 有误：${parsed.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('；')}`,
    );
  return parsed.data;
}

export function loadLawData(dir = join(resourcesDir(), 'laws')): LawData {
  const map = readChecked(dir, 'article-map.json', articleMapFile);
  const bad = map.mappings.flatMap((m) => [m.from, ...m.to]).filter((a) => !parseArticleCitation(a.article));
  if (bad.length)
    throw new Error(
      `resources/laws/article-map.json 中的条文序号无法识别：${bad.map((a) => `${a.law}${a.article}`).join('、')}`,
    );
  const periods = readChecked(dir, 'repeals.json', repealsFile);
  return {
    articleMap: map.mappings,
    effectiveDates: readChecked(dir, 'effective-dates.json', effectiveDatesFile).dates,
    commencements: periods.commencements,
    repeals: periods.repeals,
    temporal: readChecked(dir, 'temporal-rules.json', temporalRulesFile),
  };
}

/** The commencement date the data gives for a version, if any. */
export function dataEffectiveFrom(data: LawData, law: string, versionDate: string): string | null {
  return (
    data.effectiveDates.find((d) => lawKey(d.law) === lawKey(law) && d.versionDate === versionDate)?.effectiveFrom ??
    null
  );
}
