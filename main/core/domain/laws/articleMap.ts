/**
 * Old articles to the articles that replace them, e.g. a sector law's penalty article to the
 * 生态环境法典's once the code takes effect, or an article renumbered by a revision (处罚法 1996
 * art. 29 became 2021 art. 36). The table is data (resources/laws/article-map.json); this follows
 * it. Pure.
 */
import type { ArticleMapEntry } from '#common/schemas/laws.js';
import { citationText, lawKey, parseArticleCitation } from './citation.js';

export interface ArticleKey {
  law: string;
  article: string;
}

/** Compare citations by law key and article number, whatever spacing or 《》 they were written with. */
function sameArticle(a: ArticleKey, b: ArticleKey): boolean {
  if (lawKey(a.law) !== lawKey(b.law)) return false;
  const x = parseArticleCitation(a.article);
  const y = parseArticleCitation(b.article);
  if (!x || !y) return a.article === b.article;
  // A mapping of a whole article covers every paragraph and item cited under it; one of an item
  // (固废法 art. 112(1)(6) → 法典 art. 1175(4)) covers that item only.
  if (x.number !== y.number || x.sub !== y.sub) return false;
  if (x.paragraph && y.paragraph && x.paragraph !== y.paragraph) return false;
  return !(x.item && y.item && x.item !== y.item);
}

/** How precisely an entry names its article: the entry for the cited item wins over the whole article's. */
function precision(a: ArticleKey): number {
  const c = parseArticleCitation(a.article);
  return (c?.paragraph ? 1 : 0) + (c?.item ? 2 : 0);
}

export interface Succession {
  /** The articles in force on the date, after following the table (several if one was split). */
  articles: ArticleKey[];
  /** The entries followed, oldest first; empty when the article has no successor by that date. */
  steps: ArticleMapEntry[];
  /** The last step says the conduct is no longer illegal. */
  notIllegal: boolean;
}

/**
 * The articles that stand for `from` on `date`: follows entries in force by then (old → newer →
 * newest), at most a few steps, never in a circle. A cited paragraph or item is carried over to a
 * single successor only when the relation is 'renumbered' (same text, new number).
 */
export function successorsOn(map: readonly ArticleMapEntry[], from: ArticleKey, date: string): Succession {
  let current: ArticleKey[] = [from];
  const steps: ArticleMapEntry[] = [];
  for (let guard = 0; guard < 8; guard++) {
    const next: ArticleKey[] = [];
    let moved = false;
    for (const a of current) {
      const entry = map
        .filter((e) => e.effectiveFrom <= date && sameArticle(e.from, a) && !steps.includes(e))
        .sort((x, y) => y.effectiveFrom.localeCompare(x.effectiveFrom) || precision(y.from) - precision(x.from))[0];
      if (!entry) {
        next.push(a);
        continue;
      }
      moved = true;
      steps.push(entry);
      if (entry.relation === 'not-illegal') return { articles: [], steps, notIllegal: true };
      next.push(...entry.to.map((t) => carryPart(a, t, entry)));
    }
    if (!moved) break;
    current = next;
  }
  return { articles: current, steps, notIllegal: false };
}

function carryPart(from: ArticleKey, to: ArticleKey, entry: ArticleMapEntry): ArticleKey {
  const cited = parseArticleCitation(from.article);
  const target = parseArticleCitation(to.article);
  if (!cited || !target || entry.relation !== 'renumbered' || entry.to.length !== 1) return to;
  if (target.paragraph || target.item) return to;
  return { law: to.law, article: citationText({ ...target, paragraph: cited.paragraph, item: cited.item }) };
}
