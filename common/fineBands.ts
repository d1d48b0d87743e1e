/**
 * A statutory fine band in yuan and in words, shared by the core (guards, discretion calculator,
 * legality review) and the renderer (report form), so both state the band the same way. Pure.
 */
import type { FineBand, perUnits } from './schemas/reference.js';
import { yuanInText } from './money.js';

type PerUnit = (typeof perUnits)[number];

export type BandLimits =
  | {
      ok: true;
      min: number;
      max: number /** How the limits follow from the base, in Chinese; '' for a plain range. */;
      basis: string;
    }
  | { ok: false; problem: string };

const cents = (x: number): number => Math.round(x * 100) / 100;
/** 1,234,567.5元: amounts as the explanation and the band texts print them. */
const yuan = yuanInText;

/** What a per-unit band counts: 违法天数, 违法次数, 面积（平方米）, 长度（米）. */
function unitLabel(unit: PerUnit): string {
  return { 日: '违法天数', 次: '违法次数', 平方米: '面积（平方米）', 米: '长度（米）' }[unit];
}

function baseMissing(base: number | null): boolean {
  return base == null || !Number.isFinite(base) || base <= 0;
}

/**
 * The band in yuan. `base` is the amount the band is counted from: total investment (percent),
 * illegal income, value of goods or disposal cost (multiple), number of days or occurrences (perUnit).
 */
export function bandLimits(band: FineBand, base: number | null): BandLimits {
  switch (band.kind) {
    case 'range':
      return { ok: true, min: band.min, max: band.max, basis: '' };
    case 'fixed':
      return { ok: true, min: band.amount, max: band.amount, basis: '' };
    case 'none':
      return { ok: false, problem: '处罚依据未规定罚款' };
    case 'percent':
      if (baseMissing(base)) return { ok: false, problem: `须填写${band.of}以计算法定幅度` };
      return {
        ok: true,
        min: cents((base! * band.minPercent) / 100),
        max: cents((base! * band.maxPercent) / 100),
        basis: `${band.of}${yuan(base!)}的${band.minPercent}%至${band.maxPercent}%`,
      };
    case 'multiple': {
      const b = base != null && Number.isFinite(base) && base >= 0 ? base : null;
      if (band.fallback && (b === null || b < band.fallback.below)) {
        const why = b === null || b === 0 ? `没有${band.of}` : `${band.of}${yuan(b)}不足${yuan(band.fallback.below)}`;
        return {
          ok: true,
          min: band.fallback.min,
          max: band.fallback.max,
          basis: `${why}，按${yuan(band.fallback.min)}至${yuan(band.fallback.max)}`,
        };
      }
      if (b === null || b <= 0) return { ok: false, problem: `须填写${band.of}以计算法定幅度` };
      const counted = band.minBase && b < band.minBase ? band.minBase : b;
      const floor =
        counted === b ? '' : `（${band.of}${yuan(b)}不足${yuan(band.minBase!)}，按${yuan(band.minBase!)}计算）`;
      return {
        ok: true,
        min: cents(counted * band.minTimes),
        max: cents(counted * band.maxTimes),
        basis: `${band.of}${yuan(counted)}的${band.minTimes}倍至${band.maxTimes}倍${floor}`,
      };
    }
    case 'perUnit': {
      const counted = band.unit === '日' || band.unit === '次';
      if (baseMissing(base) || (counted && !Number.isInteger(base)))
        return { ok: false, problem: `须填写${unitLabel(band.unit)}${counted ? '（正整数）' : ''}以计算法定幅度` };
      return {
        ok: true,
        min: cents(base! * band.minPerUnit),
        max: cents(base! * band.maxPerUnit),
        basis: `每${band.unit}${yuan(band.minPerUnit)}至${yuan(band.maxPerUnit)}，共${base}${band.unit}`,
      };
    }
  }
}

/** The band as the statute states it: 100000元至1000000元; 建设项目总投资额的1%至5%. */
export function bandText(band: FineBand): string {
  switch (band.kind) {
    case 'range':
      return band.min > 0 ? `${yuan(band.min)}至${yuan(band.max)}` : `${yuan(band.max)}以下`;
    case 'percent':
      return `${band.of}的${band.minPercent}%至${band.maxPercent}%`;
    case 'multiple': {
      const main = `${band.of}的${band.minTimes}倍至${band.maxTimes}倍`;
      const floor = band.minBase ? `（不足${yuan(band.minBase)}的按${yuan(band.minBase)}计算）` : '';
      const fb = band.fallback
        ? `；没有${band.of}${band.fallback.below > 0 ? `或不足${yuan(band.fallback.below)}` : ''}的，${yuan(band.fallback.min)}至${yuan(band.fallback.max)}`
        : '';
      return main + floor + fb;
    }
    case 'perUnit':
      return `每${band.unit}${yuan(band.minPerUnit)}至${yuan(band.maxPerUnit)}`;
    case 'fixed':
      return yuan(band.amount);
    case 'none':
      return '未规定罚款';
  }
}

/** The label of the base amount a band needs, or null when it needs none (range, fixed, none). */
export function bandBaseLabel(band: FineBand): string | null {
  switch (band.kind) {
    case 'percent':
    case 'multiple':
      return band.of;
    case 'perUnit':
      return unitLabel(band.unit);
    default:
      return null;
  }
}
