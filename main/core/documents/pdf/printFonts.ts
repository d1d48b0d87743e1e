/**
 * The bundled fonts as the engines print with them: the same TrueType files minus the cmap entries
 * of the CJK radical blocks (U+2E80–U+2FDF).
 *
 * Why: Noto CJK maps a radical and its unified ideograph to one glyph (⽣ U+2F63 and 生 U+751F).
 * Chromium's PDF writer (Skia) builds a page's ToUnicode map from the font's cmap and keeps the
 * lowest code point for a glyph, so a PDF printed with the original font reads “⽣态环境局” to
 * search, copy and pdftotext, and a dossier's text no longer matches its documents. Without the
 * radical entries each glyph maps back to its ideograph. Derived once per font file (~0.2 s each
 * with harfbuzz) and cached in the temp folder, keyed by the files' size and date.
 */
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, readdirSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import subsetFont from 'subset-font';
import { fontsDir } from '../../paths.js';

const recipe = 'no-radicals-v1';
const isRadical = (cp: number): boolean => cp >= 0x2e80 && cp <= 0x2fdf;

let pending: Promise<string> | null = null;
let pendingFor = '';

/** The folder holding the print versions of every .ttf in `source`, made on first use. */
export function printFontsDir(source: string = fontsDir()): Promise<string> {
  if (pending && pendingFor === source) return pending;
  pendingFor = source;
  pending = build(source);
  pending.catch(() => { pending = null; });
  return pending;
}

async function build(source: string): Promise<string> {
  const files = readdirSync(source).filter((f) => f.toLowerCase().endsWith('.ttf')).sort();
  const key = createHash('sha256').update(recipe).update(source);
  for (const f of files) {
    const s = statSync(join(source, f));
    key.update(`${f}:${s.size}:${s.mtimeMs}`);
  }
  const dir = join(tmpdir(), `anjuan-print-fonts-${key.digest('hex').slice(0, 16)}`);
  mkdirSync(dir, { recursive: true });
  for (const f of files) {
    const out = join(dir, f);
    if (existsSync(out)) continue;
    const font = readFileSync(join(source, f));
    const bytes = await withoutRadicals(font);
    // Written under a temporary name and renamed: another process may be making the same file.
    const partial = `${out}.${process.pid}.partial`;
    writeFileSync(partial, bytes);
    renameSync(partial, out);
  }
  return dir;
}

export async function withoutRadicals(font: Buffer): Promise<Buffer> {
  const parsed = (fontkit as unknown as { create(b: Buffer): { characterSet: number[] } }).create(font);
  const keep = parsed.characterSet.filter((cp) => !isRadical(cp));
  return subsetFont(font, keep.map((cp) => String.fromCodePoint(cp)).join(''), { targetFormat: 'truetype' });
}
