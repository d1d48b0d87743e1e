/**
 * The page the built-in engine prints from. docx-preview turns the DOCX into HTML; our CSS makes
 * that HTML flow through A4 pages with the DOCX's margins (Chromium's own print pagination then
 * gives every page its margins), maps 宋体/仿宋/黑体/楷体 to the bundled TrueType fonts and keeps
 * table rows whole (w:cantSplit). The page number is printed by Chromium's footer template.
 * Plain browser code in a string: it runs in any Chromium (Playwright's or Electron's). The script
 * is a file of its own (harness.js), not inline, so the page also runs under the Electron shell's
 * CSP (script-src 'self') at app://pdf/ — see harnessFiles.ts for what the page loads.
 *
 * Fonts: each document font name has two faces of its bundled font (printFonts.ts). The common
 * face (GB 2312's Han characters and everything not Han; by local() from fontconfig on Linux, else
 * by URL) is declared last, so it is tried first; the full face (by URL only, for the Han blocks) is
 * declared first and is tried for a character the common font lacks — CSS falls through the faces
 * of one family character by character. Chromium's PDF writer subsets every font a PDF uses, per
 * PDF, so printing with the small font is ~4× cheaper, and the 10–15 MB full font is fetched and
 * embedded only for a document that has a rare character (a name such as 堃), which then prints in
 * the same design rather than as a blank or in another font. We give the common face no
 * unicode-range of its own: its exact cmap is ~3,700 ranges, ~33 KB of CSS for each of 40 faces.
 */
import { hanUnicodeRange } from './commonSet.js';
import { fontAliases } from './fontAliases.js';
import { keepStyleClass } from './keepStyle.js';
import type { FooterLine, PageGeometry } from './docxLayout.js';

export const fontFiles = {
  serif: 'NotoSerifSC-Regular.ttf',
  serifBold: 'NotoSerifSC-Bold.ttf',
  sans: 'NotoSansSC-Regular.ttf',
} as const;

function fontFaceCss(): string {
  const faces: string[] = [];
  // Two faces per font, in this order: CSS checks the last-declared face first, so the common face
  // answers every character it has and the full one is fetched only for a Han character it lacks.
  const face = (family: string, local: string[], file: string, weight: number): void => {
    faces.push(
      `@font-face{font-family:"${family}";src:url("fonts/full/${file}") format("truetype");font-weight:${weight};unicode-range:${hanUnicodeRange};}`,
    );
    faces.push(
      `@font-face{font-family:"${family}";src:${local.map((l) => `local("${l}")`).join(',')},url("fonts/${file}") format("truetype");font-weight:${weight};}`,
    );
  };
  for (const [name, family] of Object.entries(fontAliases)) {
    if (family === 'Noto Serif SC') {
      face(name, ['Noto Serif SC', 'NotoSerifSC-Regular'], fontFiles.serif, 400);
      face(name, ['Noto Serif SC Bold', 'NotoSerifSC-Bold'], fontFiles.serifBold, 700);
    } else {
      // Only a regular sans is bundled: bold 黑体 is synthesised, as Word does for SimHei.
      face(name, ['Noto Sans SC', 'NotoSansSC-Regular'], fontFiles.sans, 400);
    }
  }
  return faces.join('\n');
}

const baseCss = `
html,body{margin:0;padding:0;background:#fff;}
/* Unknown or Latin-only fonts fall back to the bundled serif rather than to a system CFF font. */
/* Spacing between Chinese and Latin letters or digits is added by autoSpace() below, not by CSS. */
body{font-family:"宋体";text-autospace:no-autospace;-webkit-print-color-adjust:exact;print-color-adjust:exact;}
section.docx{padding:0!important;margin:0!important;width:auto!important;min-height:0!important;height:auto!important;
  box-shadow:none!important;overflow:visible!important;display:block!important;background:#fff;}
section.docx+section.docx{break-before:page;}
section.docx>article{column-count:auto!important;}
/* Paper forms keep each row on one page (w:cantSplit in the templates). */
.docx tr{break-inside:avoid;}
/* w:keepNext / w:keepLines (docx-preview drops them): the templates mark such paragraphs with the
   paragraph style KeepWithNext (scripts/templates/ooxml.ts), so the seal block never opens a page alone. */
.${keepStyleClass}{break-after:avoid;break-inside:avoid;}
.docx table{break-inside:auto;}
/* Word's cell width (w:tcW) includes the cell margins; CSS adds padding to a width unless told. */
.docx td,.docx th{box-sizing:border-box;}
`;

