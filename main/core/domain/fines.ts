/**
 * Whether a fine lies inside the statutory band of the violation (e.g. 大气法 art. 99:
 * 100,000–1,000,000 yuan; 环评法 art. 31(1): 1%–5% of total investment). Pure.
 */
import type { FineBand } from '../../../common/schemas/reference.js';

export function fineBandProblem(band: FineBand, fine: number, base: number | null): string | null {
  if (!Number.isFinite(fine) || fine <= 0) return '罚款金额应为正数';
  if (band.kind === 'range') {
    if (fine < band.min || fine > band.max) return `罚款金额${fine}元超出法定幅度（${band.min}元至${band.max}元）`;
    return null;
  }
  if (base == null || !Number.isFinite(base) || base <= 0) return `须填写${band.of}以计算法定幅度`;
  const min = Math.round(base * band.minPercent) / 100;
  const max = Math.round(base * band.maxPercent) / 100;
  if (fine < min || fine > max) return `罚款金额${fine}元超出法定幅度（${band.of}的${band.minPercent}%至${band.maxPercent}%，即${min}元至${max}元）`;
  return null;
}
