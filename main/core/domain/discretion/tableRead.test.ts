import { describe, expect, it } from 'vitest';
import type { DiscretionBenchmark } from '#common/schemas/discretion.js';
import { loadBenchmark } from '#core/services.js';
import { tableDefaults } from '#core/application/importDiscretion.js';
import type { BenchmarkTables, SheetKey, TableRow } from './tableLayout.js';
import { readBenchmarkTables } from './tableRead.js';
import { writeBenchmarkTables, type SheetRows } from './tableWrite.js';

const shipped = loadBenchmark();
const defaults = tableDefaults(shipped, undefined);

/** Sheet rows (header first) as the reader gets them: cells by header, lines from 1. */
function asTable(sheet: SheetRows): { headers: string[]; rows: TableRow[] } {
  const [headers, ...body] = sheet;
  return {
    headers: headers!,
    rows: body.map((cells, i) => ({
      line: i + 2,
      cells: Object.fromEntries(headers!.map((h, j) => [h, cells[j] ?? ''])),
    })),
  };
}

function read(sheets: Partial<Record<SheetKey, SheetRows>>, version?: string) {
  const tables: BenchmarkTables = {};
  const headers: Partial<Record<SheetKey, string[]>> = {};
  for (const [k, v] of Object.entries(sheets) as Array<[SheetKey, SheetRows]>) {
    const t = asTable(v);
    tables[k] = t.rows;
    headers[k] = t.headers;
  }
  return readBenchmarkTables(tables, version ? { ...defaults, version } : defaults, headers);
}

/** The parts a table carries (categories' Guizhou counts are a note of the shipped file only). */
const comparable = (b: DiscretionBenchmark) => ({
  ...b,
  categories: b.categories.map(({ name, code }) => ({ name, code })),
});

function edit(sheet: SheetRows, line: number, column: string, value: string): SheetRows {
  const copy = sheet.map((r) => [...r]);
  copy[line - 1]![copy[0]!.indexOf(column)] = value;
  return copy;
}

