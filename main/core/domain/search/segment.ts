/**
 * Chinese text as the search index stores it, and a query as the index is asked. Pure.
 *
 * FTS5's tokenizers do not split Chinese: `unicode61` takes a run of Han characters as one token
 * and `trigram` cannot match a word of one or two characters (化工, 违反). So the text is split
 * before it reaches SQLite, into two columns of one FTS5 table (unicode61 over space-joined tokens):
 * - `words`: the words of `Intl.Segmenter('zh', {granularity: 'word'})` (ICU's dictionary), which
 *   rank well: a hit on a whole word is a better hit;
 * - `chars`: every Han character a token, other letters and digits by runs, in order, so a phrase
 *   query finds any fragment, however the segmenter cut it (化工厂 is cut 化|工厂, so the word 化工
 *   is not among its words).
 * Which query goes to which column, and why: docs/decisions.md “Search across cases”.
 */
import { searchTerms } from '../laws/highlight.js';

const segmenter = new Intl.Segmenter('zh', { granularity: 'word' });
const han = /\p{Script=Han}/u;
/** A Han character, or a run of other letters and digits (a case number's year, a USCC). */
const charToken = /\p{Script=Han}|[^\p{Script=Han}\s\p{P}\p{S}]+/gu;
const wordLike = /[\p{L}\p{N}]/u;

/** The words of a text, lower-cased, punctuation dropped. */
export function segmentWords(text: string): string[] {
  const out: string[] = [];
  for (const s of segmenter.segment(text)) {
    // ICU marks a word isWordLike; a run of digits with a dot (1.5) is split by it but kept.
    if (s.isWordLike || wordLike.test(s.segment)) out.push(s.segment.toLowerCase());
  }
  return out;
}

/** The tokens of the `chars` column: each Han character, other letters and digits by runs. */
export function charTokens(text: string): string[] {
  return (text.toLowerCase().match(charToken) ?? []).filter((t) => t.trim() !== '');
}

/**
 * Segmenting costs ~1.5 µs a character, and most of a generated document is its template's own
 * wording, the same in every case: paragraphs are segmented once and remembered (a memo, bounded).
 */
const paragraphWords = new Map<string, string>();
const memoSize = 20_000;

function wordsOfParagraph(p: string): string {
  const known = paragraphWords.get(p);
  if (known !== undefined) return known;
  const words = segmentWords(p).join(' ');
  if (paragraphWords.size >= memoSize) paragraphWords.clear();
  paragraphWords.set(p, words);
  return words;
}

/** What the index stores for a text: the two columns, space-joined. */
export function indexColumns(text: string): { words: string; chars: string } {
  const words = text
    .split('\n')
    .map(wordsOfParagraph)
    .filter((w) => w !== '')
    .join(' ');
  return { words, chars: charTokens(text).join(' ') };
}

/**
 * A text as an excerpt shows it: the blanks a form puts between Han characters to space a label out
 * (当 事 人, 地　　址) taken away, as the index ignores them, so the excerpt reads, and marks, the word typed.
 */
export function withoutLayoutSpaces(text: string): string {
  return text.replace(/(\p{Script=Han})[ \u3000]+(?=\p{Script=Han})/gu, '$1');
}

const phrase = (tokens: readonly string[]): string => `"${tokens.map((t) => t.replace(/"/g, '""')).join(' ')}"`;
const isAsciiWord = (t: string): boolean => /^[a-z0-9]+$/.test(t);

export interface SearchPlan {
  /** The FTS5 MATCH expression that finds the rows; empty when the query holds no word (only punctuation). */
  match: string;
  /** The same terms as whole words (the `words` column): a row matching it too ranks higher; null for short terms only. */
  wordMatch: string | null;
  /** The words to mark in the excerpts, as the user typed them. */
  terms: string[];
}

/**
 * Each term (split on blanks) must occur, as a phrase of its characters in `chars`: exact for a
 * term of any length, however the segmenter cut the text. A term ending in letters or digits (a
 * USCC or a number typed in part) matches as a prefix. Terms of three characters or more are also
 * asked as phrases of their words in `words`: a row found that way holds them as whole words.
 */
export function searchPlan(query: string): SearchPlan {
  const parts: string[] = [];
  const wordParts: string[] = [];
  const terms: string[] = [];
  for (const term of searchTerms(query)) {
    const chars = charTokens(term);
    if (!chars.length) continue;
    terms.push(term);
    const prefix = isAsciiWord(chars.at(-1)!) ? ' *' : '';
    parts.push(`chars : ${phrase(chars)}${prefix}`);
    const words = segmentWords(term);
    // One or two characters: as a word they would only find the rows the segmenter cut the same way.
    if ([...term].filter((c) => han.test(c)).length >= 3 && words.length)
      wordParts.push(`words : ${phrase(words)}${prefix}`);
  }
  return {
    match: parts.join(' AND '),
    wordMatch: wordParts.length ? wordParts.join(' AND ') : null,
    terms,
  };
}
