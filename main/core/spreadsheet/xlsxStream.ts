/**
 * The rows of an .xlsx read as a stream, in bounded memory: the zip's directory is checked first
 * (zipLimits.ts), the shared strings are read, then a worksheet's XML is unpacked and parsed a chunk at
 * a time (saxes) and its rows handed over in batches, never the whole workbook at once (exceljs' load
 * took ~1.2 GB for 90,910 rows). Each chunk is decoded with a streaming TextDecoder, so a Chinese
 * character cut between two chunks stays whole — exceljs' own streaming reader garbled it (贵阳市 →
 * 贵阳���) and writes worksheets to temporary files.
 *
 * Values as the importers read them (as xlsxTable.ts gives them from exceljs): text, numbers as
 * numbers (a code Excel stored as a number is reported, not guessed), booleans 是/否, ISO dates
 * (t="d") as YYYY-MM-DD, errors empty, a formula's cached result. A number styled as a date stays
 * a number (the directory has no dates).
 */
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import type yauzl from 'yauzl';
import type { Cell } from '../domain/enterprises/cell.js';
import type { TableRow } from '../domain/enterprises/csvTable.js';
import { openZip, xlsxLimits, type OpenZip, type ZipLimits } from './zipLimits.js';

/** The sheet has more rows than allowed: the message is for the user. */
export class TooManyRows extends Error {
  constructor(readonly maxRows: number) {
    super(
      `表格超过${maxRows.toLocaleString('en')}行，未导入。请把表格拆分为几个文件（每个不超过${maxRows.toLocaleString('en')}行）分别导入`,
    );
  }
}

export interface SheetRef {
  name: string;
  path: string;
}

async function textOf(zip: OpenZip, entry: yauzl.Entry): Promise<string> {
  const decoder = new TextDecoder('utf-8');
  let out = '';
  for await (const chunk of (await zip.open(entry)) as AsyncIterable<Buffer>)
    out += decoder.decode(chunk, { stream: true });
  return out + decoder.decode();
}

/** Feeds an entry's XML to a parser a chunk at a time; `afterChunk` may hand over what was gathered. */
async function* parseEntry<T>(
  zip: OpenZip,
  entry: yauzl.Entry,
  parser: SaxesParser,
  take: () => T[],
): AsyncGenerator<T[]> {
  const decoder = new TextDecoder('utf-8');
  const stream = (await zip.open(entry)) as NodeJS.ReadableStream & AsyncIterable<Buffer> & { destroy(): void };
  try {
    for await (const chunk of stream) {
      parser.write(decoder.decode(chunk, { stream: true }));
      const got = take();
      if (got.length) yield got;
    }
    parser.write(decoder.decode());
    parser.close();
    const rest = take();
    if (rest.length) yield rest;
  } finally {
    // A sheet left early (the header was elsewhere, too many rows): stop unpacking it.
    stream.destroy();
  }
}

const attr = (tag: SaxesTagPlain, name: string): string | undefined => {
  const v = tag.attributes[name];
  return typeof v === 'string' ? v : undefined;
};

