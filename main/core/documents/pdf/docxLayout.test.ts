import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { templatesDir } from '#core/paths.js';
import { parseFooterXml, readDocxLayout } from './docxLayout.js';
import { footerTemplate } from './harness.js';

describe('page layout read from a DOCX', () => {
  it('gives A4 and the official-document margins for the shipped templates', () => {
    const { geometry, footer } = readDocxLayout(readFileSync(join(templatesDir(), 'penalty-decision.docx')));
    expect(geometry.width).toBeCloseTo(210, 0);
    expect(geometry.height).toBeCloseTo(297, 0);
    expect([geometry.top, geometry.bottom, geometry.left, geometry.right].map(Math.round)).toEqual([37, 35, 28, 26]);
    expect(footer).toEqual([
      { align: 'center', sizePt: 14, lineHeightPt: 18, pieces: [{ text: '— ' }, { field: 'page' }, { text: ' —' }] },
    ]);
  });

  it('reads simple and complex page fields, and drops their cached results', () => {
    const xml =
      '<w:ftr><w:p><w:pPr><w:jc w:val="right"/></w:pPr><w:r><w:rPr><w:sz w:val="24"/></w:rPr><w:t>第</w:t></w:r>' +
      '<w:fldSimple w:instr=" PAGE  \\* MERGEFORMAT "><w:r><w:t>7</w:t></w:r></w:fldSimple><w:r><w:t xml:space="preserve">页/共</w:t></w:r>' +
      '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> NUMPAGES </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>' +
      '<w:r><w:t>9</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t>页</w:t></w:r></w:p><w:p/></w:ftr>';
    expect(parseFooterXml(xml)).toEqual([
      {
        align: 'right',
        sizePt: 12,
        lineHeightPt: 15.6,
        pieces: [{ text: '第' }, { field: 'page' }, { text: '页/共' }, { field: 'pages' }, { text: '页' }],
      },
    ]);
  });

  it('keeps a field it does not know as its shown text, and escapes the footer HTML', () => {
    const lines = parseFooterXml(
      '<w:p><w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> DATE </w:instrText></w:r>' +
        '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t>2026&lt;3</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r></w:p>',
    );
    expect(lines[0]!.pieces).toEqual([{ text: '2026<3' }]);
    const html = footerTemplate(lines, {
      width: 210,
      height: 297,
      top: 37,
      bottom: 35,
      left: 28,
      right: 26,
      footer: 24,
    });
    expect(html).toContain('2026&lt;3');
    expect(html).toContain('bottom:24.00mm');
  });
});
