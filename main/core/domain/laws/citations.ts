/**
 * The article a document or procedure cites for a purpose on a date, from
 * resources/laws/citations.json (schema common/schemas/citations.ts). Pure: the data and the date
 * are arguments. A purpose with situations is addressed as `purpose.item`
 * (`detentionReferral.evadingSupervision`).
 *
 * Which date: for an act of the authority (现场检查, 查封扣押, 责令改正, 移送) the day it acts; the
 * procedural law of that day applies (生态环境法典 in force 2026-08-15, art. 1242).
 */
import type { CitationEntry, CitationsFile } from '#common/schemas/citations.js';
import { lawKey, parseArticleCitation } from './citation.js';

/** A purpose, item or date the data cannot answer; the message is for the user. */
export class CitationError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CitationError';
  }
}

interface Resolved {
  name: string;
  entries: CitationEntry[];
}

function purposeOf(data: CitationsFile, purpose: string): Resolved {
  const [id, item, ...rest] = purpose.split('.');
  const p = data.purposes[id ?? ''];
  if (!p || rest.length) throw new CitationError(`引用条文表中没有用途“${purpose}”`);
  if (item === undefined) return { name: p.name, entries: p.entries };
  const it = p.items?.[item];
  if (!it) throw new CitationError(`引用条文表中“${p.name}”没有情形“${item}”`);
  return { name: `${p.name}（${it.label}）`, entries: it.entries };
}

/** The entry in force on `date` (YYYY-MM-DD) for `purpose`; a CitationError when there is none. */
export function citationOn(data: CitationsFile, purpose: string, date: string): CitationEntry {
  const { name, entries } = purposeOf(data, purpose);
  const hit = entries.find((e) => e.from <= date && (e.to === null || date <= e.to));
  if (hit) return hit;
  if (!entries.length) throw new CitationError(`“${name}”没有总括条文，须按具体情形引用`);
  const first = entries[0]!;
  const last = entries.at(-1)!;
  if (date < first.from) throw new CitationError(`${date}没有适用的“${name}”条文：引用条文表自${first.from}起`);
  if (last.to !== null && date > last.to) {
    throw new CitationError(`${date}没有适用的“${name}”条文：引用条文表只到${last.to}，须补充此后施行的条文`);
  }
  throw new CitationError(`${date}没有适用的“${name}”条文：引用条文表在该日有空档`);
}

/** The item of a purpose whose label the clerk chose (逃避监管排放污染物 → evadingSupervision). */
export function itemByLabel(data: CitationsFile, purpose: string, label: string): string {
  const p = data.purposes[purpose];
  if (!p) throw new CitationError(`引用条文表中没有用途“${purpose}”`);
  const items = Object.entries(p.items ?? {});
  const found = items.find(([, it]) => it.label === label.trim());
  if (!found)
    throw new CitationError(`“${label}”不是${p.name}的情形，应为：${items.map(([, it]) => it.label).join('、')}`);
  return found[0];
}

/** The item whose entry on `date` cites the given article of the same law, if any (the case's penalty clause). */
export function itemForArticle(
  data: CitationsFile,
  purpose: string,
  date: string,
  law: string,
  article: string,
): string | null {
  const wanted = parseArticleCitation(article);
  if (!wanted) return null;
  for (const [key, it] of Object.entries(data.purposes[purpose]?.items ?? {})) {
    const e = it.entries.find((x) => x.from <= date && (x.to === null || date <= x.to));
    const cited = e ? parseArticleCitation(e.article) : null;
    if (
      e &&
      cited &&
      lawKey(e.law) === lawKey(law) &&
      cited.number === wanted.number &&
      cited.sub === wanted.sub &&
      (cited.paragraph === null || wanted.paragraph === null || cited.paragraph === wanted.paragraph)
    )
      return key;
  }
  return null;
}

/** 《中华人民共和国环境保护法》第二十四条. */
export function articleCited(e: CitationEntry): string {
  return `${e.law}${e.article}`;
}

/** The article with the rules cited alongside: 《…法》第六十条和《…办法》. */
export function basisCited(e: CitationEntry, article = articleCited(e)): string {
  return [article, ...(e.with ?? [])].join('和');
}

/** Problems a schema cannot see: article numbers that do not read as 第X条[第X款][第X项]. */
export function citationProblems(data: CitationsFile): string[] {
  const problems: string[] = [];
  for (const [id, p] of Object.entries(data.purposes)) {
    const hasItems = Object.keys(p.items ?? {}).length > 0;
    const lists: Array<[string, CitationEntry[], boolean]> = [
      [id, p.entries, hasItems],
      ...Object.entries(p.items ?? {}).map(
        ([k, it]) => [`${id}.${k}`, it.entries, false] as [string, CitationEntry[], boolean],
      ),
    ];
    // A general basis may end when only the situations are cited after it (移送拘留 under the Code).
    for (const [where, entries, mayEnd] of lists) {
      for (const e of entries)
        if (!parseArticleCitation(e.article)) problems.push(`${where}：条文序号“${e.article}”无法识别`);
      const last = entries.at(-1);
      if (last && last.to !== null && !mayEnd) problems.push(`${where}：最后一项应没有截止日期（现行有效）`);
    }
    const labels = Object.values(p.items ?? {}).map((it) => it.label);
    if (new Set(labels).size !== labels.length) problems.push(`${id}：情形名称重复`);
  }
  return problems;
}
