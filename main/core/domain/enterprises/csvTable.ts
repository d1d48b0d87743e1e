/**
 * A CSV file as rows of cells, each with the line it starts on. Records are delimited here (a
 * quoted field may span lines) so that one broken record is reported with its line and the rest of
 * the file is still read; csv-parse splits the fields. A quote left open swallows at most
 * `maxRecordLines` lines before the record is declared broken and reading resumes on the next line.
 */
import { parse } from 'csv-parse/sync';
import type { Cell } from './row.js';

export interface TableRow { line: number; cells: Cell[] }
export interface LineIssue { line: number; message: string }
export interface Table { rows: TableRow[]; problems: LineIssue[] }

const maxRecordLines = 20;
const chunkRecords = 2000;

export function detectDelimiter(lines: readonly string[]): string {
  const sample = lines.filter((l) => l.trim()).slice(0, 5).join('\n').replace(/"[^"]*"/g, '');
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

interface RawRecord { line: number; lines: number; text: string }

/** Records of lines[from, to): a record is a line, or several when a quoted field spans them. */
function splitRecords(lines: readonly string[], from: number, to: number, delimiter: string, problems: LineIssue[]): RawRecord[] {
  const out: RawRecord[] = [];
  let i = from;
  while (i < to) {
    if (!lines[i]!.trim()) { i++; continue; }
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
    out.push({ line: i + 1, lines: j - i + 1, text: lines.slice(i, j + 1).join('\n') });
    i = j + 1;
  }
  return out;
}

function parseFields(text: string, delimiter: string): string[][] {
  return parse(text, { delimiter, relax_column_count: true, relax_quotes: false, skip_empty_lines: false, bom: false }) as string[][];
}

function explain(e: unknown): string {
  const code = (e as { code?: string }).code;
  if (code === 'CSV_INVALID_CLOSING_QUOTE') return '引号后紧跟其他字符（字段内的引号应写成两个引号""）';
  if (code === 'CSV_QUOTE_NOT_CLOSED') return '引号未闭合（"）';
  if (code === 'CSV_INVALID_OPENING_QUOTE' || code === 'INVALID_OPENING_QUOTE') return '字段中间出现引号（含引号的字段应整体用引号括起，内部引号写成两个引号""）';
  return '无法按CSV格式读取';
}

/**
 * Reads records one by one. A broken record that spans lines is most often a stray quote that
 * swallowed the lines after it: its first line is reported and the others are read again.
 */
function readOneByOne(records: readonly RawRecord[], lines: readonly string[], delimiter: string, rows: TableRow[], problems: LineIssue[]): void {
  for (const r of records) {
    try {
      rows.push({ line: r.line, cells: parseFields(r.text, delimiter)[0] ?? [] });
    } catch (e) {
      problems.push({ line: r.line, message: r.lines > 1 ? '引号未闭合（"），本行未能读取' : explain(e) });
      if (r.lines > 1) readOneByOne(splitRecords(lines, r.line, r.line - 1 + r.lines, delimiter, problems), lines, delimiter, rows, problems);
    }
  }
}

export function readCsv(text: string): Table {
  const lines = text.split(/\r\n|\n|\r/);
  const delimiter = detectDelimiter(lines);
  const problems: LineIssue[] = [];
  const records = splitRecords(lines, 0, lines.length, delimiter, problems);
  const rows: TableRow[] = [];
  for (let start = 0; start < records.length; start += chunkRecords) {
    const chunk = records.slice(start, start + chunkRecords);
    let parsed: string[][] | null = null;
    try {
      parsed = parseFields(chunk.map((r) => r.text).join('\n'), delimiter);
      if (parsed.length !== chunk.length) parsed = null;
    } catch {
      parsed = null;
    }
    if (parsed) chunk.forEach((r, k) => rows.push({ line: r.line, cells: parsed![k]! }));
    // Something in this chunk is broken: read its records one by one to find which.
    else readOneByOne(chunk, lines, delimiter, rows, problems);
  }
  rows.sort((a, b) => a.line - b.line);
  problems.sort((a, b) => a.line - b.line);
  return { rows, problems };
}
