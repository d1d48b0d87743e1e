/**
 * enterprises.import: a provincial directory (.xlsx or .csv) into the local directory. Every row is
 * checked; a bad row is reported with its line and reasons and the good rows are imported anyway.
 * Rows are written in batches, one transaction each, keyed by 统一社会信用代码: importing the same
 * file again changes nothing, a newer file updates the records in place. A file that cannot be
 * read or lacks the required columns gives a report that says why, and imports nothing.
 */
import { readFileSync, statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { setImmediate as yieldToEventLoop } from 'node:timers/promises';
import { AppError } from '../../../common/errors.js';
import type { EnterpriseImportReport, ImportLineProblem } from '../../../common/schemas/enterprises.js';
import { findHeader, fieldNames, type ColumnMap, type EnterpriseField, type HeaderMatch } from '../domain/enterprises/columns.js';
import type { TableRow } from '../domain/enterprises/csvTable.js';
import type { Encoding } from '../domain/enterprises/decodeText.js';
import { readTableFile } from '../domain/enterprises/readTable.js';
import { checkRow, type EnterpriseRecord } from '../domain/enterprises/row.js';
import type { RegionTable } from '../domain/enterprises/regions.js';
import type { EnterpriseStore } from '../store/enterpriseStore.js';
import { shownName } from './localFiles.js';

export interface EnterpriseImportContext {
  store: EnterpriseStore;
  regions: RegionTable;
  columns: ColumnMap;
  now: () => Date;
}

const batchSize = 10_000;
const listLimit = 1000;
const maxFileBytes = 64 * 1024 * 1024;

export function readEnterpriseFile(path: string): { name: string; bytes: Uint8Array; uploaded: false } {
  const file = resolve(path);
  let size = -1;
  try {
    const st = statSync(file);
    if (st.isFile()) size = st.size;
  } catch {
    /* reported below */
  }
  if (size < 0) throw new AppError('NOT_FOUND', `找不到文件：${shownName(path)}`);
  if (size > maxFileBytes) throw new AppError('FILE_TOO_LARGE', `文件过大（不超过${maxFileBytes / 1024 / 1024}MB）`);
  return { name: basename(file), bytes: readFileSync(file), uploaded: false };
}

function emptyReport(fileName: string): EnterpriseImportReport {
  return {
    fileName, format: 'unknown', encoding: '', fileProblems: [], headerLine: null, columns: {}, rows: 0,
    added: 0, updated: 0, unchanged: 0, rejected: 0, rejectedRows: [], warnings: [], warningCount: 0, listLimit, milliseconds: 0,
  };
}

const isBlank = (cells: ReadonlyArray<string | number>): boolean => cells.every((c) => String(c ?? '').trim() === '');

interface CheckedRows {
  good: EnterpriseRecord[];
  rejected: ImportLineProblem[];
  warnings: ImportLineProblem[];
}

/** Every data row checked; the second row with a code already seen in the file is refused. */
function checkRows(ctx: EnterpriseImportContext, rows: readonly TableRow[], header: HeaderMatch): CheckedRows {
  const out: CheckedRows = { good: [], rejected: [], warnings: [] };
  const firstLineOf = new Map<string, number>();
  for (const row of rows) {
    if (isBlank(row.cells)) continue;
    const checked = checkRow(row.cells, { header, regions: ctx.regions, columns: ctx.columns });
    const name = checked.record?.name ?? String(row.cells[header.index.name!] ?? '').trim();
    const uscc = checked.record?.uscc ?? String(row.cells[header.index.uscc!] ?? '').trim().toUpperCase();
    const earlier = checked.record ? firstLineOf.get(checked.record.uscc) : undefined;
    if (earlier !== undefined) checked.errors.push(`统一社会信用代码与第${earlier}行重复（同一文件中只导入第一次出现的行）`);
    if (checked.errors.length || !checked.record) {
      out.rejected.push({ line: row.line, uscc, name, reasons: checked.errors });
      continue;
    }
    firstLineOf.set(checked.record.uscc, row.line);
    out.good.push(checked.record);
    if (checked.warnings.length) out.warnings.push({ line: row.line, uscc, name, reasons: checked.warnings });
  }
  return out;
}

/**
 * `quote`: the file was uploaded, so its first line may be shown back to the one who sent it. A
 * file read by path is never quoted (issue 11: /etc/shadow's first line came back here).
 */
function missingColumns(rows: readonly TableRow[], header: { row: number; match: HeaderMatch } | null, columns: ColumnMap, quote: boolean): string {
  const first = rows[header?.row ?? 0];
  const missing = (header?.match.missingRequired ?? columns.required).map((f) => fieldNames[f]);
  const found = first?.cells.map((c) => String(c ?? '').trim()).filter(Boolean).slice(0, 20).join('、');
  return `缺少必需的列：${missing.join('、')}。`
    + (!first ? '文件中没有内容。' : quote ? `文件第${first.line}行的列为：${found || '（空）'}。` : `文件前${Math.min(rows.length, 10)}行中没有可识别的表头。`)
    + '可识别的列名见 resources/enterprises/columns.json';
}

export async function importEnterpriseFile(
  ctx: EnterpriseImportContext, file: { name: string; bytes: Uint8Array; uploaded?: boolean }, encoding: Encoding,
): Promise<EnterpriseImportReport> {
  const t0 = performance.now();
  const report = emptyReport(basename(file.name));
  const done = (): EnterpriseImportReport => ({ ...report, milliseconds: Math.round(performance.now() - t0) });
  const read = await readTableFile(file.name, file.bytes, encoding, ctx.columns);
  report.format = read.format;
  report.encoding = read.encoding;
  if (!read.ok) {
    report.fileProblems.push(read.problem);
    return done();
  }
  const { rows, problems } = read.table;
  const header = findHeader(rows.slice(0, 10).map((r) => ({ line: r.line, cells: r.cells.map((c) => String(c ?? '')) })), ctx.columns);
  if (!header || header.match.missingRequired.length) {
    report.fileProblems.push(missingColumns(rows, header, ctx.columns, file.uploaded === true));
    return done();
  }
  const headerLine = rows[header.row]!.line;
  report.headerLine = headerLine;
  report.columns = Object.fromEntries(Object.entries(header.match.found).map(([f, h]) => [fieldNames[f as EnterpriseField], h]));

  const { good, rejected, warnings } = checkRows(ctx, rows.slice(header.row + 1), header.match);
  rejected.push(...problems.filter((p) => p.line > headerLine).map((p) => ({ line: p.line, uscc: '', name: '', reasons: [p.message] })));
  const meta = { source: report.fileName, importedAt: ctx.now().toISOString() };
  for (let start = 0; start < good.length; start += batchSize) {
    for (const o of ctx.store.importBatch(good.slice(start, start + batchSize), meta)) report[o]++;
    // Let other requests (a search, the UI's status) through between batches of a large file.
    if (start + batchSize < good.length) await yieldToEventLoop();
  }
  rejected.sort((a, b) => a.line - b.line);
  report.rows = good.length + rejected.length;
  report.rejected = rejected.length;
  report.rejectedRows = rejected.slice(0, listLimit);
  report.warningCount = warnings.length;
  report.warnings = warnings.slice(0, listLimit);
  return done();
}