export function harnessHtml(): string {
  return `<!doctype html><html><head><meta charset="utf-8"><title>文书</title>
<style>${fontFaceCss()}</style><style>${baseCss}</style><style id="page"></style>
<script src="jszip.min.js"></script><script src="docx-preview.js"></script>
<script src="harness.js"></script></head><body><div id="styles"></div><div id="doc"></div></body></html>`;
}

/** Runs in the page: renders one DOCX (base64) and resolves when its fonts are loaded. Served as harness.js. */
export const harnessScript = `
window.anjuanRender = async function (b64, pageCss) {
  const bin = atob(b64);
  const bytes = new Uint8Array(bin.length);
  for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
  const doc = document.getElementById('doc');
  const styles = document.getElementById('styles');
  doc.innerHTML = '';
  styles.innerHTML = '';
  document.getElementById('page').textContent = pageCss;
  const parsed = await docx.renderAsync(bytes, doc, styles, {
    inWrapper: false, ignoreWidth: false, ignoreHeight: false, breakPages: true, ignoreLastRenderedPageBreak: true,
    renderHeaders: false, renderFooters: false, renderFootnotes: true, renderEndnotes: true, useBase64URL: true,
    experimental: true, ignoreFonts: true,
  });
  // Chromium writes the page's title as the PDF's Title: the document's own name (dc:title, docxTitle.ts).
  const title = parsed && parsed.corePropsPart && parsed.corePropsPart.props && parsed.corePropsPart.props.title;
  document.title = (title && String(title).trim()) || '文书';
  // Line heights are measured with the document's own fonts, so these must have loaded first. A
  // layout first: a full font face starts loading only when laid-out text needs one of its
  // characters, and fonts.ready waits only for loads already started.
  doc.getBoundingClientRect();
  await document.fonts.ready;
  exactLines(doc);
  multipleLines(doc);
  autoSpace(doc);
  await document.fonts.ready;
  return document.querySelectorAll('section.docx').length;
};

// Word's exact line spacing (w:lineRule="exact") gives every line that height whatever the fonts
// in it. In CSS a line box also grows when a run's font differs from the paragraph's own (the
// "strut", which docx-preview leaves at the browser default), so long documents would run longer
// than in Word. Give the paragraph its largest run's size and the runs no line height of their own:
// the line box is then exactly the paragraph's line-height.
function exactLines(root) {
  for (const p of root.querySelectorAll('p')) {
    if (!/pt$/.test(p.style.lineHeight)) continue;
    let size = 0;
    for (const s of p.querySelectorAll('span')) size = Math.max(size, parseFloat(getComputedStyle(s).fontSize) || 0);
    if (size) p.style.fontSize = size + 'px';
    for (const s of p.querySelectorAll('span')) s.style.lineHeight = '0';
  }
}

// Word's "multiple" line spacing (w:lineRule="auto", line/240 lines) is a multiple of the font's
// natural line height (ascent + descent, about 1.44 em for Noto CJK), not of its size as a unitless
// CSS line-height is: single spacing came out ~30% short. Each run gets the multiple of its own
// font's natural height, measured once per font and size; the line then grows with its largest run.
const naturalRatios = new Map();
function naturalHeight(family, size) {
  // Measured at 1000px and scaled, so that layout rounding does not creep into every line.
  if (!naturalRatios.has(family)) {
    const probe = document.createElement('span');
    probe.style.cssText = 'position:absolute;visibility:hidden;white-space:nowrap;line-height:normal;font-size:1000px;font-family:' + family;
    probe.textContent = '国A';
    document.body.appendChild(probe);
    naturalRatios.set(family, probe.getBoundingClientRect().height / 1000);
    probe.remove();
  }
  return naturalRatios.get(family) * parseFloat(size);
}
function multipleLines(root) {
  for (const p of root.querySelectorAll('p')) {
    const m = Number(p.style.lineHeight);
    if (!p.style.lineHeight || !Number.isFinite(m)) continue;
    const spans = [...p.querySelectorAll('span')];
    const first = getComputedStyle(spans[0] || p);
    p.style.fontSize = first.fontSize;
    p.style.fontFamily = first.fontFamily;
    p.style.lineHeight = (m * naturalHeight(first.fontFamily, first.fontSize)) + 'px';
    p.style.minHeight = '';
    for (const s of spans) {
      const cs = getComputedStyle(s);
      s.style.lineHeight = (m * naturalHeight(cs.fontFamily, cs.fontSize)) + 'px';
    }
  }
}

// Word and LibreOffice put a small space between Chinese characters and Latin letters or digits
// (w:autoSpaceDE/DN, on by default; LibreOffice 7 applies it to every DOCX and makes it 1/5 of
// the font size). CSS text-autospace adds only 1/8 em, so lines would break elsewhere than in
// LibreOffice. Here the character before each such boundary gets a 0.2 em right margin instead:
// no character is inserted, so the PDF's text stays the document's text.
const han = /[\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]/;
const latin = /[A-Za-z0-9]/;
function autoSpace(root) {
  for (const p of root.querySelectorAll('p')) {
    const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
    const chars = [];
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      for (let i = 0; i < n.data.length; i++) chars.push({ node: n, i, c: n.data[i] });
    }
    const marks = [];
    for (let k = 0; k + 1 < chars.length; k++) {
      const a = chars[k].c, b = chars[k + 1].c;
      if ((han.test(a) && latin.test(b)) || (latin.test(a) && han.test(b))) marks.push(chars[k]);
    }
    // From the end, so that splitting a text node does not move the offsets still to be used.
    for (const m of marks.reverse()) {
      const after = m.node.splitText(m.i);
      after.splitText(1);
      // Not a span: docx-preview's default run style (.docx span{font-size…}) would apply to it.
      const gap = document.createElement('anjuan-gap');
      gap.style.marginRight = '0.2em';
      after.parentNode.insertBefore(gap, after);
      gap.appendChild(after);
    }
  }
}
`;

