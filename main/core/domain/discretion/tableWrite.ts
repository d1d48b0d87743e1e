/**
 * A benchmark → the three sheets of the table layout (header row first), so the province can start
 * from the table in use and the import can be checked by a round trip. Pure.
 */
import type { CalcModel, DiscretionBenchmark, DiscretionFactor, EvidenceItem } from '#common/schemas/discretion.js';
import type { ArticleRef, FineBand } from '#common/schemas/reference.js';
import { bandKindNames, factorColumns, headerName, modelNamesInTable, typeColumns } from './tableLayout.js';

export type SheetRows = string[][];

const articles = (refs: ArticleRef[]): string => refs.map((r) => `${r.law}${r.article}`).join('；');
const evidence = (items: EvidenceItem[]): string =>
  items
    .map(
      (e) =>
        `${e.name}${e.id === e.name ? '' : `{${e.id}}`}${e.satisfiedBy.length ? `[${e.satisfiedBy.join('|')}]` : ''}`,
    )
    .join('；');
const yesNo = (b: boolean): string => (b ? '是' : '否');
const n = (x: number | undefined): string => (x === undefined ? '' : String(x));

function bandCells(band: FineBand): Record<string, string> {
  const kind = bandKindNames[band.kind];
  switch (band.kind) {
    case 'range':
      return { 幅度类型: kind, 下限: n(band.min), 上限: n(band.max) };
    case 'percent':
      return { 幅度类型: kind, 下限: n(band.minPercent), 上限: n(band.maxPercent), 计算基数: band.of };
    case 'multiple':
      return {
        幅度类型: kind,
        下限: n(band.minTimes),
        上限: n(band.maxTimes),
        计算基数: band.of,
        基数下限: n(band.minBase),
        不足额: n(band.fallback?.below),
        不足额下限: n(band.fallback?.min),
        不足额上限: n(band.fallback?.max),
      };
    case 'perUnit':
      return { 幅度类型: kind, 下限: n(band.minPerUnit), 上限: n(band.maxPerUnit), 计量单位: band.unit };
    case 'fixed':
      return { 幅度类型: kind, 下限: n(band.amount) };
    case 'none':
      return { 幅度类型: kind };
  }
}

function gradesText(model: CalcModel | undefined): string {
  return model?.kind === 'bandPerLevel'
    ? model.grades.map((g) => `${g.name}:${g.upToScore}:${g.from}-${g.to}`).join('；')
    : '';
}

function factorRows(owner: string, f: DiscretionFactor): SheetRows {
  return f.levels.map((l, i) => [
    owner,
    f.id,
    f.name,
    i === 0 ? String(f.weight) : '',
    l.id,
    l.label,
    String(l.score),
    i === 0 ? evidence(f.evidence) : '',
  ]);
}

export function writeBenchmarkTables(b: DiscretionBenchmark): {
  meta: SheetRows;
  types: SheetRows;
  factors: SheetRows;
} {
  const grades = gradesText(b.model) || gradesText(b.violations.find((v) => v.model?.kind === 'bandPerLevel')?.model);
  const meta: SheetRows = [
    ['项目', '内容'],
    ['版本', b.version],
    ['名称', b.name],
    ['来源', b.source],
    ['生效日期', b.effectiveFrom ?? ''],
    ['省级核实', yesNo(b.verified)],
    ['说明', b.note ?? ''],
    ['计算模型', modelNamesInTable[b.model.kind]],
    ['分档', grades],
    ['取整', String(b.roundTo)],
  ];
  const types: SheetRows = [typeColumns.map(headerName)];
  for (const v of b.violations) {
    const cells: Record<string, string> = {
      编码: v.code,
      标识: v.id,
      名称: v.name,
      类别: v.category,
      违反条款: articles(v.breached),
      处罚依据: articles([v.penaltyArticle]),
      处罚条文: v.penaltyText,
      处罚种类: (v.penalties ?? []).map((p) => (p.note ? `${p.kind}（${p.note}）` : p.kind)).join('；'),
      ...bandCells(v.band),
      ...(v.aggravated && v.aggravated.band.kind === 'range'
        ? { 加重情形: v.aggravated.when, 加重下限: n(v.aggravated.band.min), 加重上限: n(v.aggravated.band.max) }
        : {}),
      计算模型: v.model ? modelNamesInTable[v.model.kind] : '',
      适用共性因子: yesNo(v.commonFactors),
      违法证据: evidence(v.evidence),
      关键词: v.keywords.map((k) => `${k.words.join('、')}:${k.weight}`).join('；'),
      行业代码: v.industries.join('、'),
      法定幅度已核实: yesNo(v.verified),
      核实说明: v.verifyNote ?? '',
      违反条款已核实: v.breachedVerified === undefined ? '' : yesNo(v.breachedVerified),
      违反条款说明: v.breachedNote ?? '',
    };
    types.push(typeColumns.map((c) => cells[headerName(c)] ?? ''));
  }
  const factors: SheetRows = [factorColumns.map(headerName)];
  for (const f of b.commonFactors) factors.push(...factorRows('共性', f));
  for (const v of b.violations) for (const f of v.factors) factors.push(...factorRows(v.code, f));
  return { meta, types, factors };
}
