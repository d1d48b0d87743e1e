/**
 * How the 法律法规 page splits a long law for reading: one 章 (with its 节) at a time, so the
 * 生态环境法典's 1,242 articles are never all on the page. Pure.
 */
import type { LawArticleView, LawDivisionView } from '#common/schemas/laws';

/** Laws with more articles than this are read one part (章) at a time. */
export const partThreshold = 300;

export interface LawPart {
  /** The divisions down to 章 (节 excluded), as a key and as the place shown above the part. */
  key: string;
  divisions: LawDivisionView[];
  articles: LawArticleView[];
}

export const divisionName = (d: LawDivisionView): string => (d.title ? `${d.label} ${d.title}` : d.label);

/** "第五编 法律责任和附则 › 第二章 法律责任分则" */
export function placeOf(divisions: readonly LawDivisionView[] | undefined): string {
  return (divisions ?? []).map(divisionName).join(' › ');
}

/** Consecutive articles under the same 编/分编/章 form a part. */
export function lawParts(articles: readonly LawArticleView[]): LawPart[] {
  const parts: LawPart[] = [];
  for (const a of articles) {
    const divisions = (a.divisions ?? []).filter((d) => d.kind !== '节');
    const key = divisions.map(divisionName).join(' ');
    const last = parts.at(-1);
    if (last && last.key === key) last.articles.push(a);
    else parts.push({ key, divisions, articles: [a] });
  }
  return parts;
}

/** The part holding the article (by number), else the first. */
export function partIndexOf(parts: readonly LawPart[], article: number | null): number {
  if (article === null) return 0;
  const i = parts.findIndex((p) => p.articles.some((a) => a.number === article));
  return Math.max(i, 0);
}

/** The outline keys of the divisions holding a part (each level's key is the names down to it). */
export function activeKeys(divisions: readonly LawDivisionView[]): Set<string> {
  const keys = new Set<string>();
  for (let i = 0; i < divisions.length; i++)
    keys.add(
      divisions
        .slice(0, i + 1)
        .map(divisionName)
        .join(' '),
    );
  return keys;
}
