/**
 * The provision the rules check a fine against: the one the legal basis applies (从旧兼从轻), else —
 * for a case whose act date is unknown — the type chosen at 立案. Pure.
 */
import type { CaseState } from '#common/schemas/cases.js';
import type { LegalBasis } from '#common/schemas/legalBasis.js';
import type { ArticleRef, FineBand } from '#common/schemas/reference.js';

export interface AppliedProvision {
  name: string;
  penaltyArticle: ArticleRef;
  band: FineBand;
  citation: string;
}

export function appliedProvision(state: CaseState, basis: LegalBasis | null | undefined): AppliedProvision {
  const applied = basis?.applied;
  if (applied)
    return {
      name: applied.typeName,
      penaltyArticle: applied.penaltyArticle,
      band: applied.band,
      citation: applied.citation,
    };
  const v = state.violation;
  return {
    name: v.name,
    penaltyArticle: v.penaltyArticle,
    band: v.band,
    citation: `${v.penaltyArticle.law}${v.penaltyArticle.article}`,
  };
}
