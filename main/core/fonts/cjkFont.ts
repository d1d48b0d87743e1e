/**
 * The Chinese fonts pdf-lib draws with: Noto Serif SC (Regular and Bold), for the pages the dossier's
 * assembler makes and the seal on a document (documents/seal.ts) — below both, so neither reaches into the other.
 *
 * pdf-lib cannot subset CJK fonts correctly and a whole Noto font is ~15 MB, so the font is cut
 * down with harfbuzz (`subset-font`) to the characters actually drawn, and that small TrueType
 * file is embedded whole (`subset: false`). Only the used characters stay in the subset's cmap,
 * which also keeps the CJK radicals (⽣ U+2F63 shares 生's glyph) out of the ToUnicode map, so the
 * text extracts and searches as written.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import fontkit from '@pdf-lib/fontkit';
import type { PDFDocument, PDFFont } from 'pdf-lib';
import subsetFont from 'subset-font';
import { AppError } from '#common/errors.js';
import { readFontMetrics, type FontMetrics } from './fontMetrics.js';

export type FontStyle = 'regular' | 'bold';

/** Advance width of a string at a size, in points. */
export type Measure = (text: string, size: number, style: FontStyle) => number;

export const fontFiles: Record<FontStyle, string> = {
  regular: 'NotoSerifSC-Regular.ttf',
  bold: 'NotoSerifSC-Bold.ttf',
};

interface Face {
  bytes: Buffer;
  /** The PostScript name of the bundled files is their file name. */
  name: string;
  metrics: FontMetrics;
}

/**
 * Glyph substitutions off: with `subset: false` pdf-lib writes widths and the ToUnicode map only for
 * glyphs reachable through the cmap, so a substituted glyph would draw at the wrong width and
 * extract as nothing. (Seen: Noto CJK's `locl` for Latin turns the digits of "IMG_0001" into
 * alternates.) One glyph per character is also what `measure` assumes.
 */
const noSubstitution = { ccmp: false, locl: false, rlig: false, calt: false, clig: false, liga: false, rclt: false };

export interface CjkFonts {
  measure: Measure;
  /** Embeds, per style, a subset holding every character of the given texts. */
  embed(doc: PDFDocument, texts: Iterable<{ text: string; style: FontStyle }>): Promise<Record<FontStyle, PDFFont>>;
}

async function loadFace(path: string): Promise<Face> {
  let bytes: Buffer;
  try {
    bytes = await readFile(path);
  } catch {
    throw new AppError('INTERNAL', `缺少字体文件：${path}`);
  }
  try {
    return { bytes, name: basename(path).replace(/\.ttf$/i, ''), metrics: readFontMetrics(bytes) };
  } catch {
    throw new AppError('INTERNAL', `字体文件已损坏：${path}`);
  }
}

/** A subset font's name carries a six-letter tag (PDF 32000 §9.6.4), here derived from its contents. */
function subsetName(face: Face, chars: string): string {
  const digest = createHash('sha256').update(face.name).update(chars).digest();
  const tag = [...digest.subarray(0, 6)].map((b) => String.fromCharCode(65 + (b % 26))).join('');
  return `${tag}+${face.name}`;
}

export async function loadCjkFonts(dir: string): Promise<CjkFonts> {
  const regular = await loadFace(join(dir, fontFiles.regular));
  // Bold only sets headings: without its file they are set in Regular rather than failing.
  const bold = await loadFace(join(dir, fontFiles.bold)).catch(() => regular);
  const faces: Record<FontStyle, Face> = { regular, bold };

  const measure: Measure = (text, size, style) => {
    const face = faces[style];
    let em = 0;
    for (const ch of text) em += face.metrics.advance(ch.codePointAt(0) as number);
    return em * size;
  };

  const embed: CjkFonts['embed'] = async (doc, texts) => {
    const used = new Map<Face, Set<string>>();
    for (const { text, style } of texts) {
      const face = faces[style];
      const set = used.get(face) ?? new Set<string>();
      for (const ch of text) set.add(ch);
      used.set(face, set);
    }
    doc.registerFontkit(fontkit);
    const embedded = new Map<Face, PDFFont>();
    for (const [face, set] of used) {
      // Sorted so the same dossier always yields the same bytes (files are stored by hash).
      const chars = [...set].sort().join('');
      const bytes = await subsetFont(face.bytes, chars, { targetFormat: 'sfnt', noLayoutClosure: true });
      embedded.set(
        face,
        await doc.embedFont(bytes, { subset: false, customName: subsetName(face, chars), features: noSubstitution }),
      );
    }
    // A style with nothing drawn still needs a value; it is never used to draw.
    const any = embedded.values().next().value as PDFFont | undefined;
    const pick = (style: FontStyle): PDFFont => (embedded.get(faces[style]) ?? any) as PDFFont;
    return { regular: pick('regular'), bold: pick('bold') };
  };

  return { measure, embed };
}
