/**
 * Which characters the common print fonts keep (printFonts.ts): every character of the font that is
 * not Han, and the Han characters of GB 2312. Pure data and arithmetic, no imports: the print
 * harness (harness.ts, bundled into the Electron shell) names the Han blocks in its @font-face rules.
 */

/** The Han blocks: CJK Unified Ideographs and Extension A, the compatibility ideographs, and the supplementary planes' ideographs (B–H, compatibility supplement). */
export const hanBlocks: ReadonlyArray<readonly [number, number]> = [
  [0x3400, 0x4dbf],
  [0x4e00, 0x9fff],
  [0xf900, 0xfaff],
  [0x20000, 0x3ffff],
];

export const isHan = (cp: number): boolean => hanBlocks.some(([a, b]) => cp >= a && cp <= b);

/** The Han blocks as a CSS unicode-range. */
export const hanUnicodeRange = hanBlocks
  .map(([a, b]) => `U+${a.toString(16).toUpperCase()}-${b.toString(16).toUpperCase()}`)
  .join(',');

/** The radical blocks, whose characters the print fonts drop (see printFonts.ts). */
export const isRadical = (cp: number): boolean => cp >= 0x2e80 && cp <= 0x2fdf;

let gb2312: Set<number> | null = null;

/**
 * The Han characters of GB 2312 (rows 16–87, 6,763), read from its code table through the WHATWG
 * GB 18030 decoder that Node and every browser carry: GB 18030 keeps GB 2312's bytes for them.
 */
export function gb2312Han(): ReadonlySet<number> {
  if (gb2312) return gb2312;
  const decoder = new TextDecoder('gb18030');
  const set = new Set<number>();
  for (let row = 0xb0; row <= 0xf7; row++) {
    for (let cell = 0xa1; cell <= 0xfe; cell++) {
      const cp = decoder.decode(Uint8Array.of(row, cell)).codePointAt(0)!;
      if (isHan(cp)) set.add(cp); // the five empty cells at the end of row 55 decode to private use
    }
  }
  gb2312 = set;
  return set;
}

/** Of a font's characters, those of the common set: no radical, and either not Han or in GB 2312. */
export function commonCodePoints(characterSet: Iterable<number>): number[] {
  const gb = gb2312Han();
  return [...characterSet].filter((cp) => !isRadical(cp) && (!isHan(cp) || gb.has(cp))).sort((a, b) => a - b);
}
