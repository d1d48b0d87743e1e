/**
 * Advance widths straight from a TrueType file's cmap and hmtx tables, for laying out text before
 * the font is subset.
 *
 * Why not fontkit: fontkit copies the whole font byte by byte on open (~60 ms and 15 MB of garbage
 * per Noto CJK file, most of a dossier's build time); reading two tables in place costs nothing.
 */

export interface FontMetrics {
  /** Advance width of the glyph the cmap gives `codePoint` (.notdef when none), in em. */
  advance(codePoint: number): number;
}

type GlyphOf = (codePoint: number) => number;

function tables(view: DataView): Map<string, number> {
  const out = new Map<string, number>();
  const count = view.getUint16(4);
  for (let i = 0; i < count; i++) {
    const at = 12 + i * 16;
    const tag = String.fromCharCode(
      view.getUint8(at),
      view.getUint8(at + 1),
      view.getUint8(at + 2),
      view.getUint8(at + 3),
    );
    out.set(tag, view.getUint32(at + 8));
  }
  return out;
}

/** cmap format 12 (segmented coverage, all of Unicode): groups searched by binary search. */
function format12(view: DataView, at: number): GlyphOf {
  const groups = view.getUint32(at + 12);
  return (cp) => {
    let lo = 0;
    let hi = groups - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const g = at + 16 + mid * 12;
      if (cp < view.getUint32(g)) hi = mid - 1;
      else if (cp > view.getUint32(g + 4)) lo = mid + 1;
      else return view.getUint32(g + 8) + cp - view.getUint32(g);
    }
    return 0;
  };
}

/** cmap format 4 (segment mapping to delta values, BMP only). */
function format4(view: DataView, at: number): GlyphOf {
  const segs = view.getUint16(at + 6) / 2;
  const ends = at + 14;
  const starts = ends + segs * 2 + 2;
  const deltas = starts + segs * 2;
  const ranges = deltas + segs * 2;
  return (cp) => {
    if (cp > 0xffff) return 0;
    for (let i = 0; i < segs; i++) {
      if (cp > view.getUint16(ends + i * 2)) continue;
      const start = view.getUint16(starts + i * 2);
      if (cp < start) return 0;
      const delta = view.getInt16(deltas + i * 2);
      const range = view.getUint16(ranges + i * 2);
      if (range === 0) return (cp + delta) & 0xffff;
      const glyph = view.getUint16(ranges + i * 2 + range + (cp - start) * 2);
      return glyph === 0 ? 0 : (glyph + delta) & 0xffff;
    }
    return 0;
  };
}

function cmapLookup(view: DataView, cmap: number): GlyphOf {
  const count = view.getUint16(cmap + 2);
  const subtables: Array<{ platform: number; encoding: number; at: number; format: number }> = [];
  for (let i = 0; i < count; i++) {
    const rec = cmap + 4 + i * 8;
    const at = cmap + view.getUint32(rec + 4);
    subtables.push({
      platform: view.getUint16(rec),
      encoding: view.getUint16(rec + 2),
      at,
      format: view.getUint16(at),
    });
  }
  const unicode = (s: { platform: number; encoding: number }): boolean =>
    s.platform === 0 || (s.platform === 3 && (s.encoding === 1 || s.encoding === 10));
  const full = subtables.find((s) => unicode(s) && s.format === 12);
  if (full) return format12(view, full.at);
  const bmp = subtables.find((s) => unicode(s) && s.format === 4);
  if (bmp) return format4(view, bmp.at);
  throw new Error('字体没有可用的Unicode字符映射表（cmap 格式 4 或 12）');
}

export function readFontMetrics(ttf: Uint8Array): FontMetrics {
  const view = new DataView(ttf.buffer, ttf.byteOffset, ttf.byteLength);
  const t = tables(view);
  const [head, hhea, hmtx, cmap] = [t.get('head'), t.get('hhea'), t.get('hmtx'), t.get('cmap')];
  if (head === undefined || hhea === undefined || hmtx === undefined || cmap === undefined) {
    throw new Error('不是TrueType字体（缺少 head/hhea/hmtx/cmap 表）');
  }
  const unitsPerEm = view.getUint16(head + 18);
  const longMetrics = view.getUint16(hhea + 34);
  const glyphOf = cmapLookup(view, cmap);
  return {
    advance(cp) {
      // Glyphs past the last long metric share its advance (monospaced tails).
      const g = Math.min(glyphOf(cp), longMetrics - 1);
      return view.getUint16(hmtx + g * 4) / unitsPerEm;
    },
  };
}
