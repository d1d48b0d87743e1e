/**
 * Whether a law is in force on a date, from data (resources/laws/repeals.json): the day it took
 * effect and the day it was repealed (生态环境法典 art. 1242 repealed the sector laws on 2026-08-15).
 * A law the data does not name is taken to be in force: the data lists every change we rely on. Pure.
 */
import type { LawCommencement, LawRepeal } from '#common/schemas/laws.js';
import { cachedLawKey as lawKey } from './refKeys.js';
import { chineseDate as formatChineseDate } from '../dates.js';

export interface LawPeriods {
  commencements: readonly LawCommencement[];
  repeals: readonly LawRepeal[];
}

export type LawStatus = { inForce: true } | { inForce: false; why: string };

export function lawStatusOn(periods: LawPeriods, law: string, date: string): LawStatus {
  const key = lawKey(law);
  const start = periods.commencements.find((c) => lawKey(c.law) === key);
  if (start && date < start.effectiveFrom) {
    return { inForce: false, why: `《${fullTitle(key)}》自${formatChineseDate(start.effectiveFrom)}起施行` };
  }
  const repeal = periods.repeals.find((r) => lawKey(r.law) === key);
  if (repeal && date >= repeal.repealedOn) {
    return {
      inForce: false,
      why: `《${fullTitle(key)}》已于${formatChineseDate(repeal.repealedOn)}废止（${repeal.by.law}${repeal.by.article}）`,
    };
  }
  return { inForce: true };
}

/** The day a law took effect, when the data records it. */
export function commencementOf(periods: LawPeriods, law: string): string | null {
  return periods.commencements.find((c) => lawKey(c.law) === lawKey(law))?.effectiveFrom ?? null;
}

/** Statutes are cited with the national prefix; regulations (条例) are not. */
function fullTitle(key: string): string {
  return /法$|法典$/.test(key) ? `中华人民共和国${key}` : key;
}
