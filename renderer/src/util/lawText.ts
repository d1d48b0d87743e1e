import type { LawVersionInfo } from '#common/schemas/laws';
import { effectiveFromSourceNames } from '#common/schemas/laws';

/** "2021-07-15起施行（附则条文载明）" or "2016-01-01至2021-07-14（已失效）". */
export function versionPeriod(v: LawVersionInfo): string {
  const source = effectiveFromSourceNames[v.effectiveFromSource];
  return v.effectiveTo
    ? `${v.effectiveFrom}至${v.effectiveTo}施行（${source}）`
    : `${v.effectiveFrom}起施行（${source}）`;
}

export function versionName(v: LawVersionInfo): string {
  return `${v.versionDate}版${v.part ? ` ${v.part}` : ''}`;
}
