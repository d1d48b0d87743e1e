import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTestCore, expectFailure, type TestCore } from '../testing/testCore.js';
import { openCase } from '../testing/scenario.js';
import { sampleFields } from '../testing/sampleFields.js';
import { syntheticDirectory, directoryHeader, type badKinds } from '../seed/syntheticDirectory.js';
import { directoryCsvText, directoryXlsx, encodeCsv } from '../seed/directoryFile.js';

let t: TestCore;
let head: string;
let officer: string;
const b64 = (b: Buffer): string => b.toString('base64');

beforeAll(async () => {
  t = await createTestCore();
  head = await t.login('head');
  officer = await t.login('officer');
});
afterAll(async () => t.close());

describe('enterprises.import', () => {
  const dir = syntheticDirectory(300, { seed: 7, badRows: 12 });

  it('imports a GBK CSV, refusing exactly the bad rows with their lines and reasons', async () => {
    const r = await t.call(head, 'enterprises.import', {
      fileName: '名录.csv',
      contentBase64: b64(encodeCsv(directoryCsvText(dir.rows), 'gbk')),
    });
    expect(r).toMatchObject({
      format: 'csv',
      encoding: 'GB18030/GBK',
      fileProblems: [],
      headerLine: 1,
      rows: 300,
      added: 288,
      updated: 0,
      unchanged: 0,
      rejected: 12,
    });
    expect(r.columns).toMatchObject({
      单位名称: '单位名称',
      统一社会信用代码: '统一社会信用代码',
      行政区划代码: '行政区划代码',
    });
    expect(r.rejectedRows.map((x) => x.line)).toEqual(dir.bad.map((b) => b.index + 2));
    const reasonOf: Record<(typeof badKinds)[number], string> = {
      checkDigit: '校验位不正确',
      county: '贵州省没有行政区划代码为“529999”',
      coordinates: '超出中国范围',
      emptyName: '单位名称为空',
      industry: '行业代码“Z99X”格式不正确',
      duplicate: '统一社会信用代码与第',
    };
    for (const [i, b] of dir.bad.entries()) expect(r.rejectedRows[i]!.reasons.join('；')).toContain(reasonOf[b.kind]);
    const found = await t.call(officer, 'enterprises.search', { query: dir.rows[0]![0]!, limit: 5 });
    expect(found[0]).toMatchObject({ name: dir.rows[0]![0], uscc: dir.rows[0]![1], countyCode: dir.rows[0]![4] });
  });

  it('imports the same file again as unchanged, and a changed file as updates in place, never duplicates', async () => {
    const again = await t.call(head, 'enterprises.import', {
      fileName: '名录.csv',
      contentBase64: b64(encodeCsv(directoryCsvText(dir.rows), 'utf-8-bom')),
    });
    expect(again).toMatchObject({ encoding: 'UTF-8（带BOM）', added: 0, updated: 0, unchanged: 288, rejected: 12 });
    const changed = dir.rows.map((row, i) => (i < 10 ? [row[0]!, row[1]!, '新法人', ...row.slice(3)] : row));
    const xlsx = await t.call(head, 'enterprises.import', {
      fileName: '名录（更新）.xlsx',
      contentBase64: b64(await directoryXlsx(changed)),
    });
    const updated = 10 - dir.bad.filter((b) => b.index < 10).length;
    expect(updated).toBeGreaterThan(5);
    expect(xlsx).toMatchObject({ format: 'xlsx', added: 0, updated, unchanged: 288 - updated, rejected: 12 });
    expect(t.core.services.enterprises.count()).toBe(300 + 288);
    const [e] = await t.call(officer, 'enterprises.search', { query: dir.rows[0]![1]!, limit: 1 });
    expect(e).toMatchObject({ legalRepresentative: '新法人' });
  });

  it('reports a file with wrong columns, a bad encoding or an .xls, and imports nothing', async () => {
    const before = t.core.services.enterprises.count();
    const wrong = await t.call(head, 'enterprises.import', {
      fileName: 'x.csv',
      contentBase64: b64(Buffer.from('序号,企业,代码\n1,某厂,91522627MA6DLX3K0X\n')),
    });
    expect(wrong.fileProblems).toEqual([
      '缺少必需的列：单位名称、统一社会信用代码。文件第1行的列为：序号、企业、代码。请按企业名录导入模板的列名（单位名称、统一社会信用代码等）填写表头',
    ]);
    const noCode = await t.call(head, 'enterprises.import', {
      fileName: 'x.csv',
      contentBase64: b64(Buffer.from('企业名称,地址\n某厂,某地\n')),
    });
    expect(noCode.fileProblems[0]).toMatch(/^缺少必需的列：统一社会信用代码。/);
    const garbled = await t.call(head, 'enterprises.import', {
      fileName: 'x.csv',
      contentBase64: b64(Buffer.from([0xc4, 0xe3, 0xff, 0xfe, 0xff, 0x0a])),
    });
    expect(garbled.fileProblems[0]).toContain('无法识别文件编码');
    const xls = await t.call(head, 'enterprises.import', {
      fileName: 'x.xls',
      contentBase64: b64(Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0, 0, 0])),
    });
    expect(xls.fileProblems[0]).toContain('.xls');
    expect(t.core.services.enterprises.count()).toBe(before);
  });

  it('reads broken CSV rows around the break and duplicates within the file', async () => {
    const [a, b, c] = syntheticDirectory(3, { seed: 99 }).rows;
    const text = [directoryHeader.join(','), a!.join(','), `"${b!.join(',')}`, c!.join(','), a!.join(',')].join('\n');
    const r = await t.call(head, 'enterprises.import', {
      fileName: 'broken.csv',
      contentBase64: b64(Buffer.from(text)),
    });
    expect(r).toMatchObject({ added: 2, rejected: 2 });
    expect(r.rejectedRows).toEqual([
      { line: 3, uscc: '', name: '', reasons: ['引号未闭合（"），本行未能读取'] },
      { line: 5, uscc: a![1], name: a![0], reasons: ['统一社会信用代码与第2行重复（同一文件中只导入第一次出现的行）'] },
    ]);
  });

  it('reads a file by path (the CLI), and says so when the path is wrong', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'anjuan-ent-')), '名录.csv');
    writeFileSync(file, encodeCsv(directoryCsvText(syntheticDirectory(5, { seed: 3 }).rows), 'utf-8'));
    expect(await t.cli(head, 'enterprises.import', { path: file })).toMatchObject({ fileName: '名录.csv', added: 5 });
    expect(await expectFailure(t.cli(head, 'enterprises.import', { path: `${file}.missing` }))).toMatchObject({
      code: 'NOT_FOUND',
      message: expect.stringContaining('找不到文件'),
    });
  });

  it('is for reviewers, heads and admins; bad input is refused in Chinese', async () => {
    expect(
      await expectFailure(t.call(officer, 'enterprises.import', { fileName: 'a.csv', contentBase64: 'YQ==' })),
    ).toMatchObject({ code: 'FORBIDDEN_ROLE' });
    expect(await expectFailure(t.call(head, 'enterprises.import', { fileName: 'a.csv' } as never))).toMatchObject({
      code: 'VALIDATION',
    });
  });
});

