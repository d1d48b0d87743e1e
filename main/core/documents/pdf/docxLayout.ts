/**
 * What the built-in engine needs from a .docx besides its body: the page size and margins of its
 * (last) section and its default footer, turned into the footer template Chromium prints on every
 * page. docx-preview neither paginates nor repeats footers, so these come from the DOCX itself: the
 * .docx stays the source of truth for margins and page numbering.
 */
import PizZip from 'pizzip';

export interface PageGeometry {
  /** All in millimetres. */
  width: number;
  height: number;
  top: number;
  right: number;
  bottom: number;
  left: number;
  /** Distance of the footer's bottom from the page's bottom edge (w:footer). */
  footer: number;
}

export interface DocxLayout {
  geometry: PageGeometry;
  footer: FooterLine[];
}

/** One footer paragraph: alignment, size in pt, and pieces that are text or a page-number field. */
export interface FooterLine {
  align: 'left' | 'center' | 'right';
  sizePt: number;
  lineHeightPt: number;
  pieces: Array<{ text: string } | { field: 'page' | 'pages' }>;
}

const a4: PageGeometry = { width: 210, height: 297, top: 25.4, right: 31.8, bottom: 25.4, left: 31.8, footer: 12.7 };
const twipsToMm = (t: number): number => (t * 25.4) / 1440;

function attr(xml: string, name: string): number | null {
  const m = new RegExp(`w:${name}="(-?\\d+)"`).exec(xml);
  return m ? Number(m[1]) : null;
}

export function readDocxLayout(docx: Buffer): DocxLayout {
  const zip = new PizZip(docx);
  const doc = zip.file('word/document.xml')?.asText() ?? '';
  // The body's own sectPr is the last one; earlier ones belong to section breaks.
  const sect = doc.slice(doc.lastIndexOf('<w:sectPr'));
  const pgSz = /<w:pgSz\b[^>]*>/.exec(sect)?.[0] ?? '';
  const pgMar = /<w:pgMar\b[^>]*>/.exec(sect)?.[0] ?? '';
  const mm = (xml: string, name: string, fallback: number): number => {
    const v = attr(xml, name);
    return v === null ? fallback : Math.abs(twipsToMm(v));
  };
  const geometry: PageGeometry = {
    width: mm(pgSz, 'w', a4.width),
    height: mm(pgSz, 'h', a4.height),
    top: mm(pgMar, 'top', a4.top),
    right: mm(pgMar, 'right', a4.right),
    bottom: mm(pgMar, 'bottom', a4.bottom),
    left: mm(pgMar, 'left', a4.left),
    footer: mm(pgMar, 'footer', a4.footer),
  };
  return { geometry, footer: readFooter(zip, sect) };
}

function readFooter(zip: PizZip, sect: string): FooterLine[] {
  const ref =
    /<w:footerReference\b[^>]*w:type="default"[^>]*>/.exec(sect)?.[0] ?? /<w:footerReference\b[^>]*>/.exec(sect)?.[0];
  const id = ref ? /r:id="([^"]+)"/.exec(ref)?.[1] : undefined;
  if (!id) return [];
  const rels = zip.file('word/_rels/document.xml.rels')?.asText() ?? '';
  const rel = [...rels.matchAll(/<Relationship\b[^>]*>/g)].map((m) => m[0]).find((r) => r.includes(`Id="${id}"`));
  const target = rel ? /Target="([^"]+)"/.exec(rel)?.[1] : undefined;
  const xml = target ? zip.file(`word/${target.replace(/^\/?word\//, '').replace(/^\//, '')}`)?.asText() : undefined;
  return xml ? parseFooterXml(xml) : [];
}

export function parseFooterXml(xml: string): FooterLine[] {
  const lines: FooterLine[] = [];
  for (const p of xml.match(/<w:p\b[\s\S]*?<\/w:p>/g) ?? []) {
    const jc = /<w:jc w:val="(\w+)"/.exec(p)?.[1];
    // The size of the first run, else the paragraph mark's, else Word's default 五号 (10.5 pt).
    const runs = p.replace(/<w:pPr>[\s\S]*?<\/w:pPr>/, '');
    const sz = Number(/<w:sz w:val="(\d+)"/.exec(runs)?.[1] ?? /<w:sz w:val="(\d+)"/.exec(p)?.[1] ?? 21);
    const spacing = /<w:spacing\b[^>]*>/.exec(p)?.[0] ?? '';
    const exact = /w:lineRule="exact"/.test(spacing) ? attr(spacing, 'line') : null;
    lines.push({
      align: jc === 'center' ? 'center' : jc === 'right' || jc === 'end' ? 'right' : 'left',
      sizePt: sz / 2,
      lineHeightPt: exact ? exact / 20 : Math.round(sz * 6.5) / 10, // single spacing ≈ 1.3 × the size
      pieces: footerPieces(p),
    });
  }
  return lines.filter((l) => l.pieces.length > 0);
}

/** Text and PAGE/NUMPAGES fields in reading order, from simple or complex field markup. */
function footerPieces(p: string): FooterLine['pieces'] {
  const pieces: FooterLine['pieces'] = [];
  let state: 'text' | 'instr' | 'result' = 'text';
  let instr = '';
  let result = '';
  const token =
    /<w:fldSimple\b[^>]*w:instr="([^"]*)"[^>]*?(?:\/>|>([\s\S]*?)<\/w:fldSimple>)|<w:fldChar\b[^>]*w:fldCharType="(\w+)"[^>]*\/>|<w:instrText\b[^>]*>([^<]*)<\/w:instrText>|<w:t\b[^>]*>([^<]*)<\/w:t>/g;
  const field = (code: string, shown: string): void => {
    const name = code.trim().split(/\s+/)[0]?.toUpperCase();
    if (name === 'PAGE') pieces.push({ field: 'page' });
    else if (name === 'NUMPAGES' || name === 'SECTIONPAGES') pieces.push({ field: 'pages' });
    else if (shown) pieces.push({ text: shown });
  };
  for (const m of p.matchAll(token)) {
    if (m[1] !== undefined) field(m[1], (m[2] ?? '').replace(/<[^>]+>/g, ''));
    else if (m[3] === 'begin') {
      state = 'instr';
      instr = '';
      result = '';
    } else if (m[3] === 'separate') state = 'result';
    else if (m[3] === 'end') {
      field(instr, result);
      state = 'text';
    } else if (m[4] !== undefined && state === 'instr') instr += m[4];
    else if (m[5] !== undefined) {
      const text = decode(m[5]);
      if (state === 'result') result += text;
      else if (state === 'text') pieces.push({ text });
    }
  }
  return pieces;
}

function decode(s: string): string {
  return s
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&amp;/g, '&');
}
