/**
 * Which violation types an inspection record describes: the benchmark's keywords (kept per type as
 * data) found in the officer's text, weighted, plus a small bonus when the party's industry
 * (GB/T 4754) is one where the type is common. Returns the words that matched so the officer sees
 * why a type was suggested. No learning, no dictionary: plain substring search, which works for
 * Chinese without segmentation. Pure.
 */
import type { BenchmarkEntry, Recommendation } from '#common/schemas/discretion.js';

/** Points a matching industry adds; smaller than one strong keyword, so words decide. */
export const industryBonus = 1.5;

/**
 * Clauses that deny what follows: 未发现超标排放、未见暗管. 未 alone is not one — 未批先建、
 * 未安装 describe violations.
 */
const negationCues = ['未发现', '未见', '没有发现', '未检出', '无异常', '不存在'];

/** A keyword occurrence counts unless its clause (between punctuation) says it was not found. */
function occursAffirmed(text: string, word: string): boolean {
  let from = 0;
  for (;;) {
    const at = text.indexOf(word, from);
    if (at < 0) return false;
    const clauseStart = Math.max(...['，', '。', '；', ',', ';', '\n', '：'].map((p) => text.lastIndexOf(p, at))) + 1;
    const before = text.slice(clauseStart, at);
    if (!negationCues.some((cue) => before.includes(cue))) return true;
    from = at + word.length;
  }
}

/** 'C3011', '3011', 'c30' → digits and optional section letter, for prefix comparison. */
function normaliseIndustry(code: string): { letter: string | null; digits: string } {
  const m = /^([A-Ta-t])?\s*(\d*)$/.exec(code.trim());
  return m ? { letter: m[1]?.toUpperCase() ?? null, digits: m[2] ?? '' } : { letter: null, digits: '' };
}

export function industryMatches(prefixes: readonly string[], industry: string | undefined): boolean {
  if (!industry) return false;
  const got = normaliseIndustry(industry);
  return prefixes.some((p) => {
    const want = normaliseIndustry(p);
    if (want.letter && got.letter && want.letter !== got.letter) return false;
    if (!want.digits) return want.letter !== null && want.letter === got.letter;
    return got.digits.startsWith(want.digits);
  });
}

export function scoreViolation(
  entry: BenchmarkEntry,
  text: string,
  industry?: string,
): { score: number; matched: string[]; industryMatched: boolean } {
  const lower = text.toLowerCase();
  let score = 0;
  const matched: string[] = [];
  for (const k of entry.keywords) {
    const hits = k.words.filter((w) => occursAffirmed(lower, w.toLowerCase()));
    if (!hits.length) continue;
    score += k.weight;
    matched.push(...hits.filter((h) => !matched.includes(h)));
  }
  const industryMatched = score > 0 && industryMatches(entry.industries, industry);
  if (industryMatched) score += industryBonus;
  return { score, matched, industryMatched };
}

/** Types with at least one keyword in the text, best first (ties: benchmark order). */
export function rankViolations(
  entries: readonly BenchmarkEntry[],
  text: string,
  industry?: string,
  limit = 5,
): Recommendation[] {
  return entries
    .map((e, i) => ({ e, i, ...scoreViolation(e, text, industry) }))
    .filter((r) => r.score > 0)
    .sort((a, b) => b.score - a.score || a.i - b.i)
    .slice(0, limit)
    .map(({ e, score, matched, industryMatched }) => ({
      violationId: e.id,
      code: e.code,
      name: e.name,
      category: e.category,
      citation: `${e.penaltyArticle.law}${e.penaltyArticle.article}`,
      score,
      matched,
      industryMatched,
    }));
}
