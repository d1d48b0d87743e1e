/**
 * A fontconfig file that makes the bundled TrueType fonts the ones both engines use on Linux:
 * 宋体/仿宋/楷体 (and their Windows names) → Noto Serif SC, 黑体 → Noto Sans SC, and no CFF/OTF
 * font at all. Chromium turns CFF-outline CJK fonts into Type 3 fonts in a PDF (unsearchable,
 * badly printed); rejecting *.otf/*.ttc means even a fallback glyph comes from a glyf font.
 * LibreOffice reading the same file lays documents out with the same fonts as Chromium, so the
 * two engines paginate alike. On Windows fontconfig is not used and the real fonts are present.
 *
 * The fonts listed are the print versions (printFonts.ts), in two sets:
 * - `common/` under the fonts' own names, so Chromium's local("Noto Serif SC"), its footer and
 *   LibreOffice find the small fonts (GB 2312's Han characters and everything not Han): Chromium's
 *   PDF writer subsets each font a PDF uses, per PDF, and a small font makes that ~4× faster.
 * - `full/` renamed while fontconfig scans it (family "Anjuan Full Noto Serif SC", and its full and
 *   PostScript names, which Chromium's local() matches), so it never shadows the common font, nor
 *   is dropped by LibreOffice as a duplicate of it. Each bundled family is followed by its full
 *   version in every font request, so a character missing from the common font (a rare name such
 *   as 堃) is taken from the same design by fontconfig's fallback — LibreOffice asks fontconfig for
 *   a font with the missing character and the bundled family's name — not from a random system font.
 *   The full fonts claim no language, so a document font nobody aliased (matched by language) still
 *   gets the common one. The harness page takes its full fonts by URL instead (harness.ts).
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fontAliases } from './fontAliases.js';
import { readFontNames } from './fontNames.js';
import { printFontsDir } from './printFonts.js';

// The alias table lives in its own file so that the harness (also served by the Electron shell)
// does not pull this file's font-building dependencies into the shell's bundle.
export { fontAliases };

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/** The family a full font is known by to fontconfig. */
export const fullFamily = (family: string): string => `Anjuan Full ${family}`;

/** One font file of `full/` and the names it had before the rename. */
export interface FullFont {
  file: string;
  family: string;
  fullName: string;
  postscriptName: string;
}

export function fontconfigXml(fonts: string, cacheDir: string, full: FullFont[] = readFullFonts(fonts)): string {
  const aliases = Object.entries(fontAliases).map(
    ([name, family]) =>
      `  <alias binding="strong"><family>${esc(name)}</family><prefer><family>${family}</family></prefer></alias>`,
  );
  const renames = full.map((f) =>
    [
      '  <match target="scan">',
      `    <test name="file"><string>${esc(f.file)}</string></test>`,
      `    <edit name="family" mode="assign_replace"><string>${esc(fullFamily(f.family))}</string></edit>`,
      `    <edit name="fullname" mode="assign_replace"><string>${esc(`Anjuan Full ${f.fullName}`)}</string></edit>`,
      `    <edit name="postscriptname" mode="assign_replace"><string>${esc(`AnjuanFull-${f.postscriptName}`)}</string></edit>`,
      '    <edit name="lang" mode="assign_replace"><langset/></edit>',
      '  </match>',
    ].join('\n'),
  );
  // After the aliases, which put the bundled family first: its full version comes right after it.
  const fallbacks = [...new Set(full.map((f) => f.family))].map((family) =>
    [
      '  <match target="pattern">',
      `    <test name="family"><string>${esc(family)}</string></test>`,
      `    <edit name="family" mode="append" binding="strong"><string>${esc(fullFamily(family))}</string></edit>`,
      '  </match>',
    ].join('\n'),
  );
  // fontconfig caches a scanned folder by its path, in a cache other configurations share, and keeps
  // what the scan rules made of it: another configuration listing the folder without these rules
  // would leave the full fonts under their own names for us too. A salt of the rules separates ours.
  const salt = createHash('sha256').update(renames.join('\n')).digest('hex').slice(0, 16);
  return [
    '<?xml version="1.0"?>',
    '<!DOCTYPE fontconfig SYSTEM "fonts.dtd">',
    '<fontconfig>',
    '  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>',
    `  <dir>${esc(join(fonts, 'common'))}</dir>`,
    `  <dir salt="${salt}">${esc(join(fonts, 'full'))}</dir>`,
    `  <cachedir>${esc(cacheDir)}</cachedir>`,
    '  <selectfont><rejectfont><glob>*.otf</glob><glob>*.ttc</glob><glob>*.otc</glob><glob>*.pfb</glob></rejectfont></selectfont>',
    ...renames,
    ...aliases,
    ...fallbacks,
    '</fontconfig>',
    '',
  ].join('\n');
}

/** The fonts of `<fonts>/full` with their names. */
export function readFullFonts(fonts: string): FullFont[] {
  const dir = join(fonts, 'full');
  return readdirSync(dir)
    .filter((f) => f.toLowerCase().endsWith('.ttf'))
    .sort()
    .map((f) => ({ file: join(dir, f), ...readFontNames(join(dir, f)) }));
}

/** Writes the file once per fonts folder (under the temp dir) and returns its path. */
export function fontconfigFile(fonts: string): string {
  const full = readFullFonts(fonts);
  const dir = join(tmpdir(), `anjuan-fontconfig-${createHash('sha256').update(fonts).digest('hex').slice(0, 12)}`);
  const file = join(dir, 'fonts.conf');
  const xml = fontconfigXml(fonts, join(dir, 'cache'), full);
  mkdirSync(dir, { recursive: true });
  let current = '';
  try {
    current = readFileSync(file, 'utf8');
  } catch {
    /* first use */
  }
  if (current !== xml) writeFileSync(file, xml);
  return file;
}

/** The environment for a child process that should see the bundled fonts (their print versions). */
export async function fontEnv(): Promise<NodeJS.ProcessEnv> {
  return { ...process.env, FONTCONFIG_FILE: fontconfigFile(await printFontsDir()) };
}
