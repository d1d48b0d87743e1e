/**
 * The discretion calculator (行政处罚裁量): a violation type of the benchmark and the level chosen
 * for each of its factors → the fine, with every step explained. Pure.
 *
 * Two models, both as data in the benchmark (see common/schemas/discretion.ts):
 * - weightedMax: fine = weighted score × statutory maximum;
 * - bandPerLevel: the weighted score picks a grade (从轻 / 一般 / 从重 …), each a slice of the band.
 * Either way the fine is rounded and then kept inside the statutory band (行政处罚法 art. 34: a
 * benchmark refines the band, never leaves it); when that moves the amount, the explanation says so.
 * Both models are non-decreasing in every factor's score, so a heavier level never lowers the fine.
 */
import type {
  BenchmarkEntry,
  CalcModel,
  CalculationResult,
  CalcStep,
  DiscretionBenchmark,
  DiscretionFactor,
} from '#common/schemas/discretion.js';
import { calcModelNames } from '#common/schemas/discretion.js';
import { bandLimits, bandText } from '#common/fineBands.js';
import { yuanInText } from '#common/money.js';
import { round, stepLine, summaryLines } from './explanation.js';

export interface CalcRequest {
  /** factor id → level id. */
  levels: Readonly<Record<string, string>>;
  /** The amount the band is counted from, or days / occurrences; null when the band needs none. */
  base: number | null;
  aggravated: boolean;
}

export type CalcOutcome = { ok: true; result: CalculationResult } | { ok: false; problems: string[] };

/** The factors that apply to a type: the benchmark's 共性因子 (unless switched off), then its own. */
export function applicableFactors(benchmark: DiscretionBenchmark, entry: BenchmarkEntry): DiscretionFactor[] {
  return [...(entry.commonFactors ? benchmark.commonFactors : []), ...entry.factors];
}

export function modelOf(benchmark: DiscretionBenchmark, entry: BenchmarkEntry): CalcModel {
  return entry.model ?? benchmark.model;
}

interface Chosen {
  factor: DiscretionFactor;
  levelId: string;
  label: string;
  score: number;
}

function chooseLevels(
  factors: DiscretionFactor[],
  levels: Readonly<Record<string, string>>,
): { chosen: Chosen[]; problems: string[] } {
  const problems: string[] = [];
  const chosen: Chosen[] = [];
  const missing = factors.filter((f) => levels[f.id] === undefined).map((f) => f.name);
  if (missing.length) problems.push(`请选择裁量因子的等级：${missing.join('、')}`);
  const known = new Set(factors.map((f) => f.id));
  const extra = Object.keys(levels).filter((id) => !known.has(id));
  if (extra.length) problems.push(`以下裁量因子不适用于该违法行为：${extra.join('、')}`);
  for (const f of factors) {
    const id = levels[f.id];
    if (id === undefined) continue;
    const level = f.levels.find((l) => l.id === id);
    if (!level)
      problems.push(
        `裁量因子“${f.name}”没有等级“${id}”（可选：${f.levels.map((l) => `${l.id} ${l.label}`).join('；')}）`,
      );
    else chosen.push({ factor: f, levelId: level.id, label: level.label, score: level.score });
  }
  return { chosen, problems };
}

/** bandPerLevel: the grade holding the score and the fraction of the band it gives. */
function gradeFraction(
  model: Extract<CalcModel, { kind: 'bandPerLevel' }>,
  score: number,
): { grade: string; fraction: number; from: number; to: number } {
  let lower = 0;
  for (const g of model.grades) {
    if (score <= g.upToScore + 1e-12) {
      const span = g.upToScore - lower;
      const position = span > 0 ? Math.min(1, Math.max(0, (score - lower) / span)) : 1;
      return { grade: g.name, fraction: g.from + (g.to - g.from) * position, from: g.from, to: g.to };
    }
    lower = g.upToScore;
  }
  const last = model.grades.at(-1)!; // unreachable: the schema makes the last grade reach 1
  return { grade: last.name, fraction: last.to, from: last.from, to: last.to };
}

