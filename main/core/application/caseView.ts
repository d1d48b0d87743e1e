/** Builds what the case page shows: the state plus the engine's evaluation for this user, today. */
import type { CaseState, CaseView } from '#common/schemas/cases.js';
import type { Role } from '#common/roles.js';
import { evaluateCase, type EvaluationContext } from '#core/domain/procedure/engine.js';
import type { ProcedureDefinition } from '#core/domain/procedure/definition.js';
import type { ReviewContext } from '#core/domain/legality/review.js';
import { chinaDate } from '#core/domain/dates.js';
import type { Services } from '#core/services.js';
import { warnAheadSetting } from './settings.js';
import { caseLegalBasis } from './legalBasis.js';
import type { LegalBasis } from '#common/schemas/legalBasis.js';
import type { UserRow } from '#core/store/directory.js';
import { withCaseGates } from './caseGates.js';
import { evidenceOcr } from './ocrScans.js';
import { procedureOf } from './procedureOf.js';

export function today(services: Services): string {
  return chinaDate(services.clock.now());
}

export function reviewContext(
  services: Services,
  def: ProcedureDefinition,
  now: string,
  legalBasis: LegalBasis | null = null,
): ReviewContext {
  return {
    today: now,
    legalBasis,
    calendar: services.calendar,
    hearingThreshold: services.hearingThreshold,
    thresholds: Object.fromEntries(Object.entries(def.thresholds).map(([k, v]) => [k, v.value])),
    numberedTypes: services.numberedTypes,
    documentName: (type) => `《${services.documentTypeNames.get(type) ?? type}》`,
  };
}

export function evaluationContext(
  services: Services,
  state: CaseState,
  roles: readonly Role[],
  legalBasis = caseLegalBasis(services, state, today(services)),
): EvaluationContext {
  const now = today(services);
  return {
    today: now,
    calendar: services.calendar,
    roles,
    procedures: services.procedures,
    review: reviewContext(services, procedureOf(services, state), now, legalBasis),
    warnAheadWorkingDays: warnAheadSetting(services),
    templateTypes: services.templateTypes,
  };
}

/** For this user: the roles, and separation of duties and the seal gate (api/caseGates.ts). */
export function buildCaseView(services: Services, state: CaseState, user: UserRow): CaseView {
  const legalBasis = caseLegalBasis(services, state, today(services));
  const view = {
    state,
    ...evaluateCase(procedureOf(services, state), state, evaluationContext(services, state, user.roles, legalBasis)),
    legalBasis,
    ocr: evidenceOcr(services, state),
  };
  return withCaseGates(services, state, user, view);
}
