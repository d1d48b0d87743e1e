import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import { describe, expect, it } from 'vitest';
import { fontsDir } from '../../paths.js';
import { printFontsDir } from './printFonts.js';

type Font = { characterSet: number[]; familyName: string; numGlyphs: number; glyphForCodePoint(cp: number): { id: number } };
const open = (file: string): Font => (fontkit as unknown as { create(b: Buffer): Font }).create(readFileSync(file));

describe('print fonts', () => {
  it('are the bundled fonts, same family and glyphs, without the radical code points', async () => {
    const dir = await printFontsDir();
    expect(await printFontsDir()).toBe(dir);
    const original = open(join(fontsDir(), 'NotoSerifSC-Regular.ttf'));
    const print = open(join(dir, 'NotoSerifSC-Regular.ttf'));
    expect(print.familyName).toBe('Noto Serif SC');
    expect(original.characterSet).toContain(0x2f63);
    expect(print.characterSet).not.toContain(0x2f63);
    expect(print.characterSet.length).toBe(original.characterSet.filter((cp) => cp < 0x2e80 || cp > 0x2fdf).length);
    expect(print.glyphForCodePoint(0x751f).id).toBeGreaterThan(0);
  }, 60_000);
});
