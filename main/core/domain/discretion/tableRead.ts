/**
 * A benchmark table (three sheets as rows, see tableLayout.ts) → a checked benchmark, or every
 * problem with its sheet and line. Nothing is half-imported: a benchmark with a wrong band or a
 * missing factor would give wrong fines, so one bad row stops the import, and the report lists all
 * of them at once. Pure.
 */
import type {
  CalcModel,
  DiscretionBenchmark,
  EvidenceItem,
  ImportProblem,
  RepetitionRule,
} from '#common/schemas/discretion.js';
import { discretionBenchmark } from '#common/schemas/discretion.js';
import { penaltyKinds, type PenaltyKind } from '#common/schemas/reference.js';
import {
  readArticles,
  readEvidence,
  readKeywords,
  readNumber,
  readScore,
  readYesNo,
  splitList,
  splitOutsideParens,
} from './cells.js';
import { readBand } from './tableBand.js';
import { cell, Problems } from './tableRows.js';
import { restoreCell } from '../spreadsheetCells.js';
import {
  bandKindNames,
  factorColumns,
  headerName,
  isRequired,
  metaKeys,
  modelNamesInTable,
  sheetNames,
  typeColumns,
  type BenchmarkTables,
  type SheetKey,
  type TableRow,
} from './tableLayout.js';

export interface TableDefaults {
  /** Version given with the import; overrides an empty 版本 in 基准信息. */
  version?: string;
  /** Kept from the benchmark in use: the table does not carry them. */
  repetition: RepetitionRule[];
  commonEvidence: EvidenceItem[];
  /** Category codes known so far (建设项目 → JS). */
  categoryCodes: Record<string, string>;
  /** Grades for 分档 when 基准信息 gives none. */
  grades: Extract<CalcModel, { kind: 'bandPerLevel' }>['grades'];
}

export type TableResult = { ok: true; benchmark: DiscretionBenchmark } | { ok: false; problems: ImportProblem[] };

function checkHeaders(
  p: Problems,
  sheet: SheetKey,
  rows: TableRow[] | undefined,
  columns: readonly string[],
  headers: readonly string[] | undefined,
): void {
  if (!headers) return;
  const known = new Set(columns.map(headerName));
  for (const h of headers)
    if (h && !known.has(h)) p.add(sheet, 1, `未知的列“${h}”（本表的列为：${columns.map(headerName).join('、')}）`);
  for (const c of columns)
    if (isRequired(c) && !headers.includes(headerName(c))) p.add(sheet, 1, `缺少必填列“${headerName(c)}”`);
  if (rows && !rows.length) p.add(sheet, null, '没有数据行');
}

function readMeta(p: Problems, rows: TableRow[], defaults: TableDefaults) {
  const meta = new Map<string, { value: string; line: number }>();
  for (const r of rows) {
    const key = (r.cells.项目 ?? '').trim();
    if (!key) continue;
    if (!(metaKeys as readonly string[]).includes(key))
      p.add('meta', r.line, `未知的项目“${key}”（可用：${metaKeys.join('、')}）`);
    meta.set(key, { value: (r.cells.内容 ?? '').trim(), line: r.line });
  }
  const get = (k: string) => meta.get(k) ?? { value: '', line: 1 };
  const version = defaults.version ?? get('版本').value;
  if (!version) p.add('meta', get('版本').line, '缺少基准版本号（在“基准信息”表填写“版本”，或导入时指定）');
  const roundTo = get('取整').value ? p.take('meta', get('取整').line, readNumber(get('取整').value, '取整')) : 1;
  const verified = p.take('meta', get('省级核实').line, readYesNo(get('省级核实').value, '省级核实', false));
  const grades = get('分档').value ? readGrades(p, get('分档').value, get('分档').line) : defaults.grades;
  const model = readModel(p, 'meta', get('计算模型').line, get('计算模型').value, grades) ?? {
    kind: 'weightedMax' as const,
  };
  return {
    version,
    name: get('名称').value || `生态环境行政处罚裁量基准 ${version}`,
    source: get('来源').value,
    note: get('说明').value || undefined,
    effectiveFrom: get('生效日期').value || undefined,
    roundTo: roundTo ?? 1,
    verified: verified ?? false,
    model,
    grades,
  };
}

