/**
 * The spreadsheet layout of a discretion benchmark (docs/discretion-benchmark.md): three sheets,
 * named by their headers, one row per violation type, one row per factor level. The province edits
 * the table in Excel or WPS; `readBenchmarkTables` and `writeBenchmarkTables` convert it. Pure.
 */
import type { FineBandKind } from '#common/schemas/reference.js';

/** Sheet names (xlsx) and the words a CSV file name must contain to be read as that sheet. */
export const sheetNames = { meta: '基准信息', types: '违法行为', factors: '裁量因子' } as const;
export type SheetKey = keyof typeof sheetNames;
export const csvNameHints: Record<SheetKey, string[]> = {
  meta: ['基准信息', 'meta'],
  types: ['违法行为', 'types', 'violations'],
  factors: ['裁量因子', 'factors'],
};

/** 基准信息: two columns, 项目 and 内容; these are the 项目 it knows. */
export const metaKeys = ['版本', '名称', '来源', '生效日期', '省级核实', '说明', '计算模型', '分档', '取整'] as const;

/** 违法行为: the columns, in the order the exported table uses; * marks the required ones. */
export const typeColumns = [
  '编码*',
  '标识',
  '名称*',
  '类别*',
  '违反条款*',
  '处罚依据*',
  '处罚条文*',
  '处罚种类',
  '幅度类型*',
  '下限',
  '上限',
  '计算基数',
  '基数下限',
  '不足额',
  '不足额下限',
  '不足额上限',
  '计量单位',
  '加重情形',
  '加重下限',
  '加重上限',
  '计算模型',
  '适用共性因子',
  '违法证据',
  '关键词',
  '行业代码',
  '法定幅度已核实',
  '核实说明',
  '违反条款已核实',
  '违反条款说明',
] as const;

/** 裁量因子: one row per level; 违法行为编码 empty or 共性 for the factors every type shares. */
export const factorColumns = [
  '违法行为编码',
  '因子编号',
  '因子名称*',
  '权重',
  '等级编号',
  '等级*',
  '分值*',
  '裁量证据',
] as const;

export const bandKindNames: Record<FineBandKind, string> = {
  range: '数额',
  percent: '百分比',
  multiple: '倍数',
  perUnit: '按日或按次',
  fixed: '定额',
  none: '无罚款',
};
export const bandKindByName: Record<string, FineBandKind> = Object.fromEntries(
  Object.entries(bandKindNames).map(([k, v]) => [v, k as FineBandKind]),
);

export const modelNamesInTable = { weightedMax: '加权最高额', bandPerLevel: '分档' } as const;

/** Separators between several values in one cell: 《A》第一条；《B》第二条. */
export const listSeparator = /[；;\n]+/;
/** Between words of one keyword entry, or penalty kinds: 暗管、私设、旁路. */
export const wordSeparator = /[、，,]+/;

export const headerName = (column: string): string => column.replace('*', '');
export const isRequired = (column: string): boolean => column.endsWith('*');

/** A sheet as rows of cells by header, each with its line in the file (the header is line 1). */
export interface TableRow {
  line: number;
  cells: Readonly<Record<string, string>>;
}
export type BenchmarkTables = Partial<Record<SheetKey, TableRow[]>>;
