import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import { afterAll, describe, expect, it } from 'vitest';
import { fontsDir } from '#core/paths.js';
import { readFontNames } from './fontNames.js';

type Names = { familyName: string; fullName: string; postscriptName: string };
const dir = mkdtempSync(join(tmpdir(), 'anjuan-font-names-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('font names read from the name table alone', () => {
  it.each(readdirSync(fontsDir()).filter((f) => f.endsWith('.ttf')))('%s: as fontkit reads them', (file) => {
    const path = join(fontsDir(), file);
    const n = (fontkit as unknown as { create(b: Buffer): Names }).create(readFileSync(path));
    expect(readFontNames(path)).toEqual({
      family: n.familyName,
      fullName: n.fullName,
      postscriptName: n.postscriptName,
    });
  });

  it('refuses a file that is not a font, or is cut short', () => {
    const junk = join(dir, 'junk.ttf');
    writeFileSync(junk, Buffer.from('not a font at all'));
    expect(() => readFontNames(junk)).toThrow();
    const cut = join(dir, 'cut.ttf');
    writeFileSync(cut, readFileSync(join(fontsDir(), 'NotoSansSC-Regular.ttf')).subarray(0, 200));
    expect(() => readFontNames(cut)).toThrow();
  });
});
