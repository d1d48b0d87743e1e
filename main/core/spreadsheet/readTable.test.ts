import { describe, expect, it } from 'vitest';
import iconv from 'iconv-lite';
import ExcelJS from 'exceljs';
import { loadEnterpriseData } from '#core/enterpriseResources.js';
import { readTableFile } from './readTable.js';
import { readCsv } from '../domain/enterprises/csvTable.js';
import { decodeText } from '../domain/enterprises/decodeText.js';
import { syntheticDirectory } from '#core/seed/syntheticDirectory.js';
import { directoryXlsx } from '#core/seed/directoryFile.js';

const { columns } = loadEnterpriseData();
const csv =
  '单位名称,统一社会信用代码,地址\r\n天柱县仡佬族鑫源厂,91522627MA6DLX3K0X,"贵州省天柱县凤城街道\r\n（新区）1号"\r\n';

async function read(name: string, bytes: Uint8Array) {
  return readTableFile(name, bytes, 'auto', columns);
}

describe('reading a CSV in the encodings provinces use', () => {
  const expected = [
    { line: 1, cells: ['单位名称', '统一社会信用代码', '地址'] },
    { line: 2, cells: ['天柱县仡佬族鑫源厂', '91522627MA6DLX3K0X', '贵州省天柱县凤城街道\n（新区）1号'] },
  ];

  it('UTF-8 without and with BOM', async () => {
    const plain = await read('a.csv', Buffer.from(csv, 'utf8'));
    expect(plain).toMatchObject({
      ok: true,
      format: 'csv',
      encoding: 'UTF-8',
      table: { rows: expected, problems: [] },
    });
    const bom = await read('a.csv', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csv, 'utf8')]));
    expect(bom).toMatchObject({ ok: true, encoding: 'UTF-8（带BOM）', table: { rows: expected } });
  });

  it('GBK (what Excel on Chinese Windows saves as CSV), and UTF-16 with tabs', async () => {
    const gbk = await read('a.csv', iconv.encode(csv, 'gbk'));
    expect(gbk).toMatchObject({ ok: true, encoding: 'GB18030/GBK', table: { rows: expected } });
    const utf16 = await read(
      'a.txt',
      Buffer.concat([Buffer.from([0xff, 0xfe]), iconv.encode(csv.replace(/,/g, '\t'), 'utf-16le')]),
    );
    expect(utf16).toMatchObject({ ok: true, encoding: 'UTF-16', table: { rows: expected } });
  });

  it('reports bytes that are neither UTF-8 nor GBK, with the line', () => {
    const bytes = Buffer.concat([
      Buffer.from('单位名称,统一社会信用代码\n', 'utf8'),
      Buffer.from([0x41, 0xff, 0xff, 0x0a]),
    ]);
    const d = decodeText(bytes);
    expect(d).toEqual({ ok: false, problem: expect.stringContaining('无法识别文件编码') });
    expect(d.ok ? '' : d.problem).toContain('第2行');
    expect(decodeText(Buffer.from('名称', 'utf8'), 'gb18030')).toMatchObject({ ok: true });
  });

  it('refuses .xls, a damaged .xlsx and a binary file, each with what to do', async () => {
    expect(await read('a.xls', Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1]))).toMatchObject({
      ok: false,
      problem: expect.stringContaining('另存为'),
    });
    expect(await read('a.xlsx', Buffer.from([0x50, 0x4b, 0x03, 0x04, 1, 2, 3]))).toMatchObject({
      ok: false,
      format: 'xlsx',
      problem: expect.stringContaining('无法读取该Excel文件'),
    });
    expect(await read('a.xlsx', Buffer.from('not a workbook'))).toMatchObject({
      ok: false,
      problem: expect.stringContaining('不是Excel文件'),
    });
    expect(await read('a.csv', Buffer.from([1, 0, 2, 0, 3]))).toMatchObject({
      ok: false,
      problem: expect.stringContaining('不是文本'),
    });
    expect(await read('a.csv', Buffer.alloc(0))).toMatchObject({ ok: false, problem: '文件为空' });
  });
});

describe('broken CSV rows', () => {
  it('reports a bad quote and an unclosed quote by line and reads every other row', () => {
    const lines = [
      'a,b,c',
      '1,2,3',
      '"bad"x,5,6',
      '7,"he said ""hi""",9',
      '10,"never closed,12',
      '13,14,15',
      '',
      '16;x,17,18',
      'in"side,1,2',
    ];
    const t = readCsv(lines.join('\n'));
    expect(t.rows.map((r) => r.line)).toEqual([1, 2, 4, 6, 8]);
    expect(t.rows[2]!.cells).toEqual(['7', 'he said "hi"', '9']);
    expect(t.problems).toEqual([
      { line: 3, message: expect.stringContaining('引号后紧跟其他字符') },
      { line: 5, message: expect.stringContaining('引号未闭合') },
      { line: 9, message: expect.stringContaining('字段中间出现引号') },
    ]);
  });

  it('detects semicolons and tabs as the delimiter', () => {
    expect(readCsv('a;b\n1;2').rows[1]!.cells).toEqual(['1', '2']);
    expect(readCsv('a\tb\n1,5\t2').rows[1]!.cells).toEqual(['1,5', '2']);
  });
});

describe('reading .xlsx', () => {
  it('takes the sheet with the directory, keeps numbers as numbers and row numbers as Excel shows them', async () => {
    const wb = new ExcelJS.Workbook();
    wb.addWorksheet('说明').addRow(['本表为企业名录']);
    const ws = wb.addWorksheet('名录');
    ws.addRow(['贵州省企业名录（2026年）']);
    ws.addRow(['单位名称', '统一社会信用代码', '行政区划代码']);
    ws.addRow([{ richText: [{ text: '天柱' }, { text: '鑫源厂' }] }, '91522627MA6DLX3K0X', 522627]);
    ws.addRow([]);
    ws.addRow(['公式厂', { formula: 'B3', result: '91522627MA6DLX3K0X' }, 522627]);
    const r = await read('名录.xlsx', Buffer.from(await wb.xlsx.writeBuffer()));
    expect(r).toMatchObject({ ok: true, format: 'xlsx' });
    if (!r.ok) return;
    expect(r.table.rows).toEqual([
      { line: 1, cells: ['贵州省企业名录（2026年）'] },
      { line: 2, cells: ['单位名称', '统一社会信用代码', '行政区划代码'] },
      { line: 3, cells: ['天柱鑫源厂', '91522627MA6DLX3K0X', 522627] },
      { line: 5, cells: ['公式厂', '91522627MA6DLX3K0X', 522627] },
    ]);
  });
});

describe('a large .xlsx', () => {
  it('reads every Chinese character intact (exceljs streaming garbled some; see xlsxTable.ts)', async () => {
    const dir = syntheticDirectory(3000, { seed: 7 });
    const r = await read('big.xlsx', await directoryXlsx(dir.rows));
    if (!r.ok) throw new Error(r.problem);
    expect(r.table.rows).toHaveLength(3001);
    const text = r.table.rows.map((x) => x.cells.join('|')).join('\n');
    expect(text).not.toContain('\uFFFD');
    expect(r.table.rows[2000]!.cells[3]).toBe(dir.rows[1999]![3]);
  });
});
