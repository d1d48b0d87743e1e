/** A synthetic directory written as the province would send it: CSV (UTF-8, with BOM, or GBK) or .xlsx. */
import { createWriteStream } from 'node:fs';
import iconv from 'iconv-lite';
import ExcelJS from 'exceljs';
import { directoryHeader } from './syntheticDirectory.js';

export type CsvEncoding = 'utf-8' | 'utf-8-bom' | 'gbk';

function csvField(v: string): string {
  return /[",\r\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v;
}

export function directoryCsvText(rows: readonly string[][], header = directoryHeader): string {
  return `${[header, ...rows].map((r) => r.map(csvField).join(',')).join('\r\n')}\r\n`;
}

export function encodeCsv(text: string, encoding: CsvEncoding): Buffer {
  if (encoding === 'gbk') return iconv.encode(text, 'gbk');
  const body = Buffer.from(text, 'utf8');
  return encoding === 'utf-8-bom' ? Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), body]) : body;
}

/** Cells that look like numbers are written as text, as a careful export does (a 统一社会信用代码 must never become a number). */
export async function directoryXlsx(rows: readonly string[][], header = directoryHeader): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  const ws = wb.addWorksheet('企业名录');
  ws.addRow(header);
  for (const r of rows) ws.addRow(r);
  return Buffer.from(await wb.xlsx.writeBuffer());
}

/** Large files stream to disk instead of building the workbook in memory. */
export async function writeDirectoryXlsx(
  file: string,
  rows: readonly string[][],
  header = directoryHeader,
): Promise<void> {
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({
    stream: createWriteStream(file),
    useSharedStrings: false,
    useStyles: false,
  });
  const ws = wb.addWorksheet('企业名录');
  ws.addRow(header).commit();
  for (const r of rows) ws.addRow(r).commit();
  ws.commit();
  await wb.commit();
}
