/**
 * A few WordprocessingML building blocks for the document templates, written as plain XML strings.
 *
 * Choices that keep Word/WPS, LibreOffice and the built-in Chromium engine paginating alike:
 * every paragraph has an exact line height (no "auto" spacing, whose height depends on font
 * metrics), no document grid (its snapping differs per program), no space before/after except
 * where stated (HTML collapses margins, Word adds them), Latin text set in the same font as the
 * Chinese text, indents in twips rather than in character units (docx-preview ignores those).
 */

export type FontName = '宋体' | '仿宋' | '黑体' | '楷体';

/** Sizes by their Chinese names, in half-points as w:sz wants them. */
export const size = { 二号: 44, 小二: 36, 三号: 32, 小三: 30, 四号: 28, 小四: 24, 五号: 21 } as const;

/** 1 mm in twips (1/20 pt); A4 and the GB/T 9704 margins: top 37, bottom 35, left 28, right 26 mm. */
const mm = (v: number): number => Math.round((v * 1440) / 25.4);
export const page = {
  width: 11906,
  height: 16838,
  top: mm(37),
  bottom: mm(35),
  left: mm(28),
  right: mm(26),
  header: mm(15),
  footer: mm(24),
};
export const textWidth = page.width - page.left - page.right;

export interface RunStyle {
  font?: FontName;
  sz?: number;
  bold?: boolean;
  underline?: boolean;
}

export interface ParaStyle extends RunStyle {
  align?: 'left' | 'center' | 'right' | 'both';
  /** First-line indent in characters of this paragraph's size (converted to twips). */
  indentChars?: number;
  /** Left indent in characters, for hanging layouts. */
  leftChars?: number;
  /** Exact line height in points; defaults to 1.75 × the font size (三号 → 28 pt as GB/T 9704). */
  line?: number;
  before?: number;
  /**
   * Kept on the page of the next paragraph (w:keepNext) / kept whole (w:keepLines). Such a paragraph
   * also gets the paragraph style KeepWithNext (package.ts), which the Chromium harness turns into
   * CSS break-after/break-inside: avoid (docx-preview renders a style as a class, not these properties).
   */
  keepNext?: boolean;
  keepLines?: boolean;
}

/** The paragraph style of kept paragraphs (styles.xml); docx-preview renders it as the class of main/core/documents/pdf/keepStyle.ts. */
export const keepStyleId = 'KeepWithNext';