/** 从轻:0.33:0-0.3；一般:0.66:0.3-0.7；从重:1:0.7-1 */
function readGrades(p: Problems, text: string, line: number): TableDefaults['grades'] {
  const grades: TableDefaults['grades'] = [];
  for (const part of splitList(text)) {
    const m = /^([^:：]+)[:：]\s*([\d.]+)\s*[:：]\s*([\d.]+)\s*[-－~至]\s*([\d.]+)$/.exec(part);
    if (!m) {
      p.add('meta', line, `分档“${part}”应写作 档次名:分值上限:区间起点-区间终点，如 从轻:0.33:0-0.3`);
      continue;
    }
    grades.push({ name: m[1]!.trim(), upToScore: Number(m[2]), from: Number(m[3]), to: Number(m[4]) });
  }
  return grades;
}

function readModel(
  p: Problems,
  sheet: SheetKey,
  line: number,
  text: string,
  grades: TableDefaults['grades'],
): CalcModel | undefined {
  if (!text) return undefined;
  if (text === modelNamesInTable.weightedMax) return { kind: 'weightedMax' };
  if (text === modelNamesInTable.bandPerLevel) return { kind: 'bandPerLevel', grades };
  p.add(
    sheet,
    line,
    `计算模型应为“${modelNamesInTable.weightedMax}”或“${modelNamesInTable.bandPerLevel}”，而不是“${text}”`,
  );
  return undefined;
}

