/**
 * Line breaking for Chinese text with Latin runs: a line may break between any two Chinese
 * characters, a run of Latin letters/digits (a year, a number, a word) stays whole when it fits,
 * and the usual 避头尾 rules hold — closing punctuation never starts a line, opening punctuation
 * never ends one — so 〔2025〕 or 《决定书》 are not torn apart at their brackets.
 */

const noLineStart = new Set([...'，。、；：？！）》」』〕】〉”’…％,.;:?!)]}%·—～']);
const noLineEnd = new Set([...'（《「『〔【〈“‘([{']);

/** A run of printable ASCII, a run of spaces, or any single other character. */
const tokenPattern = /[\x21-\x7e]+|\s+|[\s\S]/gu;

/**
 * Splits `text` into lines no wider than `maxWidth` (a single character wider than that still gets
 * a line of its own). `width` must be additive over concatenation, as advance widths are.
 */
export function wrapText(text: string, maxWidth: number, width: (s: string) => number): string[] {
  const lines: string[] = [];
  let line: string[] = [];
  let lineWidth = 0;

  const flush = (): void => {
    const s = line.join('').trimEnd();
    if (s) lines.push(s);
    line = [];
    lineWidth = 0;
  };
  const add = (token: string, w: number): void => {
    line.push(token);
    lineWidth += w;
  };

  for (const token of text.match(tokenPattern) ?? []) {
    const isSpace = /^\s+$/u.test(token);
    if (isSpace && line.length === 0) continue;
    const w = width(token);
    if (lineWidth + w <= maxWidth) {
      add(token, w);
      continue;
    }
    if (isSpace) {
      flush();
      continue;
    }
    if (token.length > 1 && w > maxWidth) {
      // A Latin run longer than a whole line: break it by character.
      for (const ch of token) {
        const cw = width(ch);
        if (line.length > 0 && lineWidth + cw > maxWidth) flush();
        add(ch, cw);
      }
      continue;
    }
    // The token goes to the next line; carry over what may not end this one or must precede it.
    const carried: string[] = [];
    const mustCarry = (): boolean => {
      const last = line[line.length - 1];
      if (last === undefined || line.length <= 1) return false;
      const first = carried[0] ?? token;
      return noLineEnd.has(last.slice(-1)) || (noLineStart.has(first[0] ?? '') && carried.length === 0);
    };
    while (mustCarry()) carried.unshift(line.pop() as string);
    flush();
    for (const t of carried) add(t, width(t));
    add(token, w);
  }
  flush();
  return lines;
}
