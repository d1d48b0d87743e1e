import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import subsetFont from 'subset-font';
import { describe, expect, it } from 'vitest';
import { fontsDir } from '../paths.js';
import { readFontMetrics } from './fontMetrics.js';

const sample = [...'黔东南州生态环境局〔2025〕12号，。：（）《》“”ABCxyz0123456789 -_./%…—①𠮷\u{10FFFF}'].map(
  (c) => c.codePointAt(0) as number,
);

describe('readFontMetrics', () => {
  for (const file of ['NotoSerifSC-Regular.ttf', 'NotoSerifSC-Bold.ttf', 'NotoSansSC-Regular.ttf']) {
    it(`agrees with fontkit on ${file}, characters the font lacks included`, () => {
      const bytes = readFileSync(join(fontsDir(), file));
      const ours = readFontMetrics(bytes);
      const theirs = fontkit.create(bytes);
      for (const cp of sample) {
        expect(ours.advance(cp), `U+${cp.toString(16)}`).toBeCloseTo(
          theirs.glyphForCodePoint(cp).advanceWidth / theirs.unitsPerEm,
          6,
        );
      }
    });
  }

  it('reads a harfbuzz subset (format 4 cmap only) the same way', async () => {
    const full = readFileSync(join(fontsDir(), 'NotoSerifSC-Regular.ttf'));
    const subset = await subsetFont(full, '环境局AB1', { targetFormat: 'sfnt' });
    const ours = readFontMetrics(subset);
    const theirs = fontkit.create(subset);
    for (const cp of [...'环境局AB1Z'].map((c) => c.codePointAt(0) as number)) {
      expect(ours.advance(cp)).toBeCloseTo(theirs.glyphForCodePoint(cp).advanceWidth / theirs.unitsPerEm, 6);
    }
  });

  it('refuses a file that is not a TrueType font', () => {
    expect(() => readFontMetrics(new Uint8Array(64))).toThrow();
  });
});