function readPenalties(p: Problems, row: TableRow): Array<{ kind: PenaltyKind; note?: string }> {
  const out: Array<{ kind: PenaltyKind; note?: string }> = [];
  for (const part of splitOutsideParens(cell(row, '处罚种类'), '、；;，,\n')) {
    const m = /^([^（(]+)(?:[（(](.*)[）)])?$/.exec(part);
    const kind = (m?.[1] ?? part).trim();
    if (!(penaltyKinds as readonly string[]).includes(kind)) {
      p.add('types', row.line, `处罚种类“${kind}”不是已知种类（${penaltyKinds.join('、')}）`);
      continue;
    }
    out.push({ kind: kind as PenaltyKind, ...(m?.[2] ? { note: m[2].trim() } : {}) });
  }
  return out;
}

interface TypeDraft {
  line: number;
  value: Record<string, unknown>;
}

function readType(p: Problems, row: TableRow, grades: TableDefaults['grades']): TypeDraft {
  const code = cell(row, '编码*');
  for (const c of ['编码*', '名称*', '类别*', '违反条款*', '处罚依据*', '处罚条文*', '幅度类型*']) {
    if (!cell(row, c)) p.add('types', row.line, `“${headerName(c)}”不能为空`);
  }
  const articles = (c: string) =>
    cell(row, c) ? p.take('types', row.line, readArticles(cell(row, c), headerName(c))) : undefined;
  const breached = articles('违反条款*');
  const penalty = articles('处罚依据*');
  if (penalty && penalty.length > 1) p.add('types', row.line, '处罚依据只能填写一个条款（如《…》第九十九条第二项）');
  const band = cell(row, '幅度类型*') ? readBand(p, row, cell(row, '幅度类型*')) : undefined;
  const when = cell(row, '加重情形');
  const aggravatedBand = when ? readBand(p, row, bandKindNames.range, '加重') : undefined;
  const keywords = p.take('types', row.line, readKeywords(cell(row, '关键词'), '关键词'));
  const verified = p.take('types', row.line, readYesNo(cell(row, '法定幅度已核实'), '法定幅度已核实', false));
  const commonFactors = p.take('types', row.line, readYesNo(cell(row, '适用共性因子'), '适用共性因子', true));
  // The Code's clauses say only 违反本法规定: whether the breached duty is our reading (absent for older tables).
  const breachedVerified = cell(row, '违反条款已核实')
    ? p.take('types', row.line, readYesNo(cell(row, '违反条款已核实'), '违反条款已核实', false))
    : undefined;
  const model = readModel(p, 'types', row.line, cell(row, '计算模型'), grades);
  const industries = cell(row, '行业代码')
    .split(/[、，,；;\s]+/)
    .filter(Boolean);
  return {
    line: row.line,
    value: {
      id: cell(row, '标识') || code.toLowerCase(),
      code,
      name: cell(row, '名称*'),
      category: cell(row, '类别*'),
      breached,
      penaltyArticle: penalty?.[0],
      band,
      penaltyText: cell(row, '处罚条文*'),
      penalties: readPenalties(p, row),
      ...(when && aggravatedBand ? { aggravated: { when, band: aggravatedBand } } : {}),
      factors: [],
      commonFactors,
      ...(model ? { model } : {}),
      evidence: readEvidence(cell(row, '违法证据')),
      keywords,
      industries,
      verified,
      ...(cell(row, '核实说明') ? { verifyNote: cell(row, '核实说明') } : {}),
      ...(breachedVerified !== undefined ? { breachedVerified } : {}),
      ...(cell(row, '违反条款说明') ? { breachedNote: cell(row, '违反条款说明') } : {}),
    },
  };
}

interface FactorDraft {
  line: number;
  owner: string;
  value: { id: string; name: string; weight?: number; levels: unknown[]; evidence: EvidenceItem[] };
}

function readFactors(p: Problems, rows: TableRow[]): FactorDraft[] {
  const factors: FactorDraft[] = [];
  for (const row of rows) {
    const owner = cell(row, '违法行为编码') || '共性';
    const name = cell(row, '因子名称*');
    if (!name) {
      p.add('factors', row.line, '“因子名称”不能为空');
      continue;
    }
    const id = cell(row, '因子编号') || name;
    let f = factors.find((x) => x.owner === owner && x.value.id === id);
    if (!f) {
      f = { line: row.line, owner, value: { id, name, levels: [], evidence: [] } };
      factors.push(f);
    }
    const weightText = cell(row, '权重');
    if (weightText) {
      const w = p.take('factors', row.line, readNumber(weightText, '权重'));
      if (w !== undefined && f.value.weight !== undefined && w !== f.value.weight)
        p.add('factors', row.line, `裁量因子“${name}”的权重前后不一致（${f.value.weight}与${w}）`);
      else if (w !== undefined) f.value.weight = w;
    }
    if (cell(row, '裁量证据')) f.value.evidence.push(...readEvidence(cell(row, '裁量证据')));
    const label = cell(row, '等级*');
    const score = cell(row, '分值*') ? p.take('factors', row.line, readScore(cell(row, '分值*'), '分值')) : undefined;
    if (!label) p.add('factors', row.line, '“等级”不能为空');
    if (!cell(row, '分值*')) p.add('factors', row.line, '“分值”不能为空');
    if (label && score !== undefined)
      f.value.levels.push({ id: cell(row, '等级编号') || `L${f.value.levels.length + 1}`, label, score });
  }
  for (const f of factors)
    if (f.value.weight === undefined) p.add('factors', f.line, `裁量因子“${f.value.name}”没有填写权重`);
  return factors;
}

function categoriesOf(types: TypeDraft[], known: Record<string, string>): Array<{ name: string; code: string }> {
  const names = [...new Set(types.map((t) => String(t.value.category ?? '')).filter(Boolean))];
  return names.map((name) => {
    const first = types.find((t) => t.value.category === name);
    const prefix = /^([A-Za-z]+)[-_]/.exec(String(first?.value.code ?? ''))?.[1];
    return { name, code: known[name] ?? prefix ?? name.slice(0, 8) };
  });
}

const restoreText = (v: string): string => restoreCell(v).trim();

function restoreTables(tables: BenchmarkTables): BenchmarkTables {
  const rows = (list: TableRow[] | undefined) =>
    list?.map((r) => ({
      line: r.line,
      cells: Object.fromEntries(
        Object.entries(r.cells).map(([k, v]) => [restoreText(k), restoreText(String(v ?? ''))]),
      ),
    }));
  return Object.fromEntries(Object.entries(tables).map(([k, list]) => [k, rows(list)])) as BenchmarkTables;
}

/** Maps a schema issue back to the row it came from. */
function lineOf(
  path: ReadonlyArray<PropertyKey>,
  types: TypeDraft[],
  commonFactors: FactorDraft[],
  typeFactors: Map<string, FactorDraft[]>,
): { sheet: SheetKey; line: number | null } {
  if (path[0] === 'violations' && typeof path[1] === 'number') {
    const t = types[path[1]];
    if (path[2] === 'factors' && typeof path[3] === 'number' && t) {
      const f = typeFactors.get(String(t.value.code))?.[path[3]];
      if (f) return { sheet: 'factors', line: f.line };
    }
    return { sheet: 'types', line: t?.line ?? null };
  }
  if (path[0] === 'commonFactors' && typeof path[1] === 'number')
    return { sheet: 'factors', line: commonFactors[path[1]]?.line ?? null };
  return { sheet: 'meta', line: null };
}

export function readBenchmarkTables(
  exported: BenchmarkTables,
  defaults: TableDefaults,
  exportedHeaders: Partial<Record<SheetKey, string[]>> = {},
): TableResult {
  // discretion.export protects cells starting with = + - @ (formula injection): read them back as typed.
  const tables = restoreTables(exported);
  const headers = Object.fromEntries(
    Object.entries(exportedHeaders).map(([k, hs]) => [k, hs?.map(restoreText)]),
  ) as Partial<Record<SheetKey, string[]>>;
  const p = new Problems();
  if (!tables.types)
    p.add('types', null, `缺少“${sheetNames.types}”表（Excel工作表名称，或CSV文件名包含“${sheetNames.types}”）`);
  if (!tables.factors)
    p.add('factors', null, `缺少“${sheetNames.factors}”表（Excel工作表名称，或CSV文件名包含“${sheetNames.factors}”）`);
  checkHeaders(p, 'types', tables.types, typeColumns, headers.types);
  checkHeaders(p, 'factors', tables.factors, factorColumns, headers.factors);
  checkHeaders(p, 'meta', undefined, ['项目*', '内容*'], headers.meta);
  if (p.list.length) return { ok: false, problems: p.list };

  const meta = readMeta(p, tables.meta ?? [], defaults);
  const types = tables.types!.map((r) => readType(p, r, meta.grades));
  const factors = readFactors(p, tables.factors!);
  for (const key of ['code', 'id'] as const) {
    const first = new Map<string, number>();
    for (const t of types) {
      const v = String(t.value[key] ?? '');
      const seen = first.get(v);
      if (v && seen !== undefined)
        p.add('types', t.line, `违法行为${key === 'code' ? '编码' : '标识'}“${v}”重复（第${seen}行已有）`);
      else first.set(v, t.line);
    }
  }
  const common = factors.filter((f) => f.owner === '共性');
  const byType = new Map<string, FactorDraft[]>();
  for (const f of factors.filter((x) => x.owner !== '共性')) {
    if (!types.some((t) => t.value.code === f.owner))
      p.add('factors', f.line, `违法行为编码“${f.owner}”不在“${sheetNames.types}”表中`);
    byType.set(f.owner, [...(byType.get(f.owner) ?? []), f]);
  }
  for (const t of types) t.value.factors = (byType.get(String(t.value.code)) ?? []).map((f) => f.value);
  if (p.list.length) return { ok: false, problems: p.list };

  const parsed = discretionBenchmark.safeParse({
    ...meta,
    categories: categoriesOf(types, defaults.categoryCodes),
    model: meta.model,
    commonFactors: common.map((f) => f.value),
    commonEvidence: defaults.commonEvidence,
    repetition: defaults.repetition,
    violations: types.map((t) => t.value),
  });
  if (parsed.success) return { ok: true, benchmark: parsed.data };
  for (const issue of parsed.error.issues) {
    const at = lineOf(issue.path, types, common, byType);
    const where = issue.path.slice(at.sheet === 'meta' ? 0 : 2).join('.');
    p.add(at.sheet, at.line, `${issue.message}${where && issue.code !== 'custom' ? `（${where}）` : ''}`);
  }
  return { ok: false, problems: p.list };
}
