import { copyFileSync, existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { fontsDir } from '#core/paths.js';
import { gb2312Han, isHan } from './commonSet.js';
import { printFontsDir } from './printFonts.js';

type Font = {
  characterSet: number[];
  familyName: string;
  postscriptName: string;
  unitsPerEm: number;
  ascent: number;
  descent: number;
  hasGlyphForCodePoint(cp: number): boolean;
  glyphForCodePoint(cp: number): { id: number; advanceWidth: number };
};
const open = (file: string): Font => (fontkit as unknown as { create(b: Buffer): Font }).create(readFileSync(file));
const cp = (ch: string): number => ch.codePointAt(0)!;

/** GB 2312 by iconv-lite's own table (its "gb2312" is GBK): two bytes, both in A1–FE, the lead byte in A1–F7. */
const inGb2312 = (c: number): boolean => {
  const b = iconv.encode(String.fromCodePoint(c), 'gb2312');
  return b.length === 2 && b[0]! >= 0xa1 && b[0]! <= 0xf7 && b[1]! >= 0xa1 && b[1]! <= 0xfe;
};
const radical = (c: number): boolean => c >= 0x2e80 && c <= 0x2fdf;
const bundled = readdirSync(fontsDir())
  .filter((f) => f.endsWith('.ttf'))
  .sort();

describe('print fonts', () => {
  it('are made once: the same folder, with a common and a full version of every bundled font', async () => {
    const dir = await printFontsDir();
    expect(await printFontsDir()).toBe(dir);
    expect(bundled.length).toBeGreaterThanOrEqual(3);
    for (const f of bundled) {
      expect(existsSync(join(dir, 'common', f)), f).toBe(true);
      expect(existsSync(join(dir, 'full', f)), f).toBe(true);
    }
    expect(readdirSync(join(dir, 'common')).filter((f) => f.includes('.partial'))).toEqual([]);
  }, 60_000);

  it('builds both sets of a new folder of fonts in a folder of their own, with no partial file left', async () => {
    const source = mkdtempSync(join(tmpdir(), 'anjuan-print-fonts-source-'));
    let out = '';
    try {
      copyFileSync(join(fontsDir(), 'NotoSansSC-Regular.ttf'), join(source, 'NotoSansSC-Regular.ttf'));
      out = await printFontsDir(source);
      expect(out).not.toBe(await printFontsDir());
      expect(readdirSync(join(out, 'common'))).toEqual(['NotoSansSC-Regular.ttf']);
      expect(readdirSync(join(out, 'full'))).toEqual(['NotoSansSC-Regular.ttf']);
      expect(open(join(out, 'common', 'NotoSansSC-Regular.ttf')).characterSet.length).toBeLessThan(
        open(join(out, 'full', 'NotoSansSC-Regular.ttf')).characterSet.length,
      );
    } finally {
      rmSync(source, { recursive: true, force: true });
      if (out) rmSync(out, { recursive: true, force: true });
    }
  }, 60_000);

  it.each(bundled)(
    '%s: full is the bundled font without the radical code points',
    async (file) => {
      const dir = await printFontsDir();
      const original = open(join(fontsDir(), file));
      const full = open(join(dir, 'full', file));
      expect(full.familyName).toBe(original.familyName);
      expect(full.postscriptName).toBe(original.postscriptName);
      expect(original.characterSet).toContain(0x2f63);
      expect(full.characterSet.filter(radical)).toEqual([]);
      expect(full.characterSet.length).toBe(original.characterSet.filter((c) => !radical(c)).length);
      expect(full.glyphForCodePoint(0x751f).id).toBeGreaterThan(0);
    },
    60_000,
  );

  it.each(bundled)(
    "%s: common keeps GB 2312's Han characters and everything not Han, nothing else",
    async (file) => {
      const dir = await printFontsDir();
      const original = open(join(fontsDir(), file));
      const common = open(join(dir, 'common', file));
      const full = open(join(dir, 'full', file));
      // Found by the same names, laid out with the same metrics as the full font.
      expect(common.familyName).toBe(original.familyName);
      expect(common.postscriptName).toBe(original.postscriptName);
      expect([common.unitsPerEm, common.ascent, common.descent]).toEqual([full.unitsPerEm, full.ascent, full.descent]);
      for (const ch of '国罚款生態A1') {
        if (common.hasGlyphForCodePoint(cp(ch)))
          expect(common.glyphForCodePoint(cp(ch)).advanceWidth, ch).toBe(full.glyphForCodePoint(cp(ch)).advanceWidth);
      }

      const han = common.characterSet.filter(isHan);
      expect(han.filter((c) => !inGb2312(c)).map((c) => String.fromCodePoint(c))).toEqual([]);
      expect(han.length).toBe(gb2312Han().size);
      expect(common.characterSet.filter(radical)).toEqual([]);
      const notHan = original.characterSet.filter((c) => !isHan(c) && !radical(c));
      expect(common.characterSet.filter((c) => !isHan(c)).sort((a, b) => a - b)).toEqual(notHan.sort((a, b) => a - b));

      // Symbols documents use, where the font has them.
      for (const ch of '①⑩×÷㎡℃（）、《》〔〕—…·“”￥％０〇') {
        if (original.hasGlyphForCodePoint(cp(ch))) expect(common.hasGlyphForCodePoint(cp(ch)), ch).toBe(true);
      }
      expect(common.hasGlyphForCodePoint(cp('㎡'))).toBe(true);
      // Names outside GB 2312 are left to the full font.
      for (const ch of '堃赟喆') {
        expect(inGb2312(cp(ch)), ch).toBe(false);
        expect(common.hasGlyphForCodePoint(cp(ch)), ch).toBe(false);
        expect(full.hasGlyphForCodePoint(cp(ch)), ch).toBe(true);
      }
      expect(readFileSync(join(dir, 'common', file)).length).toBeLessThan(
        readFileSync(join(dir, 'full', file)).length / 2,
      );
    },
    60_000,
  );
});
