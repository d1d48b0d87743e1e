/**
 * enterprises.import: a provincial directory (.xlsx or .csv) into the local directory. Every row is
 * checked; a bad row is reported with its line and reasons and the good rows are imported anyway,
 * keyed by 统一社会信用代码: importing the same file again changes nothing, a newer file updates the
 * records in place. A file that cannot be read, lacks the required columns, has more than
 * `maxTableRows` rows or unpacks beyond the limits gives a report that says why, and imports nothing.
 *
 * It runs as a job (jobs/jobRunner.ts), in two stages: the whole file is read and checked first
 * (decoded and parsed a slice at a time, the .xlsx as a stream), writing nothing; then the good rows
 * are written in short transactions (about `writeSliceMs` each), other requests answered in between.
 * All or nothing: a cancel, or a failure while writing, undoes what was written
 * (EnterpriseStore.undoImport), so the directory is as before the job. Meanwhile a search may see
 * part of the import; a crash in the middle of the writes leaves the rows written so far, and
 * importing the file again completes them.
 */
import { readFileSync, statSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { AppError } from '#common/errors.js';
import type { EnterpriseImportReport, ImportLineProblem } from '#common/schemas/enterprises.js';
import {
  findHeader,
  fieldNames,
  type ColumnMap,
  type EnterpriseField,
  type HeaderMatch,
} from '#core/domain/enterprises/columns.js';
import type { TableRow } from '#core/domain/enterprises/csvTable.js';
import type { Encoding } from '#core/domain/enterprises/decodeText.js';
import { maxTableRows, openTableFile, readingProblem } from '#core/spreadsheet/readTable.js';
import { checkRow, type EnterpriseRecord } from '#core/domain/enterprises/row.js';
import type { RegionTable } from '#core/domain/enterprises/regions.js';
import type { EnterpriseStore, EnterpriseUndo } from '#core/store/enterpriseStore.js';
import { JobCancelled, noJob, type JobControl } from '#core/jobs/jobRunner.js';
import { TooManyRows } from '#core/spreadsheet/xlsxStream.js';
import { shownName } from './fileNames.js';

export interface EnterpriseImportContext {
  store: EnterpriseStore;
  regions: RegionTable;
  columns: ColumnMap;
  now: () => Date;
}

/** A write transaction's length before other requests get their turn; the rows per transaction follow from it. */
const writeSliceMs = 25;
/** Rows checked between two chances for other requests. */
const checkChunk = 500;
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
    fileName,
    format: 'unknown',
    encoding: '',
    fileProblems: [],
    headerLine: null,
    columns: {},
    rows: 0,
    added: 0,
    updated: 0,
    unchanged: 0,
    rejected: 0,
    rejectedRows: [],
    warnings: [],
    warningCount: 0,
    listLimit,
    milliseconds: 0,
  };
}

const isBlank = (cells: ReadonlyArray<string | number>): boolean => cells.every((c) => String(c ?? '').trim() === '');

interface CheckedRows {
  good: EnterpriseRecord[];
  rejected: ImportLineProblem[];
  warnings: ImportLineProblem[];
}

/** Checks data rows as they come; the second row with a code already seen in the file is refused. */
function rowChecker(ctx: EnterpriseImportContext, header: HeaderMatch) {
  const out: CheckedRows = { good: [], rejected: [], warnings: [] };
  const firstLineOf = new Map<string, number>();
  const check = (row: TableRow): void => {
    if (isBlank(row.cells)) return;
    const checked = checkRow(row.cells, { header, regions: ctx.regions, columns: ctx.columns });
    const name = checked.record?.name ?? String(row.cells[header.index.name!] ?? '').trim();
    const uscc =
      checked.record?.uscc ??
      String(row.cells[header.index.uscc!] ?? '')
        .trim()
        .toUpperCase();
    const earlier = checked.record ? firstLineOf.get(checked.record.uscc) : undefined;
    if (earlier !== undefined)
      checked.errors.push(`统一社会信用代码与第${earlier}行重复（同一文件中只导入第一次出现的行）`);
    if (checked.errors.length || !checked.record) {
      out.rejected.push({ line: row.line, uscc, name, reasons: checked.errors });
      return;
    }
    firstLineOf.set(checked.record.uscc, row.line);
    out.good.push(checked.record);
    if (checked.warnings.length) out.warnings.push({ line: row.line, uscc, name, reasons: checked.warnings });
  };
  return { out, check };
}

