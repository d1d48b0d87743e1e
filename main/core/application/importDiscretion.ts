/**
 * discretion.import: the province's benchmark table — one .xlsx with the sheets 基准信息, 违法行为,
 * 裁量因子, or the same sheets as CSV files (UTF-8 or GBK, named after their sheet) — checked row by
 * row and saved as a new benchmark version. Any bad row stops the import and every problem comes
 * back with its sheet and line (a half-loaded benchmark would calculate wrong fines); the table in
 * use is untouched. Reading the files reuses the enterprise directory's readers (encodings, .xls).
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { basename, join, resolve } from 'node:path';
import { AppError } from '#common/errors.js';
import type { DiscretionBenchmark, ImportProblem } from '#common/schemas/discretion.js';
import { decodeText } from '#core/domain/enterprises/decodeText.js';
import { readCsv, type Table } from '#core/domain/enterprises/csvTable.js';
import { readXlsxSheets } from '#core/domain/enterprises/xlsxTable.js';
import {
  csvNameHints,
  sheetNames,
  type BenchmarkTables,
  type SheetKey,
  type TableRow,
} from '#core/domain/discretion/tableLayout.js';
import { readBenchmarkTables, type TableDefaults } from '#core/domain/discretion/tableRead.js';
import { shownName } from './fileNames.js';
import { xlsxLimits, zipLimitProblem, type ZipLimits } from '#core/spreadsheet/zipLimits.js';

export interface BenchmarkFile {
  name: string;
  bytes: Uint8Array;
}

const maxFileBytes = 32 * 1024 * 1024;
/** A benchmark table is small: its workbook may unpack to 64 MB at most (a zip bomb is refused before it is). */
const benchmarkZipLimits: ZipLimits = {
  ...xlsxLimits,
  maxEntryBytes: 64 * 1024 * 1024,
  maxTotalBytes: 64 * 1024 * 1024,
};
const isZip = (b: Uint8Array): boolean => b[0] === 0x50 && b[1] === 0x4b && b[2] === 0x03 && b[3] === 0x04;
const isOle = (b: Uint8Array): boolean => b[0] === 0xd0 && b[1] === 0xcf && b[2] === 0x11 && b[3] === 0xe0;

/** A .xlsx file, or the .csv/.xlsx files of a folder, on this workstation (CLI). */
export function readBenchmarkPath(path: string): BenchmarkFile[] {
  const target = resolve(path);
  let st;
  try {
    st = statSync(target);
  } catch {
    throw new AppError('NOT_FOUND', `找不到文件或文件夹：${shownName(path)}`);
  }
  const files = st.isDirectory()
    ? readdirSync(target)
        .filter((f) => /\.(csv|xlsx)$/i.test(f))
        .sort()
        .map((f) => join(target, f))
    : [target];
  if (!st.isDirectory() && !/\.(csv|xlsx)$/i.test(target))
    throw new AppError('VALIDATION', `只能导入 .xlsx 或 .csv 文件：${shownName(path)}`);
  if (!files.length) throw new AppError('NOT_FOUND', `文件夹中没有 .xlsx 或 .csv 文件：${shownName(path)}`);
  return files.map((f) => {
    if (statSync(f).size > maxFileBytes)
      throw new AppError('FILE_TOO_LARGE', `文件过大：${basename(f)}（不超过${maxFileBytes / 1024 / 1024}MB）`);
    return { name: basename(f), bytes: readFileSync(f) };
  });
}

/** First non-empty row is the header; the rest become cells by header name. */
function toRows(table: Table): { headers: string[]; rows: TableRow[] } {
  const [head, ...body] = table.rows;
  if (!head) return { headers: [], rows: [] };
  const headers = head.cells.map((c) => String(c).trim());
  const rows = body
    .filter((r) => r.cells.some((c) => String(c).trim() !== ''))
    .map((r) => ({
      line: r.line,
      cells: Object.fromEntries(headers.map((h, i) => [h, String(r.cells[i] ?? '').trim()])),
    }));
  return { headers, rows };
}

function sheetOf(name: string): SheetKey | null {
  const lower = name.toLowerCase();
  return (
    (Object.keys(csvNameHints) as SheetKey[]).find((k) =>
      csvNameHints[k].some((h) => lower.includes(h.toLowerCase())),
    ) ?? null
  );
}

