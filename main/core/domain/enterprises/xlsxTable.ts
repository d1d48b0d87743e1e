/**
 * The first worksheet of an .xlsx file that has a header we recognise (else the first sheet) as
 * rows of cells with their Excel row numbers. Numbers stay numbers so that a 统一社会信用代码 Excel
 * stored as a number (and so rounded) can be reported instead of imported wrongly.
 */
import ExcelJS from 'exceljs';
import type { Cell } from './cell.js';
import type { Table, TableRow } from './csvTable.js';

function cellValue(v: ExcelJS.CellValue): Cell {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return v;
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? '是' : '否';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('richText' in v) return v.richText.map((t) => t.text).join('');
    if ('formula' in v || 'sharedFormula' in v) return cellValue((v as { result?: ExcelJS.CellValue }).result ?? '');
    if ('text' in v) return String((v as { text: unknown }).text);
    if ('error' in v) return '';
  }
  return String(v);
}

/**
 * Loads the whole workbook: for the benchmark table (a few hundred rows, zip-checked first by
 * discretionImport.ts); the enterprise directory is read as a stream by spreadsheet/xlsxStream.ts.
 * exceljs's streaming WorkbookReader would need a seventh of the memory
 * (~170 MB against ~1.2 GB for 90,910 rows) but, measured here with exceljs 4.4, it garbles a
 * Chinese character now and then where a multi-byte character crosses a chunk boundary
 * (贵阳市 → 贵阳���), which would silently corrupt the directory.
 */
export async function readXlsxSheets(bytes: Uint8Array): Promise<Array<{ name: string; table: Table }>> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength) as unknown as ExcelJS.Buffer);
  return wb.worksheets.map((ws) => {
    const rows: TableRow[] = [];
    ws.eachRow({ includeEmpty: false }, (row, line) => {
      // row.values is 1-based: index 0 is always empty.
      rows.push({ line, cells: (row.values as ExcelJS.CellValue[]).slice(1).map(cellValue) });
    });
    return { name: ws.name, table: { rows, problems: [] } };
  });
}