/** `xl/workbook.xml` and its relationships: the sheets in the order Excel shows them. */
async function sheetsOf(zip: OpenZip): Promise<SheetRef[]> {
  const book = zip.entries.get('xl/workbook.xml');
  const rels = zip.entries.get('xl/_rels/workbook.xml.rels');
  const fallback = [...zip.entries.keys()]
    .filter((n) => /^xl\/worksheets\/sheet\d+\.xml$/.test(n))
    .sort((a, b) => Number(/(\d+)\.xml$/.exec(a)![1]) - Number(/(\d+)\.xml$/.exec(b)![1]))
    .map((path, i) => ({ name: `Sheet${i + 1}`, path }));
  if (!book || !rels) return fallback;
  const targets = new Map<string, string>();
  const relParser = new SaxesParser();
  relParser.on('opentag', (t) => {
    if (t.name === 'Relationship') targets.set(attr(t, 'Id') ?? '', attr(t, 'Target') ?? '');
  });
  relParser.write(await textOf(zip, rels)).close();
  const sheets: SheetRef[] = [];
  const bookParser = new SaxesParser();
  bookParser.on('opentag', (t) => {
    if (t.name !== 'sheet') return;
    const target = targets.get(attr(t, 'r:id') ?? '') ?? '';
    const path = target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`;
    if (zip.entries.has(path)) sheets.push({ name: attr(t, 'name') ?? '', path });
  });
  bookParser.write(await textOf(zip, book)).close();
  return sheets.length ? sheets : fallback;
}

/** The shared strings, each the text of its runs (phonetic guides <rPh> left out). */
async function sharedStringsOf(zip: OpenZip): Promise<string[]> {
  const entry = zip.entries.get('xl/sharedStrings.xml');
  if (!entry) return [];
  const out: string[] = [];
  const parser = new SaxesParser();
  let current = '';
  let inText = false;
  let phonetic = 0;
  parser.on('opentag', (t) => {
    if (t.name === 'si') current = '';
    else if (t.name === 'rPh') phonetic++;
    else if (t.name === 't' && !phonetic) inText = true;
  });
  parser.on('text', (x) => {
    if (inText) current += x;
  });
  parser.on('closetag', (t) => {
    if (t.name === 't') inText = false;
    else if (t.name === 'rPh') phonetic--;
    else if (t.name === 'si') out.push(current);
  });
  for await (const _ of parseEntry(zip, entry, parser, () => [])) {
    /* strings gathered above */
  }
  return out;
}

/** A1 → 0-based column (A → 0, AA → 26). */
function columnOf(ref: string | undefined): number | null {
  const m = ref ? /^([A-Z]+)/.exec(ref) : null;
  if (!m) return null;
  let n = 0;
  for (const ch of m[1]!) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}

function cellValue(type: string | undefined, v: string, inline: string, shared: readonly string[]): Cell {
  switch (type) {
    case 's':
      return shared[Number(v)] ?? '';
    case 'inlineStr':
      return inline;
    case 'str':
      return v;
    case 'b':
      return v.trim() === '1' ? '是' : '否';
    case 'e':
      return '';
    case 'd':
      return v.slice(0, 10);
    default: {
      if (v.trim() === '') return '';
      const n = Number(v);
      return Number.isFinite(n) ? n : v;
    }
  }
}

/** A worksheet's non-empty rows, in batches, each with its Excel row number. */
function sheetRows(zip: OpenZip, sheet: SheetRef, shared: readonly string[]): AsyncGenerator<TableRow[]> {
  const entry = zip.entries.get(sheet.path)!;
  const parser = new SaxesParser();
  let rows: TableRow[] = [];
  let line = 0;
  let cells: Cell[] = [];
  let col = 0;
  let type: string | undefined;
  let v = '';
  let inline = '';
  let where: 'v' | 'is' | null = null;
  let inText = false;
  let phonetic = 0;
  parser.on('opentag', (t) => {
    switch (t.name) {
      case 'row': {
        const r = Number(attr(t, 'r'));
        line = Number.isInteger(r) && r > 0 ? r : line + 1;
        cells = [];
        col = 0;
        break;
      }
      case 'c':
        col = columnOf(attr(t, 'r')) ?? col;
        type = attr(t, 't');
        v = '';
        inline = '';
        break;
      case 'v':
        where = 'v';
        break;
      case 'is':
        where = 'is';
        break;
      case 'rPh':
        phonetic++;
        break;
      case 't':
        inText = where === 'is' && !phonetic;
        break;
      default:
        break;
    }
  });
  parser.on('text', (x) => {
    if (where === 'v') v += x;
    else if (inText) inline += x;
  });
  parser.on('closetag', (t) => {
    switch (t.name) {
      case 'v':
        where = null;
        break;
      case 'is':
        where = null;
        break;
      case 't':
        inText = false;
        break;
      case 'rPh':
        phonetic--;
        break;
      case 'c': {
        while (cells.length < col) cells.push('');
        cells[col] = cellValue(type, v, inline, shared);
        col++;
        break;
      }
      case 'row':
        if (cells.some((c) => String(c).trim() !== '')) rows.push({ line, cells });
        break;
      default:
        break;
    }
  });
  return parseEntry(zip, entry, parser, () => {
    const out = rows;
    rows = [];
    return out;
  });
}

export interface XlsxRows {
  sheet: SheetRef;
  /** The rows in batches; the first batch holds the first rows that were looked at to choose the sheet. */
  batches: AsyncGenerator<TableRow[]>;
}

export interface ReadOptions {
  /** Is this the sheet (given its first rows, at most `lookAhead`)? The first sheet is taken when none is. */
  choose(firstRows: readonly TableRow[]): boolean;
  lookAhead?: number;
  maxRows: number;
  limits?: ZipLimits;
}

/**
 * Opens the workbook and chooses its sheet. Throws ZipRefused (limits), TooManyRows (while reading the
 * batches), or another error for a file that is not a readable .xlsx. Null when it has no worksheet.
 */
export async function readXlsxRows(bytes: Uint8Array, opts: ReadOptions): Promise<XlsxRows | null> {
  const zip = await openZip(bytes, opts.limits ?? xlsxLimits);
  try {
    const sheets = await sheetsOf(zip);
    if (!sheets.length) {
      zip.close();
      return null;
    }
    const shared = await sharedStringsOf(zip);
    const lookAhead = opts.lookAhead ?? 10;
    let first: { sheet: SheetRef; rows: TableRow[] } | null = null;
    for (const sheet of sheets) {
      const batches = sheetRows(zip, sheet, shared);
      const head: TableRow[] = [];
      while (head.length < lookAhead) {
        const next = await batches.next();
        if (next.done) break;
        head.push(...next.value);
      }
      if (!first) first = { sheet, rows: head.slice(0, lookAhead) };
      if (opts.choose(head.slice(0, lookAhead)))
        return { sheet, batches: capped(withHead(head, batches), opts.maxRows, zip) };
      await batches.return(undefined);
    }
    // No sheet has the header: the first one's first rows, for the report to say what it found.
    return { sheet: first!.sheet, batches: capped(withHead(first!.rows, emptyRows()), opts.maxRows, zip) };
  } catch (e) {
    zip.close();
    throw e;
  }
}

async function* emptyRows(): AsyncGenerator<TableRow[]> {
  /* nothing more */
}

async function* withHead(head: TableRow[], rest: AsyncGenerator<TableRow[]>): AsyncGenerator<TableRow[]> {
  if (head.length) yield head;
  yield* rest;
}

async function* capped(batches: AsyncGenerator<TableRow[]>, maxRows: number, zip: OpenZip): AsyncGenerator<TableRow[]> {
  let n = 0;
  try {
    for await (const b of batches) {
      n += b.length;
      // The header row counts too: a file of exactly maxRows data rows still passes.
      if (n > maxRows + 1) throw new TooManyRows(maxRows);
      yield b;
    }
  } finally {
    await batches.return(undefined);
    zip.close();
  }
}
