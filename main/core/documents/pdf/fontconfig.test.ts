import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fontconfigXml, fontEnv } from './fontconfig.js';
import { printFontsDir } from './printFonts.js';
import { commandExists } from '#core/testing/commandExists.js';

const hasFontconfig = commandExists('fc-match');
if (!hasFontconfig) console.warn('fontconfig checks skipped: fc-match (fontconfig) is not installed.');

const full = [
  {
    file: '/f/full/A.ttf',
    family: 'Noto Serif SC',
    fullName: 'Noto Serif SC Regular',
    postscriptName: 'NotoSerifSC-Regular',
  },
];

describe('the fontconfig file of the print fonts', () => {
  it('lists the common fonts as they are and the full ones renamed, in a cache of their own', () => {
    const xml = fontconfigXml('/f', '/cache', full);
    expect(xml).toContain('<dir>/f/common</dir>');
    expect(xml).toMatch(/<dir salt="[0-9a-f]{16}">\/f\/full<\/dir>/);
    expect(xml).toContain('<test name="file"><string>/f/full/A.ttf</string></test>');
    expect(xml).toContain('<string>Anjuan Full Noto Serif SC</string>');
    expect(xml).toContain('<string>AnjuanFull-NotoSerifSC-Regular</string>');
    // Other rules, other salt: a cache made under other rules is never read.
    const other = fontconfigXml('/f', '/cache', [{ ...full[0]!, family: 'X' }]);
    expect(other.match(/salt="(\w+)"/)?.[1]).not.toBe(xml.match(/salt="(\w+)"/)?.[1]);
    // The full family is appended to the bundled one after the aliases put that first.
    expect(xml.indexOf('<alias')).toBeLessThan(xml.indexOf('mode="append"'));
  });

  it.skipIf(!hasFontconfig)(
    'resolves document fonts to the common fonts, and a rare character to the full font of the same family',
    async () => {
      const env = await fontEnv();
      const dir = await printFontsDir();
      const match = (q: string): string =>
        execFileSync('fc-match', ['-f', '%{family[0]}|%{file}', q], { env, encoding: 'utf8' });
      expect(match('仿宋')).toBe(`Noto Serif SC|${join(dir, 'common', 'NotoSerifSC-Regular.ttf')}`);
      expect(match('宋体:weight=bold')).toBe(`Noto Serif SC|${join(dir, 'common', 'NotoSerifSC-Bold.ttf')}`);
      expect(match('黑体')).toBe(`Noto Sans SC|${join(dir, 'common', 'NotoSansSC-Regular.ttf')}`);
      // What LibreOffice asks when a character is missing: the family and the character.
      expect(match('仿宋:charset=5803')).toBe(
        `Anjuan Full Noto Serif SC|${join(dir, 'full', 'NotoSerifSC-Regular.ttf')}`,
      );
      expect(match('仿宋:weight=bold:charset=8d5f')).toBe(
        `Anjuan Full Noto Serif SC|${join(dir, 'full', 'NotoSerifSC-Bold.ttf')}`,
      );
      expect(match('黑体:charset=5586')).toBe(
        `Anjuan Full Noto Sans SC|${join(dir, 'full', 'NotoSansSC-Regular.ttf')}`,
      );
      // A font nobody aliased is matched by language: still a common font.
      expect(match('方正仿宋_GBK:lang=zh-cn').split('|')[1]).toContain(join(dir, 'common'));
      // Chromium's local() looks fonts up by full and PostScript name: only the common file answers.
      const list = (q: string): string[] =>
        execFileSync('fc-list', [q, 'file'], { env, encoding: 'utf8' })
          .trim()
          .split('\n')
          .map((l) => l.replace(/:\s*$/, ''));
      expect(list(':postscriptname=NotoSerifSC-Regular')).toEqual([join(dir, 'common', 'NotoSerifSC-Regular.ttf')]);
      expect(list(':fullname=Noto Serif SC Bold')).toEqual([join(dir, 'common', 'NotoSerifSC-Bold.ttf')]);
    },
    60_000,
  );
});