describe('benchmark table → benchmark', () => {
  it('reads back exactly what it wrote (the shipped benchmark survives a round trip)', () => {
    const result = read(writeBenchmarkTables(shipped));
    if (!result.ok) throw new Error(JSON.stringify(result.problems.slice(0, 5)));
    expect(comparable(result.benchmark)).toEqual(comparable(shipped));
  });

  it("holds a table the size of Guizhou's (263 types, 8 factors of 4 levels each)", () => {
    const t = writeBenchmarkTables(shipped);
    const proto = t.types[1]!;
    const codeAt = t.types[0]!.indexOf('编码');
    const idAt = t.types[0]!.indexOf('标识');
    const types: SheetRows = [t.types[0]!];
    const factors: SheetRows = [t.factors[0]!, ...t.factors.slice(1).filter((r) => r[0] === '共性')];
    for (let i = 1; i <= 263; i++) {
      const row = [...proto];
      row[codeAt] = `GZ-${String(i).padStart(3, '0')}`;
      row[idAt] = '';
      types.push(row);
      for (let f = 1; f <= 2; f++) {
        for (let l = 1; l <= 4; l++)
          factors.push([
            row[codeAt]!,
            `own${f}`,
            `个性因子${f}`,
            l === 1 ? '20' : '',
            `L${l}`,
            `第${l}级`,
            String((l - 1) / 3),
            l === 1 ? '监测报告[sampling]' : '',
          ]);
      }
    }
    const result = read({ meta: t.meta, types, factors }, '黔2023');
    if (!result.ok) throw new Error(JSON.stringify(result.problems.slice(0, 5)));
    expect(result.benchmark.violations).toHaveLength(263);
    expect(result.benchmark.version).toBe('黔2023');
    expect(result.benchmark.violations[262]).toMatchObject({ id: 'gz-263', code: 'GZ-263' });
    expect(result.benchmark.violations[0]!.factors.map((f) => f.levels.length)).toEqual([4, 4]);
  });

  it('reports every bad row with its sheet, line and a Chinese reason, and imports nothing', () => {
    const t = writeBenchmarkTables(shipped);
    let types = edit(t.types, 2, '上限', '一百万');
    types = edit(types, 3, '处罚依据', '大气法第九十九条');
    types = edit(types, 4, '幅度类型', '按月');
    types = edit(types, 5, '处罚种类', '罚钱');
    types = edit(types, 6, '编码', t.types[2]![t.types[0]!.indexOf('编码')]!);
    types = edit(types, 7, '违反条款', '《中华人民共和国水污染防治法》第十A条');
    let factors = edit(t.factors, 3, '分值', '1.5');
    factors = edit(factors, 4, '分值', '0');
    const result = read({ meta: t.meta, types, factors });
    expect(result.ok).toBe(false);
    const problems = result.ok ? [] : result.problems;
    const at = (sheet: string, line: number) =>
      problems
        .filter((p) => p.sheet === sheet && p.line === line)
        .map((p) => p.message)
        .join('|');
    expect(at('违法行为', 2)).toContain('上限“一百万”不是数字');
    expect(at('违法行为', 3)).toContain('处罚依据“大气法第九十九条”应写作《法律名称》第X条');
    expect(at('违法行为', 4)).toContain(
      '幅度类型应为“数额”、“百分比”、“倍数”、“按日或按次”、“定额”、“无罚款”之一，而不是“按月”',
    );
    expect(at('违法行为', 5)).toContain('处罚种类“罚钱”不是已知种类');
    expect(at('违法行为', 7)).toContain('条款序号“第十A条”无法识别');
    expect(at('裁量因子', 3)).toContain('分值“1.5”应在0至1之间');
    expect(problems.every((p) => /[\u4e00-\u9fff]/.test(p.message))).toBe(true);
  });

  it('checks rules across rows: duplicate codes, levels out of order, unknown type codes, missing weights', () => {
    const t = writeBenchmarkTables(shipped);
    const types = edit(t.types, 6, '编码', t.types[2]![t.types[0]!.indexOf('编码')]!);
    let factors = edit(t.factors, 3, '分值', '0'); // 主观过错: 0, 0.5 → 0, 0 is fine; make the third lighter than the second
    factors = edit(factors, 4, '分值', '0.1');
    factors = edit(factors, 3, '分值', '0.9');
    const firstOwn = factors.findIndex((r) => r[0] !== '共性' && r[0] !== '违法行为编码') + 1;
    factors = edit(factors, firstOwn, '违法行为编码', 'NO-SUCH');
    const result = read({ meta: t.meta, types, factors });
    const problems = result.ok ? [] : result.problems;
    const text = problems.map((p) => `${p.sheet}${p.line}:${p.message}`).join('\n');
    expect(text).toContain(`裁量因子${firstOwn}:违法行为编码“NO-SUCH”不在“违法行为”表中`);
    const noWeight = edit(t.factors, 2, '权重', '');
    const r2 = read({ meta: t.meta, types: t.types, factors: noWeight });
    expect(r2.ok ? '' : r2.problems.map((p) => `${p.line}:${p.message}`).join('\n')).toContain(
      '2:裁量因子“主观过错”没有填写权重',
    );
    const dupTypes = read({ meta: t.meta, types, factors: t.factors });
    expect(dupTypes.ok ? '' : dupTypes.problems.map((p) => `${p.sheet}${p.line}:${p.message}`).join('\n')).toMatch(
      /违法行为6:违法行为编码“JS-002”重复（第3行已有）/,
    );
    const disorder = read({
      meta: t.meta,
      types: t.types,
      factors: edit(edit(t.factors, 3, '分值', '0.9'), 4, '分值', '0.1'),
    });
    expect(disorder.ok ? '' : disorder.problems.map((p) => `${p.sheet}${p.line}:${p.message}`).join('\n')).toContain(
      '裁量因子2:裁量因子“主观过错”的等级须由轻到重排列',
    );
  });

  it('refuses wrong columns and missing sheets before reading any row', () => {
    const t = writeBenchmarkTables(shipped);
    const wrongHeader = t.types.map((r, i) => (i === 0 ? r.map((h) => (h === '上限' ? '最高额' : h)) : r));
    const r1 = read({ meta: t.meta, types: wrongHeader, factors: t.factors });
    expect(r1.ok ? [] : r1.problems.map((p) => p.message)).toEqual(
      expect.arrayContaining([expect.stringContaining('未知的列“最高额”')]),
    );
    const noName = t.types.map((r) => r.filter((_, j) => t.types[0]![j] !== '名称'));
    const r2 = read({ meta: t.meta, types: noName, factors: t.factors });
    expect(r2.ok ? [] : r2.problems.map((p) => p.message)).toContain('缺少必填列“名称”');
    const r3 = read({ meta: t.meta, types: t.types });
    expect(r3.ok ? [] : r3.problems.map((p) => p.message)).toEqual([expect.stringContaining('缺少“裁量因子”表')]);
  });

  it('needs a version, from 基准信息 or from the import', () => {
    const t = writeBenchmarkTables(shipped);
    const noVersion = t.meta.filter((r) => r[0] !== '版本');
    const r = read({ meta: noVersion, types: t.types, factors: t.factors });
    expect(r.ok ? [] : r.problems.map((p) => p.message)).toEqual([expect.stringContaining('缺少基准版本号')]);
    const given = read({ meta: noVersion, types: t.types, factors: t.factors }, '2027.1');
    expect(given.ok && given.benchmark.version).toBe('2027.1');
  });
});
