/**
 * A provincial export as rows of cells, whatever its form: .xlsx (by its bytes, whatever its name),
 * or CSV/TXT text in UTF-8, UTF-16 or GBK. The old binary .xls is refused with what to do instead.
 * Here, not in the domain: it unzips and streams a file; the domain gives it the decoding, the CSV
 * rules and the columns.
 */
import { decodeTextSteps, type Encoding } from '../domain/enterprises/decodeText.js';
import { csvRowChunks, type LineIssue, type Table, type TableRow } from '../domain/enterprises/csvTable.js';
import { findHeader, type ColumnMap } from '../domain/enterprises/columns.js';
import { readXlsxRows, TooManyRows } from './xlsxStream.js';
import { ZipRefused } from './zipLimits.js';

export type TableFile =
  | { ok: true; format: 'csv' | 'xlsx'; encoding: string; table: Table }
  | { ok: false; format: 'csv' | 'xlsx' | 'unknown'; encoding: string; problem: string };

/** The rows as they are read, in batches; `problems` fills up with the broken CSV records met on the way. */
export type TableSource =
  | { ok: true; format: 'csv' | 'xlsx'; encoding: string; batches: AsyncIterable<TableRow[]>; problems: LineIssue[] }
  | { ok: false; format: 'csv' | 'xlsx' | 'unknown'; encoding: string; problem: string };

/** The most rows a table may have (a directory has ~91,000; the largest province's would be ~200,000). */
export const maxTableRows = 300_000;

const isZip = (b: Uint8Array): boolean => b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
const isOle = (b: Uint8Array): boolean => b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0;

export const unreadableXlsx = '无法读取该Excel文件（文件已损坏，或不是 .xlsx 格式）';

const recognised = (rows: readonly TableRow[], columns: ColumnMap): boolean =>
  findHeader(
    rows.slice(0, 10).map((r) => ({ line: r.line, cells: r.cells.map(String) })),
    columns,
  )?.match.missingRequired.length === 0;

/** Decoding and splitting a large CSV runs in steps; `breathe` is called between them (a job lets others through). */
export async function openTableFile(
  fileName: string,
  bytes: Uint8Array,
  encoding: Encoding,
  columns: ColumnMap,
  breathe: () => Promise<void> = async () => undefined,
): Promise<TableSource> {
  if (!bytes.length) return { ok: false, format: 'unknown', encoding: '', problem: '文件为空' };
  if (isOle(bytes)) {
    return {
      ok: false,
      format: 'unknown',
      encoding: '',
      problem: '不支持旧版Excel（.xls）文件：请在Excel中“另存为”.xlsx 或“CSV UTF-8（逗号分隔）”后重新导入',
    };
  }
  if (isZip(bytes)) {
    try {
      // The directory may sit on any sheet (a cover sheet first is common): take the first whose header we recognise.
      const read = await readXlsxRows(bytes, { choose: (rows) => recognised(rows, columns), maxRows: maxTableRows });
      if (!read) return { ok: false, format: 'xlsx', encoding: '', problem: 'Excel文件中没有工作表' };
      return { ok: true, format: 'xlsx', encoding: '', batches: read.batches, problems: [] };
    } catch (e) {
      return { ok: false, format: 'xlsx', encoding: '', problem: e instanceof ZipRefused ? e.message : unreadableXlsx };
    }
  }
  if (/\.(xlsx|xlsm)$/i.test(fileName))
    return {
      ok: false,
      format: 'xlsx',
      encoding: '',
      problem: '文件扩展名为 .xlsx，但内容不是Excel文件（可能已损坏）',
    };
  if (bytes.subarray(0, 4096).includes(0) && !(bytes[0] === 0xff && bytes[1] === 0xfe) && encoding !== 'utf-16le') {
    return {
      ok: false,
      format: 'unknown',
      encoding: '',
      problem: '文件不是文本（CSV）也不是 .xlsx：请导入省厅下发的 .xlsx 或 .csv 文件',
    };
  }
  const steps = decodeTextSteps(bytes, encoding);
  let step = steps.next();
  while (!step.done) {
    await breathe();
    step = steps.next();
  }
  const decoded = step.value;
  if (!decoded.ok) return { ok: false, format: 'csv', encoding: '', problem: decoded.problem };
  const problems: LineIssue[] = [];
  return {
    ok: true,
    format: 'csv',
    encoding: decoded.encoding,
    batches: csvBatches(decoded.text, problems, breathe),
    problems,
  };
}

async function* csvBatches(
  text: string,
  problems: LineIssue[],
  breathe: () => Promise<void>,
): AsyncGenerator<TableRow[]> {
  for (const chunk of csvRowChunks(text, problems)) {
    if (chunk.length) yield chunk;
    await breathe();
  }
}

/** Why reading the rows stopped, for the user: a limit, or a workbook damaged past its directory. */
export function readingProblem(e: unknown): string {
  if (e instanceof TooManyRows || e instanceof ZipRefused) return e.message;
  return unreadableXlsx;
}

/** The whole table at once (small files, tests). */
export async function readTableFile(
  fileName: string,
  bytes: Uint8Array,
  encoding: Encoding,
  columns: ColumnMap,
): Promise<TableFile> {
  const source = await openTableFile(fileName, bytes, encoding, columns);
  if (!source.ok) return source;
  const rows: TableRow[] = [];
  try {
    for await (const b of source.batches) rows.push(...b);
  } catch (e) {
    return { ok: false, format: source.format, encoding: source.encoding, problem: readingProblem(e) };
  }
  return {
    ok: true,
    format: source.format,
    encoding: source.encoding,
    table: { rows, problems: [...source.problems].sort((a, b) => a.line - b.line) },
  };
}
