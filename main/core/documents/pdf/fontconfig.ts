/**
 * A fontconfig file that makes the bundled TrueType fonts the ones both engines use on Linux:
 * 宋体/仿宋/楷体 (and their Windows names) → Noto Serif SC, 黑体 → Noto Sans SC, and no CFF/OTF
 * font at all. Chromium turns CFF-outline CJK fonts into Type 3 fonts in a PDF (unsearchable,
 * badly printed); rejecting *.otf/*.ttc means even a fallback glyph comes from a glyf font.
 * LibreOffice reading the same file lays documents out with the same fonts as Chromium, so the
 * two engines paginate alike. On Windows fontconfig is not used and the real fonts are present.
 * The folder listed is that of the print versions of the fonts (see printFonts.ts).
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fontAliases } from './fontAliases.js';
import { printFontsDir } from './printFonts.js';

// The alias table lives in its own file so that the harness (also served by the Electron shell)
// does not pull this file's font-building dependencies into the shell's bundle.
export { fontAliases };

const esc = (s: string): string => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function fontconfigXml(fonts: string, cacheDir: string): string {
  const aliases = Object.entries(fontAliases).map(([name, family]) =>
    `  <alias binding="strong"><family>${esc(name)}</family><prefer><family>${family}</family></prefer></alias>`);
  return [
    '<?xml version="1.0"?>',
    '<!DOCTYPE fontconfig SYSTEM "fonts.dtd">',
    '<fontconfig>',
    '  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>',
    `  <dir>${esc(fonts)}</dir>`,
    `  <cachedir>${esc(cacheDir)}</cachedir>`,
    '  <selectfont><rejectfont><glob>*.otf</glob><glob>*.ttc</glob><glob>*.otc</glob><glob>*.pfb</glob></rejectfont></selectfont>',
    ...aliases,
    '</fontconfig>',
    '',
  ].join('\n');
}

/** Writes the file once per fonts folder (under the temp dir) and returns its path. */
export function fontconfigFile(fonts: string): string {
  const dir = join(tmpdir(), `anjuan-fontconfig-${createHash('sha256').update(fonts).digest('hex').slice(0, 12)}`);
  const file = join(dir, 'fonts.conf');
  const xml = fontconfigXml(fonts, join(dir, 'cache'));
  mkdirSync(dir, { recursive: true });
  let current = '';
  try { current = readFileSync(file, 'utf8'); } catch { /* first use */ }
  if (current !== xml) writeFileSync(file, xml);
  return file;
}

/** The environment for a child process that should see the bundled fonts (their print versions). */
export async function fontEnv(): Promise<NodeJS.ProcessEnv> {
  return { ...process.env, FONTCONFIG_FILE: fontconfigFile(await printFontsDir()) };
}
