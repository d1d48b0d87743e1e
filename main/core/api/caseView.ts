/** Builds what the case page shows: the state plus the engine's evaluation for this user, today. */
import type { CaseState, CaseView } from '../../../common/schemas/cases.js';
import type { Role } from '../../../common/roles.js';
import { AppError } from '../../../common/errors.js';
import { evaluateCase } from '../domain/procedure/engine.js';
import type { ProcedureDefinition } from '../domain/procedure/definition.js';
import { chinaDate } from '../domain/dates.js';
import type { Services } from '../services.js';
import { documentNames } from '../documents/names.js';

export function procedureOf(services: Services, state: CaseState): ProcedureDefinition {
  const def = services.procedures.get(`${state.procedure.id}@${state.procedure.version}`);
  // Running cases keep the version they started with; a missing one is a broken installation.
  if (!def) throw new AppError('INTERNAL', `缺少案件所用的程序定义 ${state.procedure.id}@${state.procedure.version}`);
  return def;
}

export function today(services: Services): string {
  return chinaDate(services.clock.now());
}

export function buildCaseView(services: Services, state: CaseState, roles: readonly Role[]): CaseView {
  const def = procedureOf(services, state);
  return { state, ...evaluateCase(def, state, { today: today(services), calendar: services.calendar, roles, documentNames: documentNames(services.manifest) }) };
}
