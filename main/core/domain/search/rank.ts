/**
 * The order of search hits. Pure. FTS5's bm25 is not used: it counts every row holding each phrase,
 * ~100 ms for a common one over 100,000 documents (docs/decisions.md “Search across cases”). Every
 * candidate holds every term, so the idf of bm25 would be the same for all of them; what is left
 * is bm25's term-frequency part — saturating with the count, normalised by length — times the
 * weight of the kind of source and a bonus when the segmenter found the terms as whole words.
 */
export type HitKind = 'case' | 'party' | 'document' | 'evidence' | 'ocr';

/**
 * The case's own record and its party are what a user most often means by a name or a number;
 * an evidence caption is short and written by hand; OCR'd text may be misread.
 */
export const kindWeights: Record<HitKind, number> = { case: 3, party: 3, evidence: 1.5, document: 1, ocr: 0.8 };
/** A hit on whole words (the `words` column matched too). */
export const wholeWordBonus = 1.5;
const k1 = 1.2;
const b = 0.75;

/** How often each term occurs in a text (case-insensitive, non-overlapping). */
export function termCounts(text: string, terms: readonly string[]): number[] {
  const lower = text.toLowerCase();
  return terms.map((t) => {
    const w = t.toLowerCase();
    if (!w) return 0;
    let n = 0;
    for (let i = lower.indexOf(w); i >= 0; i = lower.indexOf(w, i + w.length)) n++;
    return n;
  });
}

export function hitScore(h: {
  kind: HitKind;
  counts: readonly number[];
  length: number;
  averageLength: number;
  wholeWords: boolean;
}): number {
  const norm = 1 - b + (b * h.length) / Math.max(1, h.averageLength);
  // A term the text does not hold literally (punctuation typed differently) still counts once: the index found it.
  const tf = h.counts.reduce((sum, c) => {
    const f = Math.max(1, c);
    return sum + (f * (k1 + 1)) / (f + k1 * norm);
  }, 0);
  return tf * kindWeights[h.kind] * (h.wholeWords ? wholeWordBonus : 1);
}
