/**
 * Repealed laws, on data (resources/laws/repeals.json): the last day a repealed law is in force,
 * the Chinese sentence that says so, and the check of a repealing clause in an imported text (生态环境
 * 法典 art. 1242: 本法自2026年8月15日起施行。《…》、《…》……同时废止。) against that data. Pure.
 */
import type { LawRepeal, LawRepealView } from '#common/schemas/laws.js';
import { addDays, chineseDate } from '../dates.js';
import { lawKey } from './citation.js';
import { isoFromParts } from './effectiveDate.js';
import type { LawArticle } from './types.js';

/** The data's repeal of a law, whatever way the law is named; null if the data has none. */
export function repealOf(repeals: readonly LawRepeal[], law: string): LawRepeal | null {
  const key = lawKey(law);
  return repeals.find((r) => lawKey(r.law) === key) ?? null;
}

/** The repeal in force on `date` (repealedOn ≤ date), if any. */
export function repealedBy(repeals: readonly LawRepeal[], law: string, date: string): LawRepeal | null {
  const r = repealOf(repeals, law);
  return r && r.repealedOn <= date ? r : null;
}

/** The last day in force: the day before the repeal. */
export function lastDayInForce(r: LawRepeal): string {
  return addDays(r.repealedOn, -1);
}

/** 《中华人民共和国生态环境法典》第一千二百四十二条 */
export function repealCitation(r: LawRepeal): string {
  return `《${r.by.law.replace(/[《》\s\u3000]/g, '')}》${r.by.article.trim()}`;
}

/** 已于2026年8月15日废止（《中华人民共和国生态环境法典》第一千二百四十二条） */
export function repealText(r: LawRepeal): string {
  return `已于${chineseDate(r.repealedOn)}废止（${repealCitation(r)}）`;
}

export function repealView(r: LawRepeal): LawRepealView {
  return {
    repealedOn: r.repealedOn,
    lastDay: lastDayInForce(r),
    by: repealCitation(r),
    text: repealText(r),
    verified: r.verified,
  };
}

export interface RepealClause {
  /** The article that repeals: 第一千二百四十二条. */
  article: string;
  /** The commencement it states (the repeal takes effect with it: 同时废止); null if none. */
  effectiveFrom: string | null;
  /** The laws it names, as printed without 《》: 中华人民共和国环境保护法. */
  laws: string[];
}

const commencement = /自(\d{4})年(\d{1,2})月(\d{1,2})日起施行/;
const repealSentence = /((?:《[^《》]+》[、，,和及与\s]*)+)(?:同时)?(?:予以)?废止/g;

/**
 * The repealing clause among the last articles of a text (附则), or null. Only 《…》同时废止 / 废止 in
 * the same sentence is read; "废止" in any other sense (e.g. 废止的标准) names no law and is ignored.
 */
export function readRepealClause(articles: readonly LawArticle[]): RepealClause | null {
  for (const a of articles.slice(-3).reverse()) {
    const laws: string[] = [];
    for (const m of a.text.matchAll(repealSentence)) {
      for (const t of m[1]!.matchAll(/《([^《》]+)》/g)) laws.push(t[1]!.trim());
    }
    if (!laws.length) continue;
    const c = commencement.exec(a.text);
    return { article: a.label, effectiveFrom: c ? isoFromParts(c[1]!, c[2]!, c[3]!) : null, laws };
  }
  return null;
}

export interface RepealCheck {
  /** The text and the data agree on which laws end, when and by which article. */
  agrees: boolean;
  /** Chinese, one per disagreement, for the import report. */
  problems: string[];
}

/**
 * Compares what an imported law's repealing clause says with the repeals the data attributes to
 * that law. Nothing is guessed: the data stays what the library applies, and each difference is
 * reported for a person to settle (the transcription or the data may be wrong).
 */
export function checkRepealClause(
  lawId: string,
  fullName: string,
  clause: RepealClause | null,
  repeals: readonly LawRepeal[],
): RepealCheck {
  const mine = repeals.filter((r) => lawKey(r.by.law) === lawKey(lawId));
  const problems: string[] = [];
  if (!clause) {
    if (mine.length) {
      problems.push(
        `废止数据载明《${fullName}》废止了${mine.map((r) => `《${r.law}》`).join('、')}，但导入的文本最后几条中没有废止条款，请核对文本是否完整`,
      );
    }
    return { agrees: problems.length === 0, problems };
  }
  const named = new Map(clause.laws.map((l) => [lawKey(l), l]));
  const where = `本法${clause.article}`;
  for (const [key, printed] of named) {
    const r = mine.find((x) => lawKey(x.law) === key);
    if (!r) {
      problems.push(`${where}废止《${printed}》，但废止数据中没有这一项；在补充数据之前，该法不按废止处理`);
      continue;
    }
    if (clause.effectiveFrom && r.repealedOn !== clause.effectiveFrom) {
      problems.push(
        `${where}规定《${printed}》自${chineseDate(clause.effectiveFrom)}起废止，废止数据记为${chineseDate(r.repealedOn)}；暂按废止数据处理，请核对`,
      );
    }
    if (r.by.article.trim() !== clause.article) {
      problems.push(`废止数据记载《${printed}》由${r.by.article.trim()}废止，文本中为${clause.article}，请核对`);
    }
  }
  for (const r of mine) {
    if (!named.has(lawKey(r.law))) {
      problems.push(`废止数据记载《${r.law}》由${where}废止，但该条文本中没有这部法律；暂按废止数据处理，请核对`);
    }
  }
  if (!clause.effectiveFrom) problems.push(`${where}没有载明废止生效的日期（“本法自…起施行”），请核对`);
  return { agrees: problems.length === 0, problems };
}
