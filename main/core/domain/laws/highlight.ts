/**
 * A short excerpt of an article around the searched words, as segments marked hit or not, so the
 * UI can emphasise them without handling any markup. Pure.
 */
export interface Segment {
  text: string;
  hit: boolean;
}

/** The search words of a query: split on blanks, duplicates and empties dropped. */
export function searchTerms(query: string): string[] {
  return [
    ...new Set(
      query
        .split(/[\s\u3000]+/)
        .map((t) => t.trim())
        .filter(Boolean),
    ),
  ];
}

export function highlightSnippet(text: string, terms: readonly string[], radius = 40): Segment[] {
  const flat = text.replace(/\n/g, ' ');
  const lower = flat.toLowerCase();
  const words = terms.map((t) => t.toLowerCase()).filter(Boolean);
  const first = Math.min(...words.map((w) => lower.indexOf(w)).filter((i) => i >= 0));
  const anchor = Number.isFinite(first) ? first : 0;
  const start = Math.max(0, anchor - radius);
  const end = Math.min(flat.length, anchor + radius * 2);

  // Every occurrence of every word inside the window, merged where they overlap.
  const spans: Array<[number, number]> = [];
  for (const w of words) {
    for (let i = lower.indexOf(w, start); i >= 0 && i < end; i = lower.indexOf(w, i + 1))
      spans.push([i, Math.min(end, i + w.length)]);
  }
  spans.sort((a, b) => a[0] - b[0]);
  const merged: Array<[number, number]> = [];
  for (const s of spans) {
    const last = merged.at(-1);
    if (last && s[0] <= last[1]) last[1] = Math.max(last[1], s[1]);
    else merged.push([...s]);
  }

  const out: Segment[] = [];
  const plain = (from: number, to: number): void => {
    if (to > from) out.push({ text: flat.slice(from, to), hit: false });
  };
  let at = start;
  for (const [a, b] of merged) {
    plain(at, a);
    out.push({ text: flat.slice(a, b), hit: true });
    at = b;
  }
  plain(at, end);
  if (start > 0) out.unshift({ text: '…', hit: false });
  if (end < flat.length) out.push({ text: '…', hit: false });
  return out;
}
