/**
 * A ledger as an .xlsx (exceljs, as the workstation's exports) written as a stream: one sheet, bold
 * frozen header, every text cell through the domain's `neutraliseCell` so nothing a party or an officer
 * typed (=, +, -, @ at the start) is taken for a formula when the file is opened; numbers stay numbers.
 *
 * exceljs' streaming writer commits each row to the zip as it comes, with inline strings (a shared-strings
 * table would grow with every distinct party), so 50,000 cases never sit in memory as a workbook. The
 * writer itself ignores backpressure: after each page we wait until the reply has taken what was written,
 * so a slow download holds at most a page, never the file.
 */
import type { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { neutraliseCell } from '#core/domain/spreadsheetCells.js';
import type { Cell, LedgerColumn } from './columns.js';

// Nothing to say is a blank cell, not an empty text.
const cellOf = (v: Cell) => (v === '' ? null : typeof v === 'string' ? neutraliseCell(v) : v);

/** Resolves when `out` has room again, or has closed (the download was abandoned). */
function roomIn(out: Writable): Promise<void> {
  if (!out.writableNeedDrain || out.destroyed) return Promise.resolve();
  return new Promise((resolve) => {
    const done = () => {
      out.off('drain', done);
      out.off('close', done);
      resolve();
    };
    out.on('drain', done);
    out.on('close', done);
  });
}

export async function writeLedger(
  out: Writable,
  sheetName: string,
  columns: LedgerColumn[],
  pages: AsyncIterable<Cell[][]>,
): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: false });
  const ws = wb.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  ws.columns = columns.map((c) => ({ header: c.header, width: c.width }));
  ws.getRow(1).font = { bold: true };
  ws.getRow(1).commit();
  for await (const rows of pages) {
    for (const r of rows) ws.addRow(r.map(cellOf)).commit();
    await roomIn(out);
    if (out.destroyed) throw new Error('台账下载已中断');
  }
  ws.commit();
  await wb.commit();
}
