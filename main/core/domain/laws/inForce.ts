/**
 * Which version of a law is in force on a date. Versions are kept side by side, each with the day
 * it took effect and the last day it was in force (inclusive; null while still in force). Pure.
 */
import { addDays } from '../dates.js';

export interface InForcePeriod {
  effectiveFrom: string;
  /** Last day in force; null while in force. */
  effectiveTo: string | null;
}

export function isInForce(v: InForcePeriod, date: string): boolean {
  return v.effectiveFrom <= date && (v.effectiveTo === null || date <= v.effectiveTo);
}

/** The version in force on `date`, or null (before the first version took effect, or after repeal). */
export function inForceOn<T extends InForcePeriod>(versions: readonly T[], date: string): T | null {
  let best: T | null = null;
  for (const v of versions) {
    if (isInForce(v, date) && (!best || v.effectiveFrom > best.effectiveFrom)) best = v;
  }
  return best;
}

export interface VersionStart {
  versionDate: string;
  effectiveFrom: string;
}

/**
 * The end of each version: the day before the next one takes effect; the newest stays open. Works
 * on the whole set, so importing versions in any order gives the same periods. Two versions taking
 * effect on the same day: the later text wins, the earlier is never in force (to = from − 1).
 * `lastDay` ends the law (the day before its repeal): the newest version closes then, and one that
 * would only take effect after it is never in force (to < from).
 */
export function closePeriods<T extends VersionStart>(
  versions: readonly T[],
  lastDay: string | null = null,
): Array<T & { effectiveTo: string | null }> {
  const sorted = [...versions].sort(
    (a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom) || a.versionDate.localeCompare(b.versionDate),
  );
  return sorted.map((v, i) => {
    const next = sorted[i + 1];
    const to = next ? addDays(next.effectiveFrom, -1) : null;
    // A repealed law (lastDay = the day before the repeal): no version stays in force after it.
    return { ...v, effectiveTo: lastDay !== null && (to === null || lastDay < to) ? lastDay : to };
  });
}
