/** The statutory fine band in words clerks use: 100,000–1,000,000 元, or 总投资额的1%–5%. */
import type { FineBand } from '#common/schemas/reference';
import { bandLimits, bandText as statedBand } from '#common/fineBands';
import { formatYuan } from '#common/money';

export function bandText(band: FineBand): string {
  if (band.kind === 'range') return `${formatYuan(band.min)} 至 ${formatYuan(band.max)}`;
  if (band.kind === 'percent') return `${band.of}的 ${band.minPercent}% 至 ${band.maxPercent}%`;
  return statedBand(band); // the benchmark's other kinds: multiple, per day/occurrence, fixed, none
}

/** The band in yuan for the amount it is counted from (null when not computable). */
export function bandRange(band: FineBand, base: number | null): { min: number; max: number } | null {
  const limits = bandLimits(band, base);
  return limits.ok ? { min: limits.min, max: limits.max } : null;
}
