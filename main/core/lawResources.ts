/**
 * The law library's data under resources/laws/: the old-to-new article table and the commencement
 * dates the texts do not state. Checked once when the core starts; a broken file stops the start
 * with what is wrong, like the procedures.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { articleMapFile, effectiveDatesFile, type ArticleMapEntry, type EffectiveDatesFile } from '../../common/schemas/laws.js';
import { resourcesDir } from './paths.js';
import { lawKey, parseArticleCitation } from './domain/laws/citation.js';

export interface LawData {
  articleMap: ArticleMapEntry[];
  effectiveDates: EffectiveDatesFile['dates'];
}

function readJson(file: string): unknown {
  return JSON.parse(readFileSync(file, 'utf8'));
}

export function loadLawData(dir = join(resourcesDir(), 'laws')): LawData {
  const map = articleMapFile.safeParse(readJson(join(dir, 'article-map.json')));
  if (!map.success) throw new Error(`resources/laws/article-map.json 有误：${map.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('；')}`);
  const bad = map.data.mappings.flatMap((m) => [m.from, ...m.to]).filter((a) => !parseArticleCitation(a.article));
  if (bad.length) throw new Error(`resources/laws/article-map.json 中的条文序号无法识别：${bad.map((a) => `${a.law}${a.article}`).join('、')}`);
  const dates = effectiveDatesFile.safeParse(readJson(join(dir, 'effective-dates.json')));
  if (!dates.success) throw new Error(`resources/laws/effective-dates.json 有误：${dates.error.issues.map((i) => `${i.path.join('.')} ${i.message}`).join('；')}`);
  return { articleMap: map.data.mappings, effectiveDates: dates.data.dates };
}

/** The commencement date the data gives for a version, if any. */
export function dataEffectiveFrom(data: LawData, law: string, versionDate: string): string | null {
  return data.effectiveDates.find((d) => lawKey(d.law) === lawKey(law) && d.versionDate === versionDate)?.effectiveFrom ?? null;
}
