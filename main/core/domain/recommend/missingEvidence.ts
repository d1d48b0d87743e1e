/**
 * The evidence a violation type needs (违法证据 for the violation, 裁量证据 for each discretion
 * factor, as listed in the benchmark) checked against what the case already holds. A piece counts as
 * present when the case has a record that provides it (a document type such as inspection-record, an
 * evidence kind such as photo or sampling) or when the officer ticked it by its id. Pure.
 */
import type { BenchmarkEntry, DiscretionBenchmark, EvidenceCheck, EvidenceItem } from '#common/schemas/discretion.js';
import { applicableFactors } from '../discretion/calculate.js';

function check(
  item: EvidenceItem,
  kind: EvidenceCheck['kind'],
  factor: string | null,
  present: ReadonlySet<string>,
): EvidenceCheck {
  const matchedBy = [item.id, ...item.satisfiedBy].filter((t) => present.has(t));
  return {
    id: item.id,
    name: item.name,
    kind,
    factor,
    present: matchedBy.length > 0,
    satisfiedBy: item.satisfiedBy,
    matchedBy,
  };
}

export function evidenceChecklist(
  benchmark: DiscretionBenchmark,
  entry: BenchmarkEntry,
  present: Iterable<string>,
): EvidenceCheck[] {
  const have = new Set(present);
  const checks: EvidenceCheck[] = [];
  const seen = new Set<string>();
  for (const item of [...benchmark.commonEvidence, ...entry.evidence]) {
    if (seen.has(item.id)) continue;
    seen.add(item.id);
    checks.push(check(item, '违法证据', null, have));
  }
  // 裁量证据: once per piece, naming every factor it serves; a piece already listed as 违法证据 is not repeated.
  const byId = new Map<string, EvidenceCheck>();
  for (const f of applicableFactors(benchmark, entry)) {
    for (const item of f.evidence) {
      if (seen.has(item.id)) continue;
      const prior = byId.get(item.id);
      if (prior) prior.factor = `${prior.factor}、${f.name}`;
      else byId.set(item.id, check(item, '裁量证据', f.name, have));
    }
  }
  return [...checks, ...byId.values()];
}

/** What the case already holds, as tokens the benchmark's satisfiedBy lists use. */
export function presentTokens(
  documents: ReadonlyArray<{ type: string }>,
  evidence: ReadonlyArray<{ kind: string }>,
): string[] {
  return [...new Set([...documents.map((d) => d.type), ...evidence.map((e) => e.kind)])];
}
