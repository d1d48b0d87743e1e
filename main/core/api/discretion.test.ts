/**
 * The discretion benchmark and the recommendations through the operations (callerFor), as the
 * renderer, the CLI and scripts use them: list, calculate, import (xlsx, GBK CSV, bad files),
 * versions, export, and the three recommendation operations.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { createTestCore, expectFailure, type TestCore } from '../testing/testCore.js';
import { openCase } from '../testing/scenario.js';
import { writeBenchmarkTables, type SheetRows } from '../domain/discretion/tableWrite.js';
import { loadBenchmark } from '../services.js';

/** The benchmark shipped with this release: its version and number of types. */
const {
  version: V,
  violations: { length: N },
} = loadBenchmark();

let t: TestCore;
let officer: string;
let reviewer: string;

beforeAll(async () => {
  t = await createTestCore({ today: '2026-03-02' });
  officer = await t.login('officer');
  reviewer = await t.login('reviewer');
});
afterAll(async () => t.close());

const b64 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64');

/** The exported workbook with some cells changed: { sheet: [[row, column header, value]] }. */
async function editedWorkbook(base64: string, edits: Record<string, Array<[number, string, string]>>): Promise<string> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(Buffer.from(base64, 'base64') as unknown as ExcelJS.Buffer);
  for (const [sheet, list] of Object.entries(edits)) {
    const ws = wb.getWorksheet(sheet)!;
    const headers = (ws.getRow(1).values as unknown[]).map((v) => String(v ?? ''));
    for (const [row, column, value] of list) {
      ws.getRow(row).getCell(headers.indexOf(column)).value = value;
    }
  }
  return b64(new Uint8Array(await wb.xlsx.writeBuffer()));
}

