/** The statutory fine band in words clerks use: 100,000–1,000,000 元, or 总投资额的1%–5%. */
import type { FineBand } from '../../../common/schemas/reference';
import { formatYuan } from './money';

export function bandText(band: FineBand): string {
  if (band.kind === 'range') return `${formatYuan(band.min)} 至 ${formatYuan(band.max)}`;
  return `${band.of}的 ${band.minPercent}% 至 ${band.maxPercent}%`;
}

/** The band in yuan for an amount the percentage applies to (null when not computable). */
export function bandRange(band: FineBand, base: number | null): { min: number; max: number } | null {
  if (band.kind === 'range') return { min: band.min, max: band.max };
  if (base === null || base <= 0) return null;
  return { min: (base * band.minPercent) / 100, max: (base * band.maxPercent) / 100 };
}