/**
 * `quote`: the file was uploaded, so its first line may be shown back to the one who sent it. A
 * file read by path is never quoted (/etc/shadow's first line came back here).
 */
function missingColumns(
  rows: readonly TableRow[],
  header: { row: number; match: HeaderMatch } | null,
  columns: ColumnMap,
  quote: boolean,
): string {
  const first = rows[header?.row ?? 0];
  const missing = (header?.match.missingRequired ?? columns.required).map((f) => fieldNames[f]);
  const found = first?.cells
    .map((c) => String(c ?? '').trim())
    .filter(Boolean)
    .slice(0, 20)
    .join('、');
  return (
    `缺少必需的列：${missing.join('、')}。` +
    (!first
      ? '文件中没有内容。'
      : quote
        ? `文件第${first.line}行的列为：${found || '（空）'}。`
        : `文件前${Math.min(rows.length, 10)}行中没有可识别的表头。`) +
    '请按企业名录导入模板的列名（单位名称、统一社会信用代码等）填写表头'
  );
}

class FileProblem extends Error {}

export async function importEnterpriseFile(
  ctx: EnterpriseImportContext,
  file: { name: string; bytes: Uint8Array; uploaded?: boolean },
  encoding: Encoding,
  ctl: JobControl = noJob,
): Promise<EnterpriseImportReport> {
  const t0 = performance.now();
  const report = emptyReport(basename(file.name));
  const done = (): EnterpriseImportReport => ({ ...report, milliseconds: Math.round(performance.now() - t0) });
  ctl.progress('读取文件', 0, null);
  const source = await openTableFile(file.name, file.bytes, encoding, ctx.columns, () => ctl.breathe());
  report.format = source.format;
  report.encoding = source.encoding;
  if (!source.ok) {
    report.fileProblems.push(source.problem);
    return done();
  }

  // Stage 1: read and check every row; nothing is written yet.
  const head: TableRow[] = [];
  let header: { row: number; match: HeaderMatch } | null = null;
  let checker: ReturnType<typeof rowChecker> | null = null;
  let read = 0;
  const take = async (rows: readonly TableRow[]): Promise<void> => {
    for (let i = 0; i < rows.length; i += checkChunk) {
      for (const row of rows.slice(i, i + checkChunk)) checker!.check(row);
      ctl.progress('读取和校验', read, null);
      await ctl.breathe();
    }
  };
  const findHeaderIn = (rows: readonly TableRow[]) =>
    findHeader(
      rows.slice(0, 10).map((r) => ({ line: r.line, cells: r.cells.map((c) => String(c ?? '')) })),
      ctx.columns,
    );
  try {
    for await (const batch of source.batches) {
      read += batch.length;
      if (read > maxTableRows + 1) throw new TooManyRows(maxTableRows);
      if (checker) {
        await take(batch);
        continue;
      }
      head.push(...batch);
      if (head.length < 10) continue;
      header = findHeaderIn(head);
      if (!header || header.match.missingRequired.length)
        throw new FileProblem(missingColumns(head, header, ctx.columns, file.uploaded === true));
      checker = rowChecker(ctx, header.match);
      await take(head.slice(header.row + 1));
    }
    if (!checker) {
      header = findHeaderIn(head);
      if (!header || header.match.missingRequired.length)
        throw new FileProblem(missingColumns(head, header, ctx.columns, file.uploaded === true));
      checker = rowChecker(ctx, header.match);
      await take(head.slice(header.row + 1));
    }
  } catch (e) {
    if (e instanceof JobCancelled) throw e;
    report.fileProblems.push(e instanceof FileProblem ? e.message : readingProblem(e));
    return done();
  }
  const headerLine = head[header!.row]!.line;
  report.headerLine = headerLine;
  report.columns = Object.fromEntries(
    Object.entries(header!.match.found).map(([f, h]) => [fieldNames[f as EnterpriseField], h]),
  );
  const { good, rejected, warnings } = checker.out;
  rejected.push(
    ...source.problems
      .filter((p) => p.line > headerLine)
      .map((p) => ({ line: p.line, uscc: '', name: '', reasons: [p.message] })),
  );

  // Stage 2: write, a short transaction at a time; undone whole if cancelled or failed.
  await writeAll(ctx, good, { source: report.fileName, importedAt: ctx.now().toISOString() }, report, ctl);
  rejected.sort((a, b) => a.line - b.line);
  report.rows = good.length + rejected.length;
  report.rejected = rejected.length;
  report.rejectedRows = rejected.slice(0, listLimit);
  report.warningCount = warnings.length;
  report.warnings = warnings.slice(0, listLimit);
  return done();
}

