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
import { printFontsDir } from './printFonts.js';

/** Document font names and the bundled family each maps to. */
export const fontAliases: Record<string, 'Noto Serif SC' | 'Noto Sans SC'> = {
  宋体: 'Noto Serif SC', SimSun: 'Noto Serif SC', 新宋体: 'Noto Serif SC', NSimSun: 'Noto Serif SC',
  仿宋: 'Noto Serif SC', 仿宋_GB2312: 'Noto Serif SC', FangSong: 'Noto Serif SC', FangSong_GB2312: 'Noto Serif SC',
  楷体: 'Noto Serif SC', 楷体_GB2312: 'Noto Serif SC', KaiTi: 'Noto Serif SC', KaiTi_GB2312: 'Noto Serif SC',
  方正小标宋简体: 'Noto Serif SC', 方正小标宋_GBK: 'Noto Serif SC', 华文中宋: 'Noto Serif SC', STSong: 'Noto Serif SC', STZhongsong: 'Noto Serif SC',
  黑体: 'Noto Sans SC', SimHei: 'Noto Sans SC', 微软雅黑: 'Noto Sans SC', 'Microsoft YaHei': 'Noto Sans SC', 等线: 'Noto Sans SC', DengXian: 'Noto Sans SC',
};

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
