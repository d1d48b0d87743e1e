/**
 * A discretion benchmark (the violation types with their articles, bands and factors) through the
 * store discretion.import saves to; each type must cite a law the workstation knows. “What changed”
 * names the types corrected, added and no longer listed, against the benchmark in use before.
 */
import { AppError } from '#common/errors.js';
import type { BenchmarkEntry, DiscretionBenchmark } from '#common/schemas/discretion.js';
import { unknownLawProblems } from '#core/application/benchmarkLaws.js';
import { canonicalJson } from '#core/store/hashing.js';
import type { Services } from '#core/services.js';
import { someNames, type ReferenceApplier } from './types.js';

function inUse(services: Services): DiscretionBenchmark | null {
  try {
    return services.discretion.benchmark();
  } catch {
    return null;
  }
}

function differences(before: readonly BenchmarkEntry[], after: readonly BenchmarkEntry[]): string[] {
  const old = new Map(before.map((v) => [v.id, canonicalJson(v)]));
  const ids = new Set(after.map((v) => v.id));
  const corrected = after.filter((v) => old.has(v.id) && old.get(v.id) !== canonicalJson(v)).map((v) => v.name);
  const added = after.filter((v) => !old.has(v.id)).map((v) => v.name);
  const gone = before.filter((v) => !ids.has(v.id)).map((v) => v.name);
  return [
    corrected.length ? `更正${corrected.length}类（${someNames(corrected)}）` : '',
    added.length ? `新增${added.length}类（${someNames(added)}）` : '',
    gone.length ? `不再列出${gone.length}类（${someNames(gone)}）` : '',
  ].filter(Boolean);
}

export const violationTypesApplier: ReferenceApplier<'violationTypes'> = {
  async apply(services, benchmark, version) {
    const problems = unknownLawProblems(services, benchmark);
    if (problems.length)
      throw new AppError('VALIDATION', `${problems.slice(0, 3).join('；')}${problems.length > 3 ? '……' : ''}`);
    const before = inUse(services);
    const saved = services.discretion.saveImported(
      benchmark,
      `省级下发（${version}）`,
      services.clock.now().toISOString(),
      '省级服务器',
    );
    if (!saved.changed) return [`违法行为类型：裁量基准 ${benchmark.version} 版与本机相同，未作更改`];
    const diff = differences(before?.violations ?? [], benchmark.violations);
    return [
      `违法行为类型：${diff.length ? diff.join('，') : '类型未变'}（裁量基准 ${benchmark.version} 版已启用，共${benchmark.violations.length}类）`,
    ];
  },
};
