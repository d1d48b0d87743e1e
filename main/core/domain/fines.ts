/**
 * Whether a fine lies inside the statutory band of the violation (e.g. 大气法 art. 99:
 * 100,000–1,000,000 yuan; 环评法 art. 31(1): 1%–5% of total investment; 固废法 art. 112: 3–5 times
 * the disposal cost, counted on at least 200,000 yuan). Pure.
 *
 * `base` is the amount the band is counted from (investment, illegal income, disposal cost) or the
 * number of days / occurrences for a per-unit band; null when the band needs none.
 */
import type { FineBand } from '#common/schemas/reference.js';
import { bandLimits, bandText } from '#common/fineBands.js';

export function fineBandProblem(band: FineBand, fine: number, base: number | null): string | null {
  if (band.kind === 'none') return `处罚依据未规定罚款${fine > 0 ? `，不应处以罚款（${fine}元）` : ''}`;
  if (!Number.isFinite(fine) || fine <= 0) return '罚款金额应为正数';
  const limits = bandLimits(band, base);
  if (!limits.ok) return limits.problem;
  if (fine >= limits.min && fine <= limits.max) return null;
  // The two original kinds keep their wording: procedure tests and clerks know it.
  if (band.kind === 'range') return `罚款金额${fine}元超出法定幅度（${band.min}元至${band.max}元）`;
  if (band.kind === 'percent')
    return `罚款金额${fine}元超出法定幅度（${band.of}的${band.minPercent}%至${band.maxPercent}%，即${limits.min}元至${limits.max}元）`;
  if (band.kind === 'fixed') return `罚款金额${fine}元与法定数额（${band.amount}元）不符`;
  return `罚款金额${fine}元超出法定幅度（${bandText(band)}，${limits.basis}，即${limits.min}元至${limits.max}元）`;
}
