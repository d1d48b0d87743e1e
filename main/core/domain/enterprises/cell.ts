/**
 * One cell of an enterprise table as its reader gives it (csvTable.ts, xlsxTable.ts and the streaming
 * spreadsheet/xlsxStream.ts), before the row's checks (row.ts, coordinates.ts) read it.
 */

/** A cell as read: text, or a number when a worksheet stored it as one. */
export type Cell = string | number;