async function writeAll(
  ctx: EnterpriseImportContext,
  good: readonly EnterpriseRecord[],
  meta: { source: string; importedAt: string },
  counts: Record<'added' | 'updated' | 'unchanged', number>,
  ctl: JobControl,
  sliceMs = writeSliceMs,
): Promise<void> {
  const undo: EnterpriseUndo[] = [];
  let rowsPerSlice = 100;
  try {
    for (let start = 0; start < good.length; ) {
      ctl.progress('写入企业名录', start, good.length);
      await ctl.breathe();
      const t = performance.now();
      const slice = good.slice(start, start + rowsPerSlice);
      for (const o of ctx.store.importBatch(slice, meta, undo)) counts[o]++;
      start += slice.length;
      // As many rows as fit in the time of a slice, next time.
      rowsPerSlice = Math.max(
        50,
        Math.min(20_000, Math.round((slice.length * sliceMs) / Math.max(1, performance.now() - t))),
      );
    }
    ctl.progress('写入企业名录', good.length, good.length);
  } catch (e) {
    ctl.pastCancelling('撤销已写入的数据');
    await undoAll(ctx, undo, ctl);
    throw e;
  }
}

/**
 * The directory as the province publishes it through sync: rows already split into cells, with the
 * header row of a provincial export. Checked and written as a file's rows are (the same checks, the
 * same keyed writes, all undone on failure), without a file to decode; `sliceMs` is how long one
 * write transaction may hold the database before other requests get their turn.
 */
export async function importEnterpriseRows(
  ctx: EnterpriseImportContext,
  source: string,
  header: readonly string[],
  rows: ReadonlyArray<ReadonlyArray<string | number>>,
  ctl: JobControl = noJob,
  sliceMs = writeSliceMs,
): Promise<EnterpriseImportReport> {
  const t0 = performance.now();
  const report = emptyReport(source);
  const done = (): EnterpriseImportReport => ({ ...report, milliseconds: Math.round(performance.now() - t0) });
  const headerRow: TableRow = { line: 1, cells: [...header] };
  const match = findHeader([{ line: 1, cells: [...header] }], ctx.columns);
  if (!match || match.match.missingRequired.length) {
    report.fileProblems.push(missingColumns([headerRow], match, ctx.columns, true));
    return done();
  }
  report.headerLine = 1;
  report.columns = Object.fromEntries(
    Object.entries(match.match.found).map(([f, h]) => [fieldNames[f as EnterpriseField], h]),
  );
  const checker = rowChecker(ctx, match.match);
  for (let i = 0; i < rows.length; i += checkChunk) {
    for (let k = i; k < Math.min(rows.length, i + checkChunk); k++)
      checker.check({ line: k + 2, cells: rows[k] as Array<string | number> });
    ctl.progress('校验企业名录', i, rows.length);
    await ctl.breathe();
  }
  const { good, rejected, warnings } = checker.out;
  await writeAll(ctx, good, { source, importedAt: ctx.now().toISOString() }, report, ctl, sliceMs);
  report.rows = good.length + rejected.length;
  report.rejected = rejected.length;
  report.rejectedRows = rejected.slice(0, listLimit);
  report.warningCount = warnings.length;
  report.warnings = warnings.slice(0, listLimit);
  return done();
}

async function undoAll(ctx: EnterpriseImportContext, undo: readonly EnterpriseUndo[], ctl: JobControl): Promise<void> {
  const step = 500;
  try {
    for (let end = undo.length; end > 0; end -= step) {
      ctl.progress('撤销已写入的数据', undo.length - end, undo.length);
      ctx.store.undoImport(undo.slice(Math.max(0, end - step), end));
      await ctl.breathe();
    }
  } catch (e) {
    console.error('[anjuan] enterprise import: undo failed', e);
    throw new AppError(
      'INTERNAL',
      '导入中止，撤销已写入的企业时出错：名录中可能已有本文件的部分企业。请重新导入同一文件（已导入的不会重复）',
    );
  }
}