export function calculateFine(benchmark: DiscretionBenchmark, entry: BenchmarkEntry, req: CalcRequest): CalcOutcome {
  if (req.aggravated && !entry.aggravated)
    return { ok: false, problems: [`“${entry.name}”的处罚依据未规定加重的罚款幅度`] };
  const band = req.aggravated ? entry.aggravated!.band : entry.band;
  const penaltyArticle = `${entry.penaltyArticle.law}${entry.penaltyArticle.article}`;
  const factors = applicableFactors(benchmark, entry);
  const { chosen, problems } = chooseLevels(factors, req.levels);
  const limits = band.kind === 'none' ? { ok: true as const, min: 0, max: 0, basis: '' } : bandLimits(band, req.base);
  if (!limits.ok) problems.push(limits.problem);
  if (!factors.length && band.kind !== 'none') problems.push(`裁量基准未为“${entry.name}”设置裁量因子，无法计算`);
  if (problems.length || !limits.ok) return { ok: false, problems };

  const model = modelOf(benchmark, entry);
  const totalWeight = chosen.reduce((s, c) => s + c.factor.weight, 0);
  const score = totalWeight > 0 ? chosen.reduce((s, c) => s + c.factor.weight * c.score, 0) / totalWeight : 0;
  const { min, max } = limits;
  const steps: CalcStep[] = chosen.map((c) => {
    const weightedScore = totalWeight > 0 ? (c.factor.weight / totalWeight) * c.score : 0;
    return {
      factorId: c.factor.id,
      factor: c.factor.name,
      levelId: c.levelId,
      level: c.label,
      score: c.score,
      weight: c.factor.weight,
      weightedScore: round(weightedScore, 4),
      amount: model.kind === 'weightedMax' ? round(weightedScore * max, 2) : null,
      evidence: c.factor.evidence.map((e) => e.name),
    };
  });

  let raw: number;
  let grade: ReturnType<typeof gradeFraction> | null = null;
  if (band.kind === 'none') raw = 0;
  else if (model.kind === 'weightedMax') raw = score * max;
  else {
    grade = gradeFraction(model, score);
    raw = min + (max - min) * grade.fraction;
  }
  const rounded = band.kind === 'none' ? 0 : Math.round(raw / benchmark.roundTo) * benchmark.roundTo;
  const fine = Math.min(max, Math.max(min, rounded));
  const clamped = rounded < min ? 'min' : rounded > max ? 'max' : null;

  const result: CalculationResult = {
    benchmarkVersion: benchmark.version,
    violationId: entry.id,
    violationCode: entry.code,
    violationName: entry.name,
    penaltyArticle,
    model: model.kind,
    modelName: calcModelNames[model.kind],
    band,
    bandText: bandText(band),
    aggravated: req.aggravated,
    min,
    max,
    basis: limits.basis,
    steps,
    totalWeight,
    score: round(score, 4),
    grade: grade?.grade ?? null,
    raw: round(raw, 2),
    fine: round(fine, 2),
    clamped,
    lines: [],
  };
  result.lines = [
    ...summaryLines(result, entry.aggravated?.when ?? null),
    ...steps.map((s, i) => stepLine(s, i, totalWeight)),
    ...computationLines(result, rounded, benchmark.roundTo, grade),
  ];
  return { ok: true, result };
}

function computationLines(
  r: CalculationResult,
  rounded: number,
  roundTo: number,
  grade: ReturnType<typeof gradeFraction> | null,
): string[] {
  if (r.band.kind === 'none') return ['处罚依据未规定罚款，不计算罚款金额。'];
  const lines = [`加权裁量分值合计：${r.score}（0为最轻，1为最重）。`];
  if (r.model === 'weightedMax')
    lines.push(`计算：${r.score} × 法定最高额${yuanInText(r.max)} = ${yuanInText(r.raw)}。`);
  else if (grade) {
    lines.push(
      `裁量分值属于“${grade.grade}”档，该档位于法定幅度的${round(grade.from * 100, 1)}%至${round(grade.to * 100, 1)}%之间；` +
        `计算：${yuanInText(r.min)} + (${yuanInText(r.max)} − ${yuanInText(r.min)}) × ${round(grade.fraction, 4)} = ${yuanInText(r.raw)}。`,
    );
  }
  if (roundTo > 1 && rounded !== r.raw) lines.push(`按${yuanInText(roundTo)}取整为${yuanInText(rounded)}。`);
  if (r.clamped === 'min')
    lines.push(`计算金额低于法定最低额，依法按最低额${yuanInText(r.min)}确定（不得低于法定幅度）。`);
  if (r.clamped === 'max')
    lines.push(`计算金额高于法定最高额，依法按最高额${yuanInText(r.max)}确定（不得超出法定幅度）。`);
  if (r.fine === 0) {
    // 处…以下的罚款 has no floor: the lightest levels can give 0, which is no fine at all.
    lines.push(
      '计算金额为0元：法定幅度没有下限，可依照行政处罚法第三十三条考虑不予处罚；决定罚款的，须确定大于0的金额。',
    );
  }
  lines.push(`建议罚款金额：${yuanInText(r.fine)}（裁量基准版本 ${r.benchmarkVersion}）。`);
  return lines;
}
