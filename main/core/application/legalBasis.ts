/**
 * The legal basis of a case (从旧兼从轻), worked out from the types of the benchmark in use, the
 * article map and the laws' dates in resources/laws/, the act's date and the case's own figures.
 * Used by the case page, the rules before a decision, the documents and the 立案 dialog.
 */
import type { CaseState } from '#common/schemas/cases.js';
import type { LegalBasis } from '#common/schemas/legalBasis.js';
import { caseLegalBasisOf } from '#core/domain/legalBasis/caseBasis.js';
import type { TypeIndex } from '#core/domain/legalBasis/standingType.js';
import type { Services } from '#core/services.js';

export function typeIndex(services: Services): TypeIndex {
  return { types: services.violations, map: services.lawData.articleMap, periods: services.lawData };
}

/** The figures and the act's date of a case: the domain's, shared with the provincial server. */
export { actDateOf, caseFigures } from '#core/domain/legalBasis/caseBasis.js';

/** Null when the act's date is unknown (cases opened before it was asked). */
export function caseLegalBasis(services: Services, state: CaseState, today: string): LegalBasis | null {
  return caseLegalBasisOf(typeIndex(services), services.lawData.temporal, state, today);
}