const fmt = (v: number): string => `${v.toFixed(2)}mm`;

export function pageCss(g: PageGeometry): string {
  return `@page{size:${fmt(g.width)} ${fmt(g.height)};margin:${fmt(g.top)} ${fmt(g.right)} ${fmt(g.bottom)} ${fmt(g.left)};}`;
}

/**
 * Chromium's footer template: drawn in the bottom margin of every page, with the page number and
 * page count filled in. It cannot use the page's web fonts, so its font comes from fontconfig (the
 * bundled Noto Serif SC, see fontconfig.ts). Positioned as Word positions a footer: its last line
 * ends w:footer above the bottom edge, between the text's left and right margins.
 */
export function footerTemplate(lines: FooterLine[], g: PageGeometry): string {
  if (lines.length === 0) return '<span></span>';
  const html = lines
    .map((l) => {
      const text = l.pieces
        .map((p) =>
          'field' in p
            ? `<span class="${p.field === 'page' ? 'pageNumber' : 'totalPages'}"></span>`
            : escapeHtml(p.text),
        )
        .join('');
      return `<div style="text-align:${l.align};font-size:${l.sizePt}pt;line-height:${l.lineHeightPt}pt;height:${l.lineHeightPt}pt;white-space:pre;">${text}</div>`;
    })
    .join('');
  return (
    `<div style="position:absolute;left:${fmt(g.left)};right:${fmt(g.right)};bottom:${fmt(g.footer)};` +
    `font-family:'Noto Serif SC',serif;color:#000;margin:0;padding:0;">${html}</div>`
  );
}

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
}
