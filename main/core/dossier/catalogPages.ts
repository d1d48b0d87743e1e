/**
 * 卷内目录: the ruled table of the documents in the volume, one row per document, with the header
 * row repeated on every page it runs over. Long cells wrap; a row never splits across pages.
 */
import { compactDate } from './format.js';
import type { CatalogRow } from './types.js';
import { A4, baseline, contentWidth, margin, mm, Sheet, type Measure } from './sheet.js';

type Key = 'seq' | 'number' | 'author' | 'title' | 'date' | 'page';
interface Column {
  key: Key;
  label: string;
  width: number;
  align: 'left' | 'center';
}

// Widths in mm summing to the 165 mm between the margins; 题名 takes what the others leave.
const fixed: Array<Omit<Column, 'width'> & { width: number | null }> = [
  { key: 'seq', label: '序号', width: 11, align: 'center' },
  { key: 'number', label: '文号', width: 35, align: 'center' },
  { key: 'author', label: '责任者', width: 37, align: 'center' }, // 黔东南州生态环境局 on one line
  { key: 'title', label: '题名', width: null, align: 'left' },
  { key: 'date', label: '日期', width: 21, align: 'center' }, // 8 digits on one line
  { key: 'page', label: '页号', width: 13, align: 'center' },
];
const columns: Column[] = fixed.map((c) => ({
  ...c,
  width: c.width === null ? contentWidth - mm(fixed.reduce((s, f) => s + (f.width ?? 0), 0)) : mm(c.width),
}));

const size = 10.5; // 五号
const lineHeight = 14;
const padX = mm(1.5);
const padY = 5;
const minRowHeight = 26;
const top = A4.height - margin.top;
const tableTop = top - mm(20);

type Cells = Record<Key, string>;

function cellLines(sheet: Sheet, cells: Cells, maxLines: number): Record<Key, string[]> {
  const out = {} as Record<Key, string[]>;
  for (const c of columns) {
    let lines = sheet.wrap(cells[c.key], c.width - 2 * padX, size);
    if (lines.length > maxLines) lines = [...lines.slice(0, maxLines - 1), `${lines[maxLines - 1] ?? ''}…`];
    out[c.key] = lines;
  }
  return out;
}

function rowHeight(lines: Record<Key, string[]>): number {
  const most = Math.max(1, ...columns.map((c) => lines[c.key].length));
  return Math.max(minRowHeight, most * lineHeight + 2 * padY);
}

function drawRow(
  sheet: Sheet,
  lines: Record<Key, string[]>,
  rowTop: number,
  height: number,
  style: 'regular' | 'bold',
): void {
  let x = margin.left;
  for (const c of columns) {
    const block = lines[c.key];
    const blockTop = rowTop - (height - block.length * lineHeight) / 2;
    block.forEach((line, i) => {
      const y = baseline(blockTop - i * lineHeight, lineHeight, size);
      sheet.aligned(line, x + padX, c.width - 2 * padX, y, size, style, c.align);
    });
    x += c.width;
  }
}

function drawRules(sheet: Sheet, rowBottoms: number[]): void {
  const bottom = rowBottoms[rowBottoms.length - 1] ?? tableTop;
  const right = margin.left + contentWidth;
  sheet.line(margin.left, tableTop, right, tableTop);
  for (const y of rowBottoms) sheet.line(margin.left, y, right, y);
  let x = margin.left;
  sheet.line(x, tableTop, x, bottom);
  for (const c of columns) {
    x += c.width;
    sheet.line(x, tableTop, x, bottom);
  }
}

function startPage(
  measure: Measure,
  caseNumber: string,
  volume: string,
  continued: boolean,
): { sheet: Sheet; y: number; rowBottoms: number[] } {
  const sheet = new Sheet(measure);
  sheet.aligned(
    continued ? '卷内目录（续）' : '卷内目录',
    margin.left,
    contentWidth,
    top - mm(8),
    18,
    'bold',
    'center',
  );
  sheet.aligned(`案号：${caseNumber}`, margin.left, contentWidth, top - mm(16), size, 'regular', 'left');
  sheet.aligned(volume, margin.left, contentWidth, top - mm(16), size, 'regular', 'right');
  const header = Object.fromEntries(columns.map((c) => [c.key, [c.label]])) as Record<Key, string[]>;
  drawRow(sheet, header, tableTop, minRowHeight, 'bold');
  return { sheet, y: tableTop - minRowHeight, rowBottoms: [tableTop - minRowHeight] };
}

export function catalogSheets(rows: CatalogRow[], caseNumber: string, volume: string, measure: Measure): Sheet[] {
  const sheets: Sheet[] = [];
  let page = startPage(measure, caseNumber, volume, false);
  const maxLines = Math.floor((tableTop - minRowHeight - margin.bottom - 2 * padY) / lineHeight);
  const body: Cells[] =
    rows.length > 0
      ? rows.map((r) => ({
          seq: String(r.seq),
          number: r.number,
          author: r.author,
          title: r.title,
          date: compactDate(r.date),
          page: r.page,
        }))
      : [{ seq: '', number: '', author: '', title: '无', date: '', page: '' }];
  for (const cells of body) {
    const lines = cellLines(page.sheet, cells, maxLines);
    const height = rowHeight(lines);
    if (page.y - height < margin.bottom && page.rowBottoms.length > 1) {
      drawRules(page.sheet, page.rowBottoms);
      sheets.push(page.sheet);
      page = startPage(measure, caseNumber, volume, true);
    }
    drawRow(page.sheet, lines, page.y, height, 'regular');
    page.y -= height;
    page.rowBottoms.push(page.y);
  }
  drawRules(page.sheet, page.rowBottoms);
  sheets.push(page.sheet);
  return sheets;
}
