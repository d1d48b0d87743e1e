/**
 * discretion.export: the benchmark as the .xlsx the import reads (three sheets), so the province
 * can start from the table in use instead of an empty layout.
 */
import ExcelJS from 'exceljs';
import type { DiscretionBenchmark } from '#common/schemas/discretion.js';
import { sheetNames } from '#core/domain/discretion/tableLayout.js';
import { writeBenchmarkTables, type SheetRows } from '#core/domain/discretion/tableWrite.js';
import { neutraliseCell } from '#core/domain/spreadsheetCells.js';

function addSheet(wb: ExcelJS.Workbook, name: string, rows: SheetRows): void {
  const ws = wb.addWorksheet(name);
  // Text cells: a 编码 like 001 or a weight like 0.10 must come back as typed.
  // Formula injection: text starting with = + - @ tab CR is prefixed with ' (the import strips it).
  for (const r of rows) ws.addRow(r.map(neutraliseCell));
  ws.getRow(1).font = { bold: true };
  ws.views = [{ state: 'frozen', ySplit: 1 }];
  ws.columns.forEach((c) => {
    c.width = 16;
  });
}

export async function benchmarkWorkbook(b: DiscretionBenchmark): Promise<Buffer> {
  const tables = writeBenchmarkTables(b);
  const wb = new ExcelJS.Workbook();
  addSheet(wb, sheetNames.meta, tables.meta);
  addSheet(wb, sheetNames.types, tables.types);
  addSheet(wb, sheetNames.factors, tables.factors);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
