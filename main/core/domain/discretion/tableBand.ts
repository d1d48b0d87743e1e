/** The fine band of a row of the 违法行为 sheet: 幅度类型 and the columns each kind needs. Pure. */
import { perUnits, type FineBand } from '#common/schemas/reference.js';
import { readNumber } from './cells.js';
import { bandKindByName, bandKindNames, type TableRow } from './tableLayout.js';
import { cell, type Problems } from './tableRows.js';

function num(
  p: Problems,
  row: TableRow,
  column: string,
  opts: { percent?: boolean; required?: string } = {},
): number | undefined {
  const text = cell(row, column);
  if (!text) {
    if (opts.required) p.add('types', row.line, `幅度类型为“${opts.required}”时须填写“${column}”`);
    return undefined;
  }
  return p.take('types', row.line, readNumber(text, column, opts));
}

export function readBand(p: Problems, row: TableRow, kindName: string, prefix = ''): FineBand | undefined {
  const kind = bandKindByName[kindName];
  if (!kind) {
    p.add(
      'types',
      row.line,
      `幅度类型应为${Object.values(bandKindNames)
        .map((n) => `“${n}”`)
        .join('、')}之一，而不是“${kindName}”`,
    );
    return undefined;
  }
  const lo = `${prefix}下限`;
  const hi = `${prefix}上限`;
  const req = { required: kindName };
  switch (kind) {
    case 'none':
      return { kind };
    case 'fixed': {
      const amount = num(p, row, lo, req);
      return amount === undefined ? undefined : { kind, amount };
    }
    case 'range': {
      const min = num(p, row, lo) ?? 0;
      const max = num(p, row, hi, req);
      return max === undefined ? undefined : { kind, min, max };
    }
    case 'percent': {
      const [minPercent, maxPercent] = [
        num(p, row, lo, { ...req, percent: true }),
        num(p, row, hi, { ...req, percent: true }),
      ];
      const of = cell(row, '计算基数');
      if (!of) p.add('types', row.line, '幅度类型为“百分比”时须填写“计算基数”（如 建设项目总投资额）');
      return minPercent === undefined || maxPercent === undefined || !of
        ? undefined
        : { kind, of, minPercent, maxPercent };
    }
    case 'multiple':
      return readMultiple(p, row, num(p, row, lo, req), num(p, row, hi, req));
    case 'perUnit': {
      const text = cell(row, '计量单位') || '日';
      const unit = perUnits.find((u) => u === text);
      if (!unit)
        p.add('types', row.line, `计量单位应为${perUnits.map((u) => `“${u}”`).join('、')}之一，而不是“${text}”`);
      const [minPerUnit, maxPerUnit] = [num(p, row, lo, req), num(p, row, hi, req)];
      return minPerUnit === undefined || maxPerUnit === undefined || !unit
        ? undefined
        : { kind, unit, minPerUnit, maxPerUnit };
    }
  }
}

function readMultiple(
  p: Problems,
  row: TableRow,
  minTimes: number | undefined,
  maxTimes: number | undefined,
): FineBand | undefined {
  const of = cell(row, '计算基数');
  if (!of) p.add('types', row.line, '幅度类型为“倍数”时须填写“计算基数”（如 违法所得、所需处置费用）');
  const minBase = num(p, row, '基数下限');
  const below = num(p, row, '不足额');
  const fbMin = num(p, row, '不足额下限');
  const fbMax = num(p, row, '不足额上限');
  const anyFallback = [below, fbMin, fbMax].some((x) => x !== undefined);
  if (anyFallback && fbMax === undefined)
    p.add('types', row.line, '填写了“不足额”的，须同时填写“不足额上限”（没有或不足该数额时的罚款上限）');
  if (minTimes === undefined || maxTimes === undefined || !of || (anyFallback && fbMax === undefined)) return undefined;
  return {
    kind: 'multiple',
    of,
    minTimes,
    maxTimes,
    ...(minBase !== undefined ? { minBase } : {}),
    ...(anyFallback ? { fallback: { below: below ?? 0, min: fbMin ?? 0, max: fbMax! } } : {}),
  };
}
