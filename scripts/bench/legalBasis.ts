/**
 * resolving a case's legal basis (the law of the act's date, 从旧兼从轻 on the case's
 * figures) with every type and mapping loaded; target < 5 ms. Measured on the three cases of the
 * issue: an act under the Code, and an earlier act compared on its investment both ways.
 */
import { loadBenchmark } from '#core/services.js';
import { loadLawData } from '#core/lawResources.js';
import { resolveLegalBasis } from '#core/domain/legalBasis/resolve.js';
import { median, type Figure } from './report.js';

export async function legalBasisFigures(report: (f: Figure) => void): Promise<void> {
  const { violations } = loadBenchmark();
  const data = loadLawData();
  const index = { types: violations, map: data.articleMap, periods: data };
  const pick = (id: string) => violations.find((v) => v.id === id)!;
  const queries: Array<{ chosen: (typeof violations)[number]; actOn: string; amounts: Record<string, number> }> = [
    { chosen: pick('air-over-standard-emission'), actOn: '2026-09-10', amounts: {} },
    { chosen: pick('code-1095-report-book'), actOn: '2026-06-01', amounts: { 建设项目总投资额: 100_000_000 } },
    { chosen: pick('code-1095-report-form'), actOn: '2026-06-01', amounts: { 建设项目总投资额: 2_000_000 } },
  ];
  const times: number[] = [];
  for (let i = 0; i < 300; i++) {
    const q = queries[i % queries.length]!;
    const t0 = performance.now();
    resolveLegalBasis(index, data.temporal, {
      chosen: q.chosen,
      actOn: q.actOn,
      continuing: false,
      decisionOn: '2026-12-07',
      figures: { amounts: q.amounts, aggravated: false },
    });
    times.push(performance.now() - t0);
  }
  report({
    name: 'legal-basis-resolve',
    value: median(times),
    unit: 'ms',
    op: '<',
    target: 5,
    note: `median of 300, ${violations.length} types and ${data.articleMap.length} mappings loaded`,
  });
}
