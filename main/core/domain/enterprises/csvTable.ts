/**
 * A CSV file as rows of cells, each with the line it starts on. Records are delimited here (a
 * quoted field may span lines) so that one broken record is reported with its line and the rest of
 * the file is still read; csv-parse splits the fields. A quote left open swallows at most
 * `maxRecordLines` lines before the record is declared broken and reading resumes on the next line.
 */
import { parse } from 'csv-parse/sync';
import type { Cell } from './cell.js';

export interface TableRow {
  line: number;
  cells: Cell[];
}
export interface LineIssue {
  line: number;
  message: string;
}
export interface Table {
  rows: TableRow[];
  problems: LineIssue[];
}

const maxRecordLines = 20;
const chunkRecords = 2000;

export function detectDelimiter(lines: readonly string[]): string {
  const sample = lines
    .filter((l) => l.trim())
    .slice(0, 5)
    .join('\n')
    .replace(/"[^"]*"/g, '');
  const counts = [',', '\t', ';', '|'].map((d) => [d, sample.split(d).length - 1] as const);
  const best = counts.reduce((a, b) => (b[1] > a[1] ? b : a));
  return best[1] > 0 ? best[0] : ',';
}

/** Does a quoted field remain open at the end of this line, given the state at its start? */
function openAfter(line: string, delimiter: string, open: boolean): boolean {
  let inQuotes = open;
  let fieldStart = !open;
  for (let i = 0; i < line.length; i++) {
    const c = line[i];
    if (inQuotes) {
      if (c === '"') {
        if (line[i + 1] === '"') i++;
        else inQuotes = false;
      }
    } else if (c === '"' && fieldStart) {
      inQuotes = true;
    }
    fieldStart = !inQuotes && c === delimiter;
  }
  return inQuotes;
}

interface RawRecord {
  line: number;
  lines: number;
  text: string;
}

/** Records of lines[from, to): a record is a line, or several when a quoted field spans them. */
function* recordsOf(
  lines: readonly string[],
  from: number,
  to: number,
  delimiter: string,
  problems: LineIssue[],
): Generator<RawRecord, void, void> {
  let i = from;
  while (i < to) {
    if (!lines[i]!.trim()) {
      i++;
      continue;
    }
    let j = i;
    let open = openAfter(lines[i]!, delimiter, false);
    while (open && j + 1 < to && j - i < maxRecordLines) {
      j++;
      open = openAfter(lines[j]!, delimiter, true);
    }
    if (open) {
      problems.push({ line: i + 1, message: '引号未闭合（"），本行未能读取' });
      i++;
      continue;
    }
    yield { line: i + 1, lines: j - i + 1, text: lines.slice(i, j + 1).join('\n') };
    i = j + 1;
  }
}

function parseFields(text: string, delimiter: string): string[][] {
  return parse(text, {
    delimiter,
    relax_column_count: true,
    relax_quotes: false,
    skip_empty_lines: false,
    bom: false,
  }) as string[][];
}

function explain(e: unknown): string {
  const code = (e as { code?: string }).code;
  if (code === 'CSV_INVALID_CLOSING_QUOTE') return '引号后紧跟其他字符（字段内的引号应写成两个引号""）';
  if (code === 'CSV_QUOTE_NOT_CLOSED') return '引号未闭合（"）';
  if (code === 'CSV_INVALID_OPENING_QUOTE' || code === 'INVALID_OPENING_QUOTE')
    return '字段中间出现引号（含引号的字段应整体用引号括起，内部引号写成两个引号""）';
  return '无法按CSV格式读取';
}

/**
 * Reads records one by one. A broken record that spans lines is most often a stray quote that
 * swallowed the lines after it: its first line is reported and the others are read again.
 */
function readOneByOne(
  records: readonly RawRecord[],
  lines: readonly string[],
  delimiter: string,
  rows: TableRow[],
  problems: LineIssue[],
): void {
  for (const r of records) {
    try {
      rows.push({ line: r.line, cells: parseFields(r.text, delimiter)[0] ?? [] });
    } catch (e) {
      problems.push({ line: r.line, message: r.lines > 1 ? '引号未闭合（"），本行未能读取' : explain(e) });
      if (r.lines > 1)
        readOneByOne(
          [...recordsOf(lines, r.line, r.line - 1 + r.lines, delimiter, problems)],
          lines,
          delimiter,
          rows,
          problems,
        );
    }
  }
}

export function readCsv(text: string): Table {
  const problems: LineIssue[] = [];
  const rows: TableRow[] = [];
  for (const chunk of csvRowChunks(text, problems)) rows.push(...chunk);
  rows.sort((a, b) => a.line - b.line);
  problems.sort((a, b) => a.line - b.line);
  return { rows, problems };
}

/** Characters split into lines at a time: a step each (splitting 27 MB at once took 0.2 s). */
const sliceChars = 1024 * 1024;

/** The lines of the text as `text.split(/\r\n|\n|\r/)` gives them, a slice at a time (an empty chunk between slices). */
function* linesOf(text: string): Generator<TableRow[], string[], void> {
  if (!text) return [''];
  const lines: string[] = [];
  for (let at = 0; at < text.length; ) {
    // Cut after a \n, so that a \r\n is never split between two slices.
    const nl = text.indexOf('\n', at + sliceChars);
    const end = nl < 0 ? text.length : nl + 1;
    const part = text.slice(at, end).split(/\r\n|\n|\r/);
    if (end < text.length) part.pop();
    for (const l of part) lines.push(l);
    at = end;
    if (at < text.length) yield [];
  }
  return lines;
}

function parseChunk(
  chunk: readonly RawRecord[],
  lines: readonly string[],
  delimiter: string,
  problems: LineIssue[],
): TableRow[] {
  const rows: TableRow[] = [];
  let parsed: string[][] | null = null;
  try {
    parsed = parseFields(chunk.map((r) => r.text).join('\n'), delimiter);
    if (parsed.length !== chunk.length) parsed = null;
  } catch {
    parsed = null;
  }
  if (parsed) {
    for (const [k, r] of chunk.entries()) rows.push({ line: r.line, cells: parsed[k]! });
  } else {
    // Something in this chunk is broken: read its records one by one to find which.
    readOneByOne(chunk, lines, delimiter, rows, problems);
  }
  return rows.sort((a, b) => a.line - b.line);
}

/**
 * The rows of a CSV text, chunk by chunk, in the order of their lines: each chunk (maybe empty) is a
 * step after which a job lets other requests through. Broken records go to `problems`.
 */
export function* csvRowChunks(text: string, problems: LineIssue[]): Generator<TableRow[], void, void> {
  const lines = yield* linesOf(text);
  const delimiter = detectDelimiter(lines);
  let chunk: RawRecord[] = [];
  for (const record of recordsOf(lines, 0, lines.length, delimiter, problems)) {
    chunk.push(record);
    if (chunk.length === chunkRecords) {
      yield parseChunk(chunk, lines, delimiter, problems);
      chunk = [];
    }
  }
  if (chunk.length) yield parseChunk(chunk, lines, delimiter, problems);
}
