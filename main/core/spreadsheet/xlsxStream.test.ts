import { describe, expect, it } from 'vitest';
import { readXlsxRows, TooManyRows } from './xlsxStream.js';
import { makeZip, xlsxOf } from '../testing/zipFile.js';
import type { TableRow } from '../domain/enterprises/csvTable.js';

const ns =
  'xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"';
const sheet = (rows: string): Buffer =>
  Buffer.from(`<?xml version="1.0" encoding="UTF-8"?><worksheet ${ns}><sheetData>${rows}</sheetData></worksheet>`);

/** A workbook with a cover sheet first and the data second, shared strings with a phonetic guide. */
function workbook(): Buffer {
  return makeZip([
    {
      name: 'xl/workbook.xml',
      data: Buffer.from(
        `<workbook ${ns}><sheets><sheet name="封面" sheetId="1" r:id="rId2"/><sheet name="名录" sheetId="2" r:id="rId1"/></sheets></workbook>`,
      ),
    },
    {
      name: 'xl/_rels/workbook.xml.rels',
      data: Buffer.from(
        '<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Target="/xl/worksheets/sheet2.xml"/></Relationships>',
      ),
    },
    {
      name: 'xl/sharedStrings.xml',
      data: Buffer.from(
        `<sst ${ns}><si><t>单位名称</t></si><si><r><t>贵阳</t></r><r><t xml:space="preserve">市 &amp; 厂</t></r><rPh><t>ギ</t></rPh></si></sst>`,
      ),
    },
    {
      name: 'xl/worksheets/sheet2.xml',
      data: sheet('<row r="1"><c r="A1" t="inlineStr"><is><t>企业名录（封面）</t></is></c></row>'),
    },
    {
      name: 'xl/worksheets/sheet1.xml',
      data: sheet(
        [
          '<row r="2"><c r="A2" t="s"><v>0</v></c><c r="C2" t="inlineStr"><is><t>代码</t></is></c></row>',
          '<row r="3"/>',
          '<row r="5"><c r="A5" t="s"><v>1</v></c><c r="B5"><v>915226</v></c><c r="C5" t="b"><v>1</v></c><c r="D5" t="e"><v>#N/A</v></c><c r="E5" t="str"><f>A5</f><v>公式</v></c><c r="F5" t="d"><v>2026-08-15T00:00:00</v></c></row>',
        ].join(''),
      ),
    },
  ]);
}

async function all(rows: AsyncGenerator<TableRow[]>): Promise<TableRow[]> {
  const out: TableRow[] = [];
  for await (const b of rows) out.push(...b);
  return out;
}

describe('an .xlsx read as a stream', () => {
  it('takes the sheet the caller recognises, in the workbook order, with values as exceljs gave them', async () => {
    const looked: string[] = [];
    const read = await readXlsxRows(workbook(), {
      maxRows: 100,
      choose: (rows) => {
        looked.push(String(rows[0]?.cells[0]));
        return rows[0]?.cells[0] === '单位名称';
      },
    });
    expect(looked).toEqual(['企业名录（封面）', '单位名称']);
    expect(read!.sheet).toEqual({ name: '名录', path: 'xl/worksheets/sheet1.xml' });
    expect(await all(read!.batches)).toEqual([
      { line: 2, cells: ['单位名称', '', '代码'] },
      { line: 5, cells: ['贵阳市 & 厂', 915226, '是', '', '公式', '2026-08-15'] },
    ]);
  });

  it('falls back to the first sheet when none is recognised, and to the sheets by name without workbook.xml', async () => {
    const read = await readXlsxRows(workbook(), { maxRows: 100, choose: () => false });
    expect(read!.sheet.name).toBe('封面');
    expect(await all(read!.batches)).toEqual([{ line: 1, cells: ['企业名录（封面）'] }]);
    const bare = await readXlsxRows(xlsxOf([['a', 1]]), { maxRows: 100, choose: () => true });
    expect(await all(bare!.batches)).toEqual([{ line: 1, cells: ['a', 1] }]);
  });

  it('keeps every Chinese character whole wherever the unpacked chunks are cut', async () => {
    const names = Array.from(
      { length: 20_000 },
      (_, i) => `贵州省黔东南苗族侗族自治州天柱县鑫源化工有限公司第${i}分厂`,
    );
    const read = await readXlsxRows(xlsxOf(names.map((n) => [n])), { maxRows: 100_000, choose: () => true });
    const rows = await all(read!.batches);
    expect(rows.map((r) => r.cells[0])).toEqual(names);
  });

  it('stops at the row limit with a message that states it', async () => {
    const read = await readXlsxRows(xlsxOf(Array.from({ length: 5000 }, (_, i) => [i])), {
      maxRows: 1000,
      choose: () => true,
    });
    await expect(all(read!.batches)).rejects.toEqual(new TooManyRows(1000));
    expect(new TooManyRows(300_000).message).toBe(
      '表格超过300,000行，未导入。请把表格拆分为几个文件（每个不超过300,000行）分别导入',
    );
  });

  it('a workbook without sheets, and a damaged one', async () => {
    expect(
      await readXlsxRows(makeZip([{ name: 'docProps/app.xml', data: Buffer.from('<x/>') }]), {
        maxRows: 10,
        choose: () => true,
      }),
    ).toBeNull();
    const broken = makeZip([{ name: 'xl/worksheets/sheet1.xml', data: sheet('<row r="1"><c><v>1</v></c></row><row') }]);
    // Found while choosing the sheet or while reading it: either way an error, never rows made up.
    await expect(
      (async () => all((await readXlsxRows(broken, { maxRows: 10, choose: () => true }))!.batches))(),
    ).rejects.toThrow();
  });
});