export function esc(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function rPr(s: RunStyle): string {
  const font = s.font ?? '仿宋';
  const parts = [
    `<w:rFonts w:ascii="${font}" w:hAnsi="${font}" w:eastAsia="${font}" w:cs="${font}" w:hint="eastAsia"/>`,
    s.bold ? '<w:b/><w:bCs/>' : '',
    s.underline ? '<w:u w:val="single"/>' : '',
    `<w:sz w:val="${s.sz ?? size.三号}"/><w:szCs w:val="${s.sz ?? size.三号}"/>`,
  ];
  return `<w:rPr>${parts.join('')}</w:rPr>`;
}

/** A run of text; `{tags}` pass through untouched for docxtemplater. */
export function run(text: string, style: RunStyle = {}): string {
  return `<w:r>${rPr(style)}<w:t xml:space="preserve">${esc(text)}</w:t></w:r>`;
}

/** A field (PAGE, NUMPAGES) as Word writes it: begin, instruction, separator, a cached result, end. */
export function field(instr: string, style: RunStyle = {}): string {
  const r = (inner: string): string => `<w:r>${rPr(style)}${inner}</w:r>`;
  return (
    r('<w:fldChar w:fldCharType="begin"/>') +
    r(`<w:instrText xml:space="preserve"> ${instr} </w:instrText>`) +
    r('<w:fldChar w:fldCharType="separate"/>') +
    r('<w:t>1</w:t>') +
    r('<w:fldChar w:fldCharType="end"/>')
  );
}

export type Content = string | Array<string | [string, RunStyle]>;

/** A paragraph: plain text, or pieces of text each with its own run style on top of the paragraph's. */
export function para(content: Content, style: ParaStyle = {}): string {
  const sz = style.sz ?? size.三号;
  const charTwips = sz * 10; // one character of this size, in twips
  const line = Math.round((style.line ?? (sz / 2) * 1.75) * 20);
  const ind = [
    style.indentChars ? `w:firstLine="${style.indentChars * charTwips}"` : '',
    style.leftChars ? `w:left="${style.leftChars * charTwips}"` : '',
  ]
    .filter(Boolean)
    .join(' ');
  const kept = style.keepNext || style.keepLines;
  const pPr = [
    // w:pStyle comes first in w:pPr (the schema's order), then the direct keep properties.
    kept ? `<w:pStyle w:val="${keepStyleId}"/>` : '',
    style.keepNext ? '<w:keepNext/>' : '',
    style.keepLines ? '<w:keepLines/>' : '',
    // No hanging punctuation, as Chromium lays out: LibreOffice 7.4 hangs a line-end ，。； by default and then
    // does not draw it in the PDF. It reads w:overflowPunct inverted (val 1 → “simple” wrap, checked
    // 2026-11-28 on 7.4.7 through an ODT export); for Word and WPS val 1 is their default, so nothing changes there.
    '<w:overflowPunct w:val="1"/>',
    `<w:spacing w:before="${(style.before ?? 0) * 20}" w:after="0" w:line="${line}" w:lineRule="exact"/>`,
    ind ? `<w:ind ${ind}/>` : '',
    `<w:jc w:val="${style.align ?? 'both'}"/>`,
    rPr(style),
  ].join('');
  const pieces = typeof content === 'string' ? [content] : content;
  const runs = pieces.map((p) => (typeof p === 'string' ? run(p, style) : run(p[0], { ...style, ...p[1] }))).join('');
  return `<w:p><w:pPr>${pPr}</w:pPr>${runs}</w:p>`;
}

export interface Cell {
  paras: string[];
  /** Number of grid columns this cell spans. */
  span?: number;
  vAlign?: 'top' | 'center' | 'bottom';
}
export interface Row {
  cells: Cell[];
  minHeightMm?: number;
}

/** A bordered table on the text width; every row is kept on one page (cantSplit), as paper forms are. */
export function table(columnsMm: number[], rows: Row[]): string {
  const total = columnsMm.reduce((a, b) => a + b, 0);
  // Scale the columns to the exact text width so that rounding never makes the table overflow.
  const cols = columnsMm.map((c) => Math.floor((c / total) * textWidth));
  const border = (side: string): string => `<w:${side} w:val="single" w:sz="8" w:space="0" w:color="000000"/>`;
  const tblPr =
    `<w:tblPr><w:tblW w:w="${textWidth}" w:type="dxa"/><w:jc w:val="center"/>` +
    `<w:tblBorders>${['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map(border).join('')}</w:tblBorders>` +
    '<w:tblLayout w:type="fixed"/><w:tblCellMar><w:top w:w="57" w:type="dxa"/><w:left w:w="108" w:type="dxa"/>' +
    '<w:bottom w:w="57" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar><w:tblLook w:val="0000"/></w:tblPr>';
  const grid = `<w:tblGrid>${cols.map((w) => `<w:gridCol w:w="${w}"/>`).join('')}</w:tblGrid>`;
  const body = rows
    .map((row) => {
      let col = 0;
      const cells = row.cells
        .map((c) => {
          const span = c.span ?? 1;
          const w = cols.slice(col, col + span).reduce((a, b) => a + b, 0);
          col += span;
          const tcPr =
            `<w:tcPr><w:tcW w:w="${w}" w:type="dxa"/>${span > 1 ? `<w:gridSpan w:val="${span}"/>` : ''}` +
            `<w:vAlign w:val="${c.vAlign ?? 'center'}"/></w:tcPr>`;
          return `<w:tc>${tcPr}${c.paras.join('')}</w:tc>`;
        })
        .join('');
      if (col !== cols.length) throw new Error(`table row spans ${col} of ${cols.length} columns`);
      const height = row.minHeightMm ? `<w:trHeight w:val="${mm(row.minHeightMm)}" w:hRule="atLeast"/>` : '';
      return `<w:tr><w:trPr><w:cantSplit/>${height}</w:trPr>${cells}</w:tr>`;
    })
    .join('');
  return `<w:tbl>${tblPr}${grid}${body}</w:tbl>`;
}

export type FooterKind = 'dash' | 'pageOfPages';

/** The page-number footer: “— 1 —” for issued documents (GB/T 9704), “第 1 页 共 2 页” for records and forms. */
export function footerXml(kind: FooterKind): string {
  const st: RunStyle = { font: '宋体', sz: size.四号 };
  const content =
    kind === 'dash'
      ? run('— ', st) + field('PAGE', st) + run(' —', st)
      : run('第 ', st) + field('PAGE', st) + run(' 页 共 ', st) + field('NUMPAGES', st) + run(' 页', st);
  return (
    `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:ftr ${ns}><w:p><w:pPr><w:spacing w:before="0" w:after="0" w:line="360" w:lineRule="exact"/>` +
    `<w:jc w:val="center"/></w:pPr>${content}</w:p></w:ftr>`
  );
}

export const ns =
  'xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" ' +
  'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';

/** Put by sealBlock() (blocks.ts) before the seal: documentXml keeps the last body paragraph before it with the seal. */
export const sealMarker = '<!--anjuan:seal-->';

/** A paragraph that holds a docxtemplater section tag only ({#…}, {/…}, {^…}): removed from the output. */
const tagOnly =
  /^<w:p><w:pPr>.*?<\/w:pPr><w:r><w:rPr>.*?<\/w:rPr><w:t xml:space="preserve">\{[#/^][^}]*\}<\/w:t><\/w:r><\/w:p>$/;

function kept(p: string): string {
  if (p.includes('<w:keepNext/>')) return p;
  return p.replace(
    /^<w:p><w:pPr>(?:<w:pStyle w:val="[^"]*"\/>)?/,
    `<w:p><w:pPr><w:pStyle w:val="${keepStyleId}"/><w:keepNext/><w:keepLines/>`,
  );
}

/**
 * The paragraph before the seal block is kept whole and with it (and any section-tag paragraphs in
 * between, which docxtemplater removes): the seal and date never open a page by themselves.
 */
function keepBeforeSeal(body: string[]): string[] {
  const at = body.indexOf(sealMarker);
  if (at < 0) return body;
  const out = body.filter((_, i) => i !== at);
  for (let j = at - 1; j >= 0 && out[j]!.startsWith('<w:p>'); j--) {
    const tag = tagOnly.test(out[j]!);
    out[j] = kept(out[j]!);
    if (!tag) break;
  }
  return out;
}

export function documentXml(body: string[]): string {
  const sectPr =
    `<w:sectPr><w:footerReference w:type="default" r:id="rIdFooter1"/>` +
    `<w:pgSz w:w="${page.width}" w:h="${page.height}"/>` +
    `<w:pgMar w:top="${page.top}" w:right="${page.right}" w:bottom="${page.bottom}" w:left="${page.left}" w:header="${page.header}" w:footer="${page.footer}" w:gutter="0"/>` +
    '<w:cols w:space="425"/></w:sectPr>';
  return `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<w:document ${ns}><w:body>${keepBeforeSeal(body).join('')}${sectPr}</w:body></w:document>`;
}
