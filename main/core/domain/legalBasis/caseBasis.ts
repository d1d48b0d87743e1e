/**
 * The legal basis of one case (从旧兼从轻) from its own facts: the type chosen at 立案 (from the benchmark
 * in use, else as the case recorded it), the act's date and the figures recorded. One function for the
 * workstation (application/legalBasis.ts, with its services) and the provincial server (which judges a
 * pushed decision with the same rules). Pure: the benchmark, the law data and today come in.
 */
import type { CaseState } from '#common/schemas/cases.js';
import type { LawFigures, LegalBasis, TemporalRules } from '#common/schemas/legalBasis.js';
import type { ViolationType } from '#common/schemas/reference.js';
import { bandBaseLabel } from '#common/fineBands.js';
import { resolveLegalBasis } from './resolve.js';
import type { TypeIndex } from './standingType.js';

/** The type chosen at 立案: from the benchmark in use, else as the case recorded it. */
export function chosenTypeOf(types: readonly ViolationType[], state: CaseState): ViolationType {
  return types.find((v) => v.id === state.violation.id) ?? { ...state.violation, category: '' };
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
export function caseLegalBasisOf(
  index: TypeIndex,
  temporal: TemporalRules,
  state: CaseState,
  today: string,
): LegalBasis | null {
  const actOn = actDateOf(state);
  if (!actOn) return null;
  return resolveLegalBasis(index, temporal, {
    chosen: chosenTypeOf(index.types, state),
    actOn,
    continuing: state.continuing,
    decisionOn: state.decision?.approvedOn ?? today,
    figures: caseFigures(state),
  });
}
