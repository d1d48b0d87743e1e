/**
 * The procedure definition a case runs under: the version it was opened with. Its own module because
 * the case view and the gates it applies (caseGates.ts, sealGate.ts) all need it, and the view
 * imports the gates.
 */
import type { CaseState } from '#common/schemas/cases.js';
import { AppError } from '#common/errors.js';
import type { ProcedureDefinition } from '#core/domain/procedure/definition.js';
import type { Services } from '#core/services.js';

export function procedureOf(services: Services, state: CaseState): ProcedureDefinition {
  const def = services.procedures.get(`${state.procedure.id}@${state.procedure.version}`);
  // Running cases keep the version they started with; a missing one is a broken installation.
  if (!def) throw new AppError('INTERNAL', `缺少案件所用的程序定义 ${state.procedure.id}@${state.procedure.version}`);
  return def;
}
