/**
 * The laws a discretion benchmark's types cite must be laws this workstation knows: in its law
 * library, in the law data (repeals, commencements, the article map), or cited by the benchmark in
 * use. A type citing any other law (a misspelt title, a provincial rule never loaded) would print a
 * basis nobody can look up, so a benchmark the province publishes with one is refused.
 */
import type { DiscretionBenchmark } from '#common/schemas/discretion.js';
import { lawKey } from '#core/domain/laws/citation.js';
import type { Services } from '#core/services.js';

function citedLaws(b: DiscretionBenchmark): Array<{ type: string; law: string }> {
  return b.violations.flatMap((v) => [...v.breached, v.penaltyArticle].map((a) => ({ type: v.name, law: a.law })));
}

function knownLaws(services: Services): Set<string> {
  const d = services.lawData;
  const names = [
    ...services.laws.lawIds(),
    ...d.repeals.flatMap((r) => [r.law, r.by.law]),
    ...d.commencements.map((c) => c.law),
    ...d.articleMap.flatMap((m) => [m.from.law, ...m.to.map((t) => t.law)]),
    ...d.effectiveDates.map((e) => e.law),
  ];
  try {
    names.push(...citedLaws(services.discretion.benchmark()).map((c) => c.law));
  } catch {
    /* no benchmark loaded yet: the library and the data decide */
  }
  return new Set(names.map(lawKey));
}

/** “违法行为类型“…”引用的《…》…”, one per unknown law (the first type citing it named). */
export function unknownLawProblems(services: Services, benchmark: DiscretionBenchmark): string[] {
  const known = knownLaws(services);
  const seen = new Map<string, { type: string; law: string }>();
  for (const c of citedLaws(benchmark)) {
    const key = lawKey(c.law);
    if (!known.has(key) && !seen.has(key)) seen.set(key, { type: c.type, law: c.law.replace(/[《》]/g, '') });
  }
  return [...seen.values()].map(
    ({ law, type }) => `违法行为类型“${type}”引用的《${law}》不在法律法规库中，也不是本机任何基准引用的法律`,
  );
}
