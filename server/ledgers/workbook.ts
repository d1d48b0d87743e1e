/**
 * A ledger as an .xlsx (exceljs, as the workstation's exports): one sheet, bold frozen header, every text
 * cell through the domain's `neutraliseCell` so nothing a party or an officer typed (=, +, -, @ at the
 * start) is taken for a formula when the file is opened; numbers stay numbers.
 */
import ExcelJS from 'exceljs';
import { neutraliseCell } from '#core/domain/spreadsheetCells.js';
import type { Cell, LedgerColumn } from './columns.js';

export async function ledgerWorkbook(sheetName: string, columns: LedgerColumn[], rows: Cell[][]): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((c) => ({ header: c.header, width: c.width }));
  ws.getRow(1).font = { bold: true };
  // Nothing to say is a blank cell, not an empty text.
  for (const r of rows) ws.addRow(r.map((v) => (v === '' ? null : typeof v === 'string' ? neutraliseCell(v) : v)));
  return Buffer.from(await wb.xlsx.writeBuffer());
}