interface ReadTables {
  tables: BenchmarkTables;
  headers: Partial<Record<SheetKey, string[]>>;
  problems: ImportProblem[];
}

function addSheet(out: ReadTables, key: SheetKey, table: Table, from: string): void {
  if (out.tables[key]) {
    out.problems.push({ sheet: sheetNames[key], line: null, message: `“${sheetNames[key]}”表出现了两次（${from}）` });
    return;
  }
  for (const p of table.problems) out.problems.push({ sheet: sheetNames[key], line: p.line, message: p.message });
  const { headers, rows } = toRows(table);
  out.tables[key] = rows;
  out.headers[key] = headers;
}

async function readOne(out: ReadTables, file: BenchmarkFile): Promise<void> {
  const fail = (message: string) => out.problems.push({ sheet: file.name, line: null, message });
  if (!file.bytes.length) return void fail('文件为空');
  if (isOle(file.bytes)) return void fail('不支持旧版Excel（.xls）文件：请在Excel中“另存为”.xlsx 后重新导入');
  if (isZip(file.bytes)) {
    // The workbook is loaded whole (a benchmark is a few hundred rows): refused first if it would unpack too large.
    const tooLarge = await zipLimitProblem(file.bytes, benchmarkZipLimits);
    if (tooLarge) return void fail(tooLarge);
    let sheets;
    try {
      sheets = await readXlsxSheets(file.bytes);
    } catch {
      return void fail('无法读取该Excel文件（文件已损坏，或不是 .xlsx 格式）');
    }
    for (const s of sheets) {
      const key = (Object.keys(sheetNames) as SheetKey[]).find((k) => s.name.trim() === sheetNames[k]);
      if (key) addSheet(out, key, s.table, `${file.name}：${s.name}`);
    }
    return;
  }
  if (/\.xlsx$/i.test(file.name)) return void fail('文件扩展名为 .xlsx，但内容不是Excel文件（可能已损坏）');
  const key = sheetOf(file.name);
  if (!key)
    return void fail(
      `无法从文件名判断是哪张表：CSV文件名须包含“${sheetNames.meta}”“${sheetNames.types}”或“${sheetNames.factors}”`,
    );
  if (file.bytes.subarray(0, 4096).includes(0) && !(file.bytes[0] === 0xff && file.bytes[1] === 0xfe))
    return void fail('文件不是文本（CSV）也不是 .xlsx');
  const decoded = decodeText(file.bytes);
  if (!decoded.ok) return void fail(decoded.problem);
  addSheet(out, key, readCsv(decoded.text), file.name);
}

export async function readBenchmarkFiles(
  files: BenchmarkFile[],
  defaults: TableDefaults,
  breathe: () => Promise<void> = async () => undefined,
): Promise<DiscretionBenchmark> {
  const out: ReadTables = { tables: {}, headers: {}, problems: [] };
  for (const f of files) {
    await breathe();
    await readOne(out, f);
  }
  const result = out.problems.length
    ? { ok: false as const, problems: out.problems }
    : readBenchmarkTables(out.tables, defaults, out.headers);
  if (result.ok) return result.benchmark;
  const shown = result.problems
    .slice(0, 5)
    .map((p) => `${p.sheet}${p.line ? `第${p.line}行` : ''}：${p.message}`)
    .join('；');
  throw new AppError(
    'VALIDATION',
    `裁量基准表有${result.problems.length}处问题，未导入。${shown}${result.problems.length > 5 ? '……' : ''}`,
    { problems: result.problems },
  );
}

/** What the table does not carry comes from the benchmark in use. */
export function tableDefaults(current: DiscretionBenchmark, version: string | undefined): TableDefaults {
  const bandModel = current.violations.map((v) => v.model).find((m) => m?.kind === 'bandPerLevel');
  return {
    ...(version ? { version } : {}),
    repetition: current.repetition,
    commonEvidence: current.commonEvidence,
    categoryCodes: Object.fromEntries(current.categories.map((c) => [c.name, c.code])),
    grades:
      current.model.kind === 'bandPerLevel'
        ? current.model.grades
        : bandModel?.kind === 'bandPerLevel'
          ? bandModel.grades
          : [
              { name: '从轻', upToScore: 0.5, from: 0, to: 0.5 },
              { name: '从重', upToScore: 1, from: 0.5, to: 1 },
            ],
  };
}
