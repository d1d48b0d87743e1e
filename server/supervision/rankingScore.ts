/**
 * The scores of 绩效排行 from the counts of each unit (a bureau or an officer) and the published weights.
 * Pure. Total = Σ(weight × rate) ÷ Σ(weight) over the measures that count (data, weight above 0, sample
 * at least minCount), on 0–100; the formula is spelled out with the figures for the page.
 */
import type { RankingMeasureId, RankingMeasureScore, RankingRow, RankingWeights } from '#common/sync/ranking.js';

export type UnitCounts = Partial<
  Record<RankingMeasureId, { numerator: number; denominator: number /** 案卷评查: cases reviewed. */; cases?: number }>
>;

const pct = (r: number) => `${(Math.round(r * 1000) / 10).toFixed(1)}%`;
const round1 = (x: number) => Math.round(x * 10) / 10;
const figure = (x: number) => String(round1(x));

/** 案卷评查 in words: the cases, the points added up and the average score (per case, out of its maximum). */
function fileReviewDetail(c: { numerator: number; denominator: number; cases: number }): string {
  const average = c.numerator / c.cases;
  const averageMax = c.denominator / c.cases;
  return `评查${c.cases}件（各案以最近一次评查为准）：得分合计${figure(c.numerator)}，满分合计${figure(c.denominator)}；平均得分 = ${figure(c.numerator)} ÷ ${c.cases} = ${average.toFixed(1)}（平均满分${figure(averageMax)}）；得分率 = ${figure(c.numerator)} ÷ ${figure(c.denominator)} = ${pct(c.numerator / c.denominator)}`;
}

export function scoreUnit(
  unit: { id: string; name: string; bureauName: string },
  counts: UnitCounts,
  weights: RankingWeights,
): Omit<RankingRow, 'rank'> {
  const measures: RankingMeasureScore[] = weights.measures.map((m) => {
    const c = counts[m.id];
    if (!c || c.denominator === 0)
      return {
        id: m.id,
        name: m.name,
        weight: m.weight,
        numerator: null,
        denominator: null,
        rate: null,
        cases: null,
        detail: '',
        counted: false,
        note: '暂无数据',
      };
    const rate = c.numerator / c.denominator;
    // 案卷评查's sample is the cases reviewed, not the points they add up to.
    const cases = m.id === 'fileReview' ? (c.cases ?? 0) : null;
    const small = (cases ?? c.denominator) < m.minCount;
    return {
      id: m.id,
      name: m.name,
      weight: m.weight,
      numerator: c.numerator,
      denominator: c.denominator,
      rate,
      cases,
      detail: cases ? fileReviewDetail({ ...c, cases }) : '',
      counted: m.weight > 0 && !small,
      note: small ? `样本不足（少于${m.minCount}）` : m.weight > 0 ? '' : '权重为0，不计入',
    };
  });
  const counted = measures.filter((m) => m.counted);
  const left = measures
    .filter((m) => !m.counted)
    .map((m) => `${m.name}（${m.note}）`)
    .join('、');
  const leftText = left ? `；未计入：${left}` : '';
  if (!counted.length) return { ...unit, total: null, measures, formula: `暂无可计分的数据${leftText}` };
  const weightSum = counted.reduce((n, m) => n + m.weight, 0);
  const total = round1((counted.reduce((n, m) => n + m.weight * m.rate!, 0) / weightSum) * 100);
  const terms = counted.map((m) => `${m.weight}×${pct(m.rate!)}`).join(' + ');
  const formula = `总分 =（${terms}）÷ ${weightSum} = ${total.toFixed(1)}${leftText}`;
  return { ...unit, total, measures, formula };
}

/** Best first; equal totals share a rank (1, 2, 2, 4); units without a total come last, unranked. */
export function rankRows(rows: Array<Omit<RankingRow, 'rank'>>): RankingRow[] {
  const sorted = [...rows].sort(
    (a, b) => (b.total ?? -1) - (a.total ?? -1) || a.name.localeCompare(b.name, 'zh-CN') || a.id.localeCompare(b.id),
  );
  return sorted.map((r) => {
    if (r.total === null) return { ...r, rank: null };
    const first = sorted.findIndex((x) => x.total === r.total);
    return { ...r, rank: first + 1 };
  });
}
