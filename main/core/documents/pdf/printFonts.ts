/**
 * The bundled fonts as the engines print with them, in two sets under one folder (printFontsDir()):
 *
 * - `full/`: every character of the bundled TrueType files minus the cmap entries of the CJK
 *   radical blocks (U+2E80–U+2FDF). Noto CJK maps a radical and its unified ideograph to one glyph
 *   (⽣ U+2F63 and 生 U+751F); Chromium's PDF writer (Skia) builds a page's ToUnicode map from the
 *   font's cmap and keeps the lowest code point for a glyph, so a PDF printed with the original font
 *   reads “⽣态环境局” to search, copy and pdftotext, and a dossier's text no longer matches its
 *   documents. Without the radical entries each glyph maps back to its ideograph.
 * - `common/`: the same, cut down to the Han characters of GB 2312 (6,763) plus every character of
 *   the font outside the Han blocks (Latin, punctuation, CJK symbols, full-width forms, ①, ㎡ …):
 *   ~9,400 characters instead of ~30,900, 2.8–3.8 MB instead of 10–15 MB. Skia subsets every font
 *   a PDF uses, per PDF, and with a whole Noto font that took ~75–100 ms per font per document: the
 *   bench's 41 documents went from 12–13 s to 6 s with the common set, and the browser's processes
 *   kept ~100 MB less. Metrics tables are untouched, so both sets lay text out alike.
 *
 * The engines find `common/` under the fonts' own family names; a character outside it (a rare
 * name such as 堃 or 喆) is printed from `full/`: see fontconfig.ts (LibreOffice, the browser's
 * footer) and harness.ts (the page's @font-face rules). Derived once per set of font files (~1 s
 * with harfbuzz) and cached in the temp folder, keyed by the recipe and the files' size and date.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import subsetFont from 'subset-font';
import { fontsDir } from '#core/paths.js';
import { commonCodePoints, isRadical } from './commonSet.js';

const recipe = 'common-gb2312+full-no-radicals-v2';

/** The two sets, as sub-folders of printFontsDir(). */
export const printFontSets = ['common', 'full'] as const;
export type PrintFontSet = (typeof printFontSets)[number];

let pending: Promise<string> | null = null;
let pendingFor = '';

/** The folder holding `common/` and `full/`, the print versions of every .ttf in `source`, made on first use. */
export function printFontsDir(source: string = fontsDir()): Promise<string> {
  if (pending && pendingFor === source) return pending;
  pendingFor = source;
  pending = build(source);
  pending.catch(() => {
    pending = null;
  });
  return pending;
}

async function build(source: string): Promise<string> {
  const files = readdirSync(source)
    .filter((f) => f.toLowerCase().endsWith('.ttf'))
    .sort();
  const key = createHash('sha256').update(recipe).update(source);
  for (const f of files) {
    const s = statSync(join(source, f));
    key.update(`${f}:${s.size}:${s.mtimeMs}`);
  }
  const dir = join(tmpdir(), `anjuan-print-fonts-${key.digest('hex').slice(0, 16)}`);
  for (const set of printFontSets) mkdirSync(join(dir, set), { recursive: true });
  for (const f of files) {
    const outs = { common: join(dir, 'common', f), full: join(dir, 'full', f) };
    if (existsSync(outs.common) && existsSync(outs.full)) continue;
    const versions = await printVersions(readFileSync(join(source, f)));
    for (const set of printFontSets) {
      // Written under a temporary name and renamed: another process may be making the same file.
      const partial = `${outs[set]}.${process.pid}.partial`;
      writeFileSync(partial, versions[set]);
      renameSync(partial, outs[set]);
    }
  }
  return dir;
}

/** Both print versions of one font file. */
export async function printVersions(font: Buffer): Promise<Record<PrintFontSet, Buffer>> {
  const parsed = (fontkit as unknown as { create(b: Buffer): { characterSet: number[] } }).create(font);
  const text = (cps: number[]): string => cps.map((cp) => String.fromCodePoint(cp)).join('');
  // One after the other: harfbuzz runs synchronously, and each run holds the whole font in its heap.
  const common = await subsetFont(font, text(commonCodePoints(parsed.characterSet)), { targetFormat: 'truetype' });
  const full = await subsetFont(font, text(parsed.characterSet.filter((cp) => !isRadical(cp))), {
    targetFormat: 'truetype',
  });
  return { common, full };
}
