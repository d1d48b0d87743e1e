/** Collecting a table's problems with their sheet and line, and reading a cell by its column. Pure. */
import type { ImportProblem } from '#common/schemas/discretion.js';
import type { Cell } from './cells.js';
import { headerName, sheetNames, type SheetKey, type TableRow } from './tableLayout.js';

export class Problems {
  readonly list: ImportProblem[] = [];
  add(sheet: SheetKey, line: number | null, message: string): void {
    this.list.push({ sheet: sheetNames[sheet], line, message });
  }
  take<T>(sheet: SheetKey, line: number, cell: Cell<T>): T | undefined {
    if (cell.ok) return cell.value;
    this.add(sheet, line, cell.problem);
    return undefined;
  }
}

export const cell = (row: TableRow, column: string): string => (row.cells[headerName(column)] ?? '').trim();
