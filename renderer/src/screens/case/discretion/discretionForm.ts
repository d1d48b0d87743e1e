/**
 * What the 裁量计算 panel needs besides the core: the factors a type is judged on, which still lack
 * a level, and the calculate request. Pure, so it is tested without a browser.
 */
import type { OpInput, OpOutput } from '#common/operations';

type Benchmark = OpOutput<'discretion.list'>;
export type BenchmarkType = Benchmark['violations'][number];
export type Factor = Benchmark['commonFactors'][number];

/** The benchmark's 共性因子 (unless the type opts out), then the type's own, as the calculator uses them. */
export function factorsOf(benchmark: Benchmark, type: BenchmarkType): Factor[] {
  return [...(type.commonFactors ? benchmark.commonFactors : []), ...type.factors];
}

export function missingFactors(factors: readonly Factor[], levels: Readonly<Record<string, string>>): string[] {
  return factors.filter((f) => !levels[f.id]).map((f) => f.name);
}

export function calculateRequest(
  benchmark: Benchmark,
  type: BenchmarkType,
  levels: Readonly<Record<string, string>>,
  base: number | null,
  aggravated: boolean,
): OpInput<'discretion.calculate'> {
  const known = new Set(factorsOf(benchmark, type).map((f) => f.id));
  return {
    violationId: type.id,
    version: benchmark.version,
    levels: Object.fromEntries(Object.entries(levels).filter(([id, level]) => known.has(id) && level)),
    base,
    aggravated: aggravated && Boolean(type.aggravated),
  };
}

/** The calculator's paragraph as the last paragraph of the 裁量理由, replacing one it wrote before. */
const calculatedParagraph = /^依据[^\n]*根据生态环境行政处罚裁量基准[^\n]*拟处罚款[^\n]*。$/m;

export function mergeReasoning(existing: string, explanation: string): string {
  const text = existing.trim();
  if (!text) return explanation;
  if (calculatedParagraph.test(text)) return text.replace(calculatedParagraph, explanation);
  return `${text}\n${explanation}`;
}
