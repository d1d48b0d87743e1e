/**
 * Finding a violation type among the 250-odd of the benchmark: by words of its name, its code
 * (FD-1107, JS-001), its category or the articles it rests on — typed in Arabic ("1107", "31") or
 * Chinese figures ("第一千一百零七条"). Pure, so it is tested without a browser.
 */
import type { ViolationType } from '#common/schemas/reference';
import { formatChineseNumber } from '#common/chineseNumerals';

/** 1–9999 as statutes number articles (十二, 一千零九十五); other numbers as figures. */
export function chineseNumber(n: number): string {
  return Number.isInteger(n) && n >= 1 && n <= 9999 ? formatChineseNumber(n) : String(n);
}

/** The text a type is searched in: name, code, category, penalty article, articles breached. */
export function searchText(v: ViolationType): string {
  return [
    v.name,
    v.code ?? '',
    v.category,
    `${v.penaltyArticle.law}${v.penaltyArticle.article}`,
    ...v.breached.map((a) => `${a.law}${a.article}`),
  ]
    .join(' ')
    .toLowerCase();
}

/** What one typed word may stand for: itself, and for a number also the article as statutes write it. */
function forms(word: string): string[] {
  const w = word.toLowerCase();
  const n = /^\d{1,4}$/.test(w) ? Number(w) : NaN;
  if (n >= 1) return [w, `第${chineseNumber(n)}条`];
  return [w];
}

/** Every word of the query (split on spaces and Chinese/Western commas) is found in the type. */
export function violationMatches(v: ViolationType, query: string, text: string = searchText(v)): boolean {
  const words = query
    .trim()
    .split(/[\s,，、]+/)
    .filter(Boolean);
  return words.every((word) => forms(word).some((f) => text.includes(f)));
}

/** The catch-all category, listed last whatever its place in the list. */
const otherCategory = '其他';

/**
 * The types grouped by category, categories in the order they first appear (the benchmark's order)
 * with 其他 last, types within a category in their own order: what an Autocomplete with groupBy needs.
 */
export function byCategory(types: readonly ViolationType[]): ViolationType[] {
  const order = new Map<string, number>();
  for (const t of types)
    if (!order.has(t.category))
      order.set(t.category, t.category === otherCategory ? Number.MAX_SAFE_INTEGER : order.size);
  return types
    .map((t, i) => ({ t, i }))
    .sort((a, b) => order.get(a.t.category)! - order.get(b.t.category)! || a.i - b.i)
    .map((x) => x.t);
}
