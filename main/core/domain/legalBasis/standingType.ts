/**
 * Which violation type stands for a conduct on a date. A type rests on its penalty article; the
 * article stands while its law is in force (lawPeriods) and the article map has not replaced it
 * (e.g. 大气法 art. 99(2) → 法典 art. 1107(2) from 2026-08-15). Following the map forward gives the
 * type of a later date, backward the type of an earlier one, so a user may pick the conduct under
 * either law and the case still rests on the law of each date. Pure.
 */
import type { ArticleMapEntry } from '#common/schemas/laws.js';
import type { ArticleRef, ViolationType } from '#common/schemas/reference.js';
import { lawStatusOn, type LawPeriods } from './lawPeriods.js';
import { cachedLawKey, refKey, refNames } from './refKeys.js';

export interface TypeIndex {
  types: readonly ViolationType[];
  map: readonly ArticleMapEntry[];
  periods: LawPeriods;
}

export type Standing =
  | { kind: 'type'; type: ViolationType; via: ArticleMapEntry | null }
  /** Several types replaced it (a split article): the case must say which one describes its act. */
  | { kind: 'choice'; types: ViolationType[]; via: ArticleMapEntry }
  | { kind: 'not-illegal'; via: ArticleMapEntry }
  | { kind: 'none'; why: string };

export { refNames };

/** The map's entries by the article they replace (`law|number|sub`), built once per map. */
const entriesByArticle = new WeakMap<readonly ArticleMapEntry[], Map<string, ArticleMapEntry[]>>();
function fromIndex(map: readonly ArticleMapEntry[]): Map<string, ArticleMapEntry[]> {
  let byArticle = entriesByArticle.get(map);
  if (!byArticle) {
    byArticle = new Map();
    for (const e of map) {
      const k = refKey(e.from).article;
      byArticle.set(k, [...(byArticle.get(k) ?? []), e]);
    }
    entriesByArticle.set(map, byArticle);
  }
  return byArticle;
}

/** The map entry that replaced the type's penalty article by `date`, if any (the latest one). */
function replacedBy(index: TypeIndex, type: ViolationType, date: string): ArticleMapEntry | null {
  let best: ArticleMapEntry | null = null;
  for (const e of fromIndex(index.map).get(refKey(type.penaltyArticle).article) ?? []) {
    if (
      e.effectiveFrom <= date &&
      refNames(e.from, type.penaltyArticle) &&
      (!best || e.effectiveFrom > best.effectiveFrom)
    )
      best = e;
  }
  return best;
}

export function standsOn(index: TypeIndex, type: ViolationType, date: string): boolean {
  return lawStatusOn(index.periods, type.penaltyArticle.law, date).inForce && !replacedBy(index, type, date);
}

function typesNamed(index: TypeIndex, refs: readonly ArticleRef[], date: string): ViolationType[] {
  return index.types.filter(
    (t) =>
      refs.some((r) => refNames(r, t.penaltyArticle)) && lawStatusOn(index.periods, t.penaltyArticle.law, date).inForce,
  );
}

/**
 * Several types rest on the one replacing article (e.g. 法典 art. 1107's general band and its band for
 * industrial noise): the one the case named, else the only one of the same category, else the only one
 * with the same band; otherwise the case must choose.
 */
function pickAmong(
  candidates: ViolationType[],
  from: ViolationType,
  hint: string | undefined,
): ViolationType | undefined {
  const only = (xs: ViolationType[]) => (xs.length === 1 ? xs[0] : undefined);
  return (
    candidates.find((t) => t.id === hint) ??
    only(candidates.filter((t) => t.category === from.category)) ??
    only(candidates.filter((t) => JSON.stringify(t.band) === JSON.stringify(from.band)))
  );
}

/** Forward: the type standing on `date` for a type that may have been replaced since. */
function forward(
  index: TypeIndex,
  type: ViolationType,
  date: string,
  hint: string | undefined,
  depth: number,
): Standing {
  const entry = replacedBy(index, type, date);
  if (!entry) {
    const status = lawStatusOn(index.periods, type.penaltyArticle.law, date);
    return status.inForce
      ? { kind: 'type', type, via: null }
      : { kind: 'none', why: `${status.why}，且条文对应表中没有${type.penaltyArticle.article}的后继条文` };
  }
  if (entry.relation === 'not-illegal') return { kind: 'not-illegal', via: entry };
  const next = typesNamed(index, entry.to, date);
  if (!next.length) {
    return {
      kind: 'none',
      why: `${type.penaltyArticle.law}${type.penaltyArticle.article}已由${entry.to.map((t) => t.law + t.article).join('、')}取代，但裁量基准中没有对应的违法行为类型`,
    };
  }
  const picked = next.length === 1 ? next[0]! : pickAmong(next, type, hint);
  if (!picked) return { kind: 'choice', types: next, via: entry };
  if (depth > 4) return { kind: 'type', type: picked, via: entry };
  const further = forward(index, picked, date, hint, depth + 1);
  return further.kind === 'type' && !further.via ? { kind: 'type', type: picked, via: entry } : further;
}

/** Backward: the type that stood on `date` for a type introduced later (e.g. a Code type for a 2026-06 act). */
function backward(index: TypeIndex, type: ViolationType, date: string): Standing {
  const entry = index.map
    .filter((e) => e.effectiveFrom > date && e.to.some((r) => refNames(r, type.penaltyArticle)))
    .sort((x, y) => x.effectiveFrom.localeCompare(y.effectiveFrom))[0];
  if (!entry) {
    const status = lawStatusOn(index.periods, type.penaltyArticle.law, date);
    return {
      kind: 'none',
      why: status.inForce
        ? '没有可适用的条文'
        : `${status.why}；条文对应表中没有此前施行的对应条文，违法行为发生时可能不违法或另有规定，请人工核对`,
    };
  }
  const before = index.types.filter((t) => refNames(entry.from, t.penaltyArticle) && standsOn(index, t, date));
  if (before.length === 1) return { kind: 'type', type: before[0]!, via: entry };
  if (!before.length)
    return {
      kind: 'none',
      why: `违法行为发生时施行的${entry.from.law}${entry.from.article}在裁量基准中没有对应的违法行为类型`,
    };
  return { kind: 'choice', types: before, via: entry };
}

/** The type standing on `date` for the conduct the user chose as `type`. */
export function typeStandingOn(index: TypeIndex, type: ViolationType, date: string, hint?: string): Standing {
  if (standsOn(index, type, date)) return { kind: 'type', type, via: null };
  const status = lawStatusOn(index.periods, type.penaltyArticle.law, date);
  if (status.inForce && replacedBy(index, type, date)) return forward(index, type, date, hint, 0);
  // Not in force: either repealed since (forward) or not yet in force (backward).
  const repealedOrReplaced =
    !status.inForce &&
    index.periods.repeals.some(
      (r) => cachedLawKey(r.law) === cachedLawKey(type.penaltyArticle.law) && date >= r.repealedOn,
    );
  return repealedOrReplaced ? forward(index, type, date, hint, 0) : backward(index, type, date);
}

/** The types that stand on `date`: what a user may choose, and what recommendations rank, for an act of that day. */
export function typesStandingOn<T extends ViolationType>(index: TypeIndex, types: readonly T[], date: string): T[] {
  return types.filter((t) => standsOn(index, t, date));
}