const csv = (rows: SheetRows): string =>
  rows.map((r) => r.map((c) => (/[",\n]/.test(c) ? `"${c.replace(/"/g, '""')}"` : c)).join(',')).join('\r\n');

describe('the benchmark in use', () => {
  it('is the shipped one, listed with its version, and violations.list serves its types', async () => {
    const b = await t.call(officer, 'discretion.list', {});
    expect(b.version).toBe(V);
    expect(b.violations.length).toBe(N);
    const versions = await t.call(officer, 'discretion.versions', {});
    expect(versions).toEqual([
      expect.objectContaining({ version: V, active: true, source: '随软件发布', types: N, verified: false }),
    ]);
    const types = await t.call(officer, 'violations.list', {});
    expect(types.map((v) => v.id)).toEqual(b.violations.map((v) => v.id));
  });

  it('calculates a fine with its explanation and the version used', async () => {
    const b = await t.call(officer, 'discretion.list', {});
    const air = b.violations.find((v) => v.id === 'air-over-standard-emission')!;
    const levels = Object.fromEntries([...b.commonFactors, ...air.factors].map((f) => [f.id, f.levels.at(-1)!.id]));
    const r = await t.call(officer, 'discretion.calculate', { violationId: air.id, levels });
    expect(r).toMatchObject({ fine: 1_000_000, benchmarkVersion: V, model: 'weightedMax', clamped: null });
    expect(r.explanation).toMatch(/^依据《中华人民共和国大气污染防治法》第九十九条第二项.*拟处罚款1,000,000元。$/);
    expect(r.lines.length).toBeGreaterThan(8);
  });

  it('says in Chinese what is wrong with a calculation request', async () => {
    const unknown = await expectFailure(
      t.call(officer, 'discretion.calculate', { violationId: 'no-such', levels: {} }),
    );
    expect(unknown).toMatchObject({ code: 'NOT_FOUND', message: `裁量基准（${V}）中没有违法行为“no-such”` });
    const missing = await expectFailure(
      t.call(officer, 'discretion.calculate', {
        violationId: 'eia-unapproved-construction',
        levels: { fault: 'knowing' },
      }),
    );
    expect(missing.code).toBe('VALIDATION');
    expect(missing.message).toContain(
      '请选择裁量因子的等级：危害后果、环境敏感区域、整改情况、再次违法、配合调查、建设进度、环境影响评价文件类别',
    );
    expect(missing.message).toContain('须填写建设项目总投资额以计算法定幅度');
    const badVersion = await expectFailure(
      t.call(officer, 'discretion.calculate', { violationId: 'x', levels: {}, version: '1999' }),
    );
    expect(badVersion).toMatchObject({ code: 'NOT_FOUND', message: '没有版本为“1999”的裁量基准' });
  });
});

describe("importing the province's table", () => {
  it('is for reviewers, heads and administrators', async () => {
    const e = await expectFailure(
      t.call(officer, 'discretion.import', { files: [{ name: 'a.xlsx', contentBase64: 'AA==' }] }),
    );
    expect(e.code).toBe('FORBIDDEN_ROLE');
  });

  it('loads an edited export as a new version, which becomes the one in use; the old one still calculates', async () => {
    const exported = await t.call(officer, 'discretion.export', {});
    expect(exported.fileName).toBe(`裁量基准-${V}.xlsx`);
    const edited = await editedWorkbook(exported.contentBase64, {
      基准信息: [[2, '内容', '黔2027.1']],
      违法行为: [
        [2, '下限', '2'],
        [2, '名称', '建设项目未批先建（省级表）'],
      ],
    });
    const r = await t.call(reviewer, 'discretion.import', {
      files: [{ name: '贵州省裁量基准.xlsx', contentBase64: edited }],
    });
    expect(r).toEqual({ version: '黔2027.1', types: N, factors: expect.any(Number), changed: true });
    const again = await t.call(reviewer, 'discretion.import', {
      files: [{ name: '贵州省裁量基准.xlsx', contentBase64: edited }],
    });
    expect(again.changed).toBe(false);
    const types = await t.call(officer, 'violations.list', {});
    expect(types[0]).toMatchObject({
      name: '建设项目未批先建（省级表）',
      band: { kind: 'percent', minPercent: 2, maxPercent: 5 },
    });
    const versions = await t.call(officer, 'discretion.versions', {});
    expect(versions.map((v) => [v.version, v.active])).toEqual([
      ['黔2027.1', true],
      [V, false],
    ]);
    expect(versions[0]!.importedBy).not.toBe('');

    const b = await t.call(officer, 'discretion.list', { version: V });
    const eia = b.violations[0]!;
    const levels = Object.fromEntries([...b.commonFactors, ...eia.factors].map((f) => [f.id, f.levels[0]!.id]));
    const now = await t.call(officer, 'discretion.calculate', { violationId: eia.id, levels, base: 1_000_000 });
    const then = await t.call(officer, 'discretion.calculate', {
      violationId: eia.id,
      levels,
      base: 1_000_000,
      version: V,
    });
    expect([now.benchmarkVersion, now.min]).toEqual(['黔2027.1', 20_000]);
    expect([then.benchmarkVersion, then.min]).toEqual([V, 10_000]);
  });

  it('refuses the same version with other content', async () => {
    const exported = await t.call(officer, 'discretion.export', {});
    const changed = await editedWorkbook(exported.contentBase64, { 违法行为: [[3, '上限', '60000']] });
    const e = await expectFailure(
      t.call(reviewer, 'discretion.import', { files: [{ name: 'x.xlsx', contentBase64: changed }] }),
    );
    expect(e.code).toBe('VALIDATION');
    expect(e.message).toMatch(/^裁量基准版本“黔2027.1”已于\d{4}-\d{2}-\d{2}载入且内容不同/);
  });

  it('reads CSV sheets saved by Excel in GBK, and reports bad rows with their lines without importing', async () => {
    const tables = writeBenchmarkTables(loadBenchmark());
    const types = tables.types.map((r) => [...r]);
    const col = (name: string) => types[0]!.indexOf(name);
    types[4]![col('上限')] = '一百万';
    types[9]![col('幅度类型')] = '按月';
    const gbk = (rows: SheetRows) => b64(iconv.encode(csv(rows), 'gbk'));
    const files = [
      { name: '基准信息.csv', contentBase64: gbk(tables.meta.map((r) => (r[0] === '版本' ? ['版本', 'GBK-1'] : r))) },
      { name: '违法行为.csv', contentBase64: gbk(types) },
      { name: '裁量因子.csv', contentBase64: gbk(tables.factors) },
    ];
    const e = await expectFailure(t.call(reviewer, 'discretion.import', { files }));
    expect(e.code).toBe('VALIDATION');
    expect(e.message).toMatch(
      /^裁量基准表有2处问题，未导入。违法行为第5行：上限“一百万”不是数字；违法行为第10行：幅度类型应为/,
    );
    expect(
      (e.details as { problems: Array<{ sheet: string; line: number }> }).problems.map((p) => [p.sheet, p.line]),
    ).toEqual([
      ['违法行为', 5],
      ['违法行为', 10],
    ]);
    expect((await t.call(officer, 'discretion.versions', {})).map((v) => v.version)).not.toContain('GBK-1');

    const fixed = [files[0]!, { name: '违法行为.csv', contentBase64: gbk(tables.types) }, files[2]!];
    expect(await t.call(reviewer, 'discretion.import', { files: fixed })).toMatchObject({
      version: 'GBK-1',
      types: N,
      changed: true,
    });
    expect((await t.call(officer, 'discretion.list', {})).violations[0]!.name).toBe(tables.types[1]![col('名称')]);
  });

  it('turns unreadable files into a report, not a crash', async () => {
    const problems = async (files: Array<{ name: string; contentBase64: string }>) => {
      const e = await expectFailure(t.call(reviewer, 'discretion.import', { files }));
      expect(e.code).toBe('VALIDATION');
      return (e.details as { problems: Array<{ message: string }> }).problems.map((p) => p.message);
    };
    expect(
      await problems([{ name: 'a.xlsx', contentBase64: b64(new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3])) }]),
    ).toEqual(['无法读取该Excel文件（文件已损坏，或不是 .xlsx 格式）']);
    expect(
      await problems([{ name: 'a.xls', contentBase64: b64(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0, 0])) }]),
    ).toEqual([expect.stringContaining('不支持旧版Excel（.xls）文件')]);
    expect(await problems([{ name: 'a.xlsx', contentBase64: b64(new TextEncoder().encode('not excel')) }])).toEqual([
      expect.stringContaining('内容不是Excel文件'),
    ]);
    expect(await problems([{ name: '名录.csv', contentBase64: b64(new TextEncoder().encode('a,b\n1,2')) }])).toEqual([
      expect.stringContaining('无法从文件名判断是哪张表'),
    ]);
    expect(
      await problems([
        { name: '违法行为.csv', contentBase64: b64(new Uint8Array([0xff, 0xfe, 0x41, 0x00, 0xd8, 0x00])) },
      ]),
    ).toEqual(expect.arrayContaining([expect.stringContaining('缺少“裁量因子”表')]));
    expect(
      await problems([
        { name: '违法行为.csv', contentBase64: b64(new Uint8Array([0x81, 0x20, 0xfe, 0xff, 0x80, 0x0a])) },
      ]),
    ).toEqual([expect.stringContaining('无法识别文件编码')]);
  });

  it('reads a folder of CSV files on this workstation (CLI: { path })', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'anjuan-bench-csv-'));
    const tables = writeBenchmarkTables(loadBenchmark());
    writeFileSync(
      join(dir, '基准信息.csv'),
      iconv.encode(csv(tables.meta.map((r) => (r[0] === '版本' ? ['版本', 'PATH-1'] : r))), 'gbk'),
    );
    writeFileSync(join(dir, '违法行为.csv'), csv(tables.types));
    writeFileSync(join(dir, '裁量因子.csv'), csv(tables.factors));
    expect(await t.cli(reviewer, 'discretion.import', { path: dir })).toMatchObject({
      version: 'PATH-1',
      types: N,
      changed: true,
    });
    const missing = await expectFailure(t.cli(reviewer, 'discretion.import', { path: join(dir, 'nope') }));
    // the name given, never where it is on the disk.
    expect(missing).toMatchObject({ code: 'NOT_FOUND', message: '找不到文件或文件夹：nope' });
  });

  it('opens a case with a type that only the imported table has', async () => {
    const tables = writeBenchmarkTables(loadBenchmark());
    const code = tables.types[0]!.indexOf('编码');
    const id = tables.types[0]!.indexOf('标识');
    const newType = [...tables.types[1]!];
    newType[code] = 'JS-099';
    newType[id] = 'gz-new-type';
    const files = [
      {
        name: '基准信息.csv',
        contentBase64: b64(
          new TextEncoder().encode(csv(tables.meta.map((r) => (r[0] === '版本' ? ['版本', 'NEW-1'] : r)))),
        ),
      },
      { name: '违法行为.csv', contentBase64: b64(new TextEncoder().encode(csv([...tables.types, newType]))) },
      { name: '裁量因子.csv', contentBase64: b64(new TextEncoder().encode(csv(tables.factors))) },
    ];
    await t.call(reviewer, 'discretion.import', { files });
    const view = await openCase(t, officer, { violationId: 'gz-new-type' });
    expect(view.state.violation.id).toBe('gz-new-type');
  });
});

describe('recommendations through the operations', () => {
  it("ranks types for an inspection text, using the party's industry from the directory", async () => {
    const r = await t.call(officer, 'recommend.violations', {
      text: '养殖场粪污处理设施停运，粪水直接排入沟渠。',
      limit: 3,
    });
    expect(r.results[0]).toMatchObject({ violationId: 'livestock-facilities-not-running' });
    expect(r.results[0]!.matched).toEqual(expect.arrayContaining(['养殖场', '粪水']));
    const [ent] = await t.call(officer, 'enterprises.search', { query: '', limit: 1 });
    t.core.services.db.prepare('UPDATE enterprises SET industry_code = ? WHERE id = ?').run('A0313', ent!.id);
    const withIndustry = await t.call(officer, 'recommend.violations', {
      text: '设施停运，污水外排。',
      enterpriseId: ent!.id,
      limit: 10,
    });
    expect(
      withIndustry.results.find((x) => x.violationId === 'livestock-facilities-not-running')!.industryMatched,
    ).toBe(true);
    const empty = await expectFailure(t.call(officer, 'recommend.violations', { text: '   ' }));
    expect(empty).toMatchObject({ code: 'VALIDATION', message: 'text：请填写现场检查情况' });
  });

  it('lists the evidence a case still lacks for its type', async () => {
    const view = await openCase(t, officer, { violationId: 'water-over-standard-discharge' });
    const r = await t.call(officer, 'recommend.missingEvidence', { caseId: view.state.id });
    expect(r.violationId).toBe('water-over-standard-discharge');
    expect(r.missing).toEqual(
      expect.arrayContaining(['监测报告（采样记录、检测报告、在线监测数据）', '现场检查(勘察)笔录']),
    );
    const ticked = await t.call(officer, 'recommend.missingEvidence', {
      caseId: view.state.id,
      present: ['inspection-record'],
    });
    expect(ticked.missing).not.toContain('现场检查(勘察)笔录');
    const byType = await t.call(officer, 'recommend.missingEvidence', {
      violationId: 'hw-illegal-dumping',
      present: [],
    });
    expect(byType.items.some((i) => i.name.startsWith('所需处置费用的证明'))).toBe(true);
    expect(
      (await expectFailure(t.call(officer, 'recommend.missingEvidence', { violationId: 'nope', present: [] }))).code,
    ).toBe('NOT_FOUND');
  });

  it("finds the party's decided penalties that count as repetition", async () => {
    const [ent] = await t.call(officer, 'enterprises.search', { query: '天柱', limit: 1 });
    const decide = (caseId: string, on: string) =>
      t.core.services.db
        .prepare("UPDATE cases SET state = json_set(state, '$.decision', json(?)) WHERE id = ?")
        .run(JSON.stringify({ kind: 'penalty', fine: 150_000, warning: false, approvedOn: on }), caseId);
    const a = await openCase(t, officer, { enterpriseId: ent!.id, violationId: 'water-over-standard-discharge' });
    const b = await openCase(t, officer, { enterpriseId: ent!.id, violationId: 'water-evading-supervision' });
    const c = await openCase(t, officer, { enterpriseId: ent!.id, violationId: 'air-over-standard-emission' });
    decide(a.state.id, '2025-05-10');
    decide(b.state.id, '2024-06-01');
    decide(c.state.id, '2025-11-20');
    const r = await t.call(officer, 'recommend.priorViolations', {
      enterpriseId: ent!.id,
      date: '2026-03-01',
      violationId: 'water-over-standard-discharge',
    });
    expect(r.priors.map((p) => (p.restricted ? null : p.caseId))).toEqual([c.state.id, a.state.id, b.state.id]);
    expect(r.priors[1]).toMatchObject({ category: '水', decidedOn: '2025-05-10', fine: 150_000 });
    expect(r.rules.find((x) => x.id === 'repeat-1y')).toMatchObject({
      applies: true,
      caseIds: [a.state.id],
      windowFrom: '2025-03-01',
    });
    expect(r.rules.find((x) => x.id === 'criminal-2y-2x')).toMatchObject({
      applies: true,
      caseIds: [a.state.id, b.state.id],
    });
    expect(r.firstViolation).toBe(false);
    const none = await t.call(officer, 'recommend.priorViolations', { enterpriseId: 'ent-none', date: '2026-03-01' });
    expect(none).toMatchObject({ priors: [], firstViolation: true });
    expect(none.note).toContain('行政处罚法第三十三条第一款');
  });
});
