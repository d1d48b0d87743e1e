/**
 * The legal basis of a case (从旧兼从轻), worked out from the types of the benchmark in use, the
 * article map and the laws' dates in resources/laws/, the act's date and the case's own figures.
 * Used by the case page, the rules before a decision, the documents and the 立案 dialog.
 */
import type { CaseState } from '#common/schemas/cases.js';
import type { LawFigures, LegalBasis } from '#common/schemas/legalBasis.js';
import type { ViolationType } from '#common/schemas/reference.js';
import { bandBaseLabel } from '#common/fineBands.js';
import { resolveLegalBasis } from '#core/domain/legalBasis/resolve.js';
import type { TypeIndex } from '#core/domain/legalBasis/standingType.js';
import type { Services } from '#core/services.js';

export function typeIndex(services: Services): TypeIndex {
  return { types: services.violations, map: services.lawData.articleMap, periods: services.lawData };
}

/** The type chosen at 立案: from the benchmark in use, else as the case recorded it. */
function chosenType(services: Services, state: CaseState): ViolationType {
  return services.violations.find((v) => v.id === state.violation.id) ?? { ...state.violation, category: '' };
}

/**
 * The figures recorded for the comparison, completed by what the 调查报告 recorded since: the amount
 * its band is counted from (投资额 …) and whether the case is 情节严重.
 */
export function caseFigures(state: CaseState): LawFigures {
  const recorded = state.lawFigures ?? { amounts: {}, aggravated: false };
  const amounts = { ...recorded.amounts };
  const report = state.report;
  const label = bandBaseLabel(state.violation.band);
  const base = report?.discretion?.base ?? report?.investment ?? null;
  if (label && base != null && base > 0) amounts[label] = base;
  if (report?.investment && !amounts.建设项目总投资额) amounts.建设项目总投资额 = report.investment;
  return { ...recorded, amounts, aggravated: report?.discretion?.aggravated ?? recorded.aggravated };
}

/**
 * The day the act is dated by: its day; for an act still going on at 立案, the day it ended once
 * recorded, else the day it was discovered (its end is no earlier). Null when the date is unknown.
 */
export function actDateOf(state: CaseState): string | null {
  if (!state.violationOn) return null;
  if (!state.continuing) return state.violationOn;
  return state.lawFigures?.actEndedOn ?? state.discoveredOn;
}

/** Null when the act's date is unknown (cases opened before it was asked). */
export function caseLegalBasis(services: Services, state: CaseState, today: string): LegalBasis | null {
  const actOn = actDateOf(state);
  if (!actOn) return null;
  return resolveLegalBasis(typeIndex(services), services.lawData.temporal, {
    chosen: chosenType(services, state),
    actOn,
    continuing: state.continuing,
    decisionOn: state.decision?.approvedOn ?? today,
    figures: caseFigures(state),
  });
}