describe('enterprises.get', () => {
  it('shows the record, its cases and its inspection records', async () => {
    const [ent] = await t.call(officer, 'enterprises.search', { query: '天柱', limit: 1 });
    const opened = await openCase(t, officer, {
      enterpriseId: ent!.id,
      procedure: 'summary',
      violationOn: '2026-03-02',
      requestId: 'ent-page-1',
    });
    const tpl = (await t.call(officer, 'templates.list', {})).find((x) => x.id === 'inspection-record')!;
    const fields = {
      ...sampleFields(tpl, { today: '2026-03-02' }),
      inspectionPlace: '该公司生产车间',
      inspectionFindings: '废气处理设施未运行。',
    };
    const doc = await t.call(officer, 'documents.generate', {
      caseId: opened.state.id,
      type: 'inspection-record',
      fields,
    });
    const page = await t.call(officer, 'enterprises.get', { id: ent!.id });
    expect(page.enterprise).toMatchObject({ id: ent!.id, name: ent!.name, uscc: ent!.uscc });
    expect(page.cases).toEqual([
      expect.objectContaining({ id: opened.state.id, number: opened.state.number, closed: false }),
    ]);
    expect(page.inspections).toEqual([
      expect.objectContaining({
        caseId: opened.state.id,
        documentId: doc.id,
        place: '该公司生产车间',
        findings: '废气处理设施未运行。',
      }),
    ]);
    const other = (await t.call(officer, 'enterprises.search', { query: '', limit: 50 })).find(
      (e) => e.id !== ent!.id,
    )!;
    expect(await t.call(officer, 'enterprises.get', { id: other.id })).toMatchObject({ cases: [], inspections: [] });
    expect(await expectFailure(t.call(officer, 'enterprises.get', { id: 'nope' }))).toEqual({
      code: 'NOT_FOUND',
      message: '企业名录中没有该企业',
      details: undefined,
    });
  });
});
