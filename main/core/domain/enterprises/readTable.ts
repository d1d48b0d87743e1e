/**
 * A provincial export as rows of cells, whatever its form: .xlsx (by its bytes, whatever its name),
 * or CSV/TXT text in UTF-8, UTF-16 or GBK. The old binary .xls is refused with what to do instead.
 */
import { decodeText, type Encoding } from './decodeText.js';
import { readCsv, type Table } from './csvTable.js';
import { readXlsxSheets } from './xlsxTable.js';
import { findHeader, type ColumnMap } from './columns.js';

export type TableFile =
  | { ok: true; format: 'csv' | 'xlsx'; encoding: string; table: Table }
  | { ok: false; format: 'csv' | 'xlsx' | 'unknown'; encoding: string; problem: string };

const isZip = (b: Uint8Array): boolean => b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
const isOle = (b: Uint8Array): boolean => b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0;

export async function readTableFile(fileName: string, bytes: Uint8Array, encoding: Encoding, columns: ColumnMap): Promise<TableFile> {
  if (!bytes.length) return { ok: false, format: 'unknown', encoding: '', problem: '文件为空' };
  if (isOle(bytes)) {
    return { ok: false, format: 'unknown', encoding: '', problem: '不支持旧版Excel（.xls）文件：请在Excel中“另存为”.xlsx 或“CSV UTF-8（逗号分隔）”后重新导入' };
  }
  if (isZip(bytes)) {
    let sheets;
    try {
      sheets = await readXlsxSheets(bytes);
    } catch {
      return { ok: false, format: 'xlsx', encoding: '', problem: '无法读取该Excel文件（文件已损坏，或不是 .xlsx 格式）' };
    }
    if (!sheets.length) return { ok: false, format: 'xlsx', encoding: '', problem: 'Excel文件中没有工作表' };
    // The directory may sit on any sheet (a cover sheet first is common): take the first whose header we recognise.
    const sheet = sheets.find((s) => findHeader(s.table.rows.slice(0, 10).map((r) => ({ line: r.line, cells: r.cells.map(String) })), columns)?.match.missingRequired.length === 0)
      ?? sheets[0]!;
    return { ok: true, format: 'xlsx', encoding: '', table: sheet.table };
  }
  if (/\.(xlsx|xlsm)$/i.test(fileName)) return { ok: false, format: 'xlsx', encoding: '', problem: '文件扩展名为 .xlsx，但内容不是Excel文件（可能已损坏）' };
  if (bytes.subarray(0, 4096).includes(0) && !(bytes[0] === 0xff && bytes[1] === 0xfe) && encoding !== 'utf-16le') {
    return { ok: false, format: 'unknown', encoding: '', problem: '文件不是文本（CSV）也不是 .xlsx：请导入省厅下发的 .xlsx 或 .csv 文件' };
  }
  const decoded = decodeText(bytes, encoding);
  if (!decoded.ok) return { ok: false, format: 'csv', encoding: '', problem: decoded.problem };
  return { ok: true, format: 'csv', encoding: decoded.encoding, table: readCsv(decoded.text) };
}
