/**
 * Article references read once: a law key and the article's numbers, kept beside the (immutable)
 * data objects they were read from, so that "does this map entry name that type's article" costs a
 * few comparisons on the hot paths (every type, every recommendation). Pure: caches only memoise.
 */
import type { ArticleRef } from '#common/schemas/reference.js';
import { lawKey, parseArticleCitation } from '../laws/citation.js';

export interface RefKey {
  law: string;
  /** `law|number|sub`: the article, whatever 款 and 项 are cited. */
  article: string;
  paragraph: number | null;
  item: number | null;
  /** The citation could not be read: compared as written. */
  raw: string | null;
}

const keys = new WeakMap<object, RefKey>();
const lawKeys = new Map<string, string>();

export function cachedLawKey(name: string): string {
  let k = lawKeys.get(name);
  if (k === undefined) {
    k = lawKey(name);
    lawKeys.set(name, k);
  }
  return k;
}

export function refKey(ref: ArticleRef): RefKey {
  let k = keys.get(ref);
  if (!k) {
    const law = cachedLawKey(ref.law);
    const c = parseArticleCitation(ref.article);
    k = c
      ? { law, article: `${law}|${c.number}|${c.sub}`, paragraph: c.paragraph, item: c.item, raw: null }
      : { law, article: `${law}|${ref.article}`, paragraph: null, item: null, raw: ref.article };
    keys.set(ref, k);
  }
  return k;
}

/**
 * A map reference names a type's penalty article when law and article agree, and the 款 and 项
 * agree wherever both name one (a map entry for a whole article covers each of its items).
 */
export function refNames(mapRef: ArticleRef, typeRef: ArticleRef): boolean {
  const a = refKey(mapRef);
  const b = refKey(typeRef);
  if (a.article !== b.article) return false;
  if (a.paragraph && b.paragraph && a.paragraph !== b.paragraph) return false;
  if (a.item && b.item && a.item !== b.item) return false;
  return true;
}
