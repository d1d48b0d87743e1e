/**
 * Who may go on past a failed legality review, and when (处罚法 art. 57: the head decides). One place
 * for the rule, read by the action (performAction), the replayed event (eventGuards) and the case page's
 * view (engine), so the page never guesses from rule names. Pure.
 */
import type { ProcedureAction } from './definition.js';
import type { GuardFailure } from './guards.js';

/** A head overrides a failed legality rule only with a reason of at least this many characters. */
export { minOverrideReason } from '#common/legalityOverride.js';

/** Only a head may decide to go on although the legality review failed. */
export const mayOverrideLegality = (roles: readonly string[]): boolean => roles.includes('head');

/**
 * Whether these roles may do a blocked action by overriding: the procedure lets the action be overridden,
 * the roles may override, and every rule that blocks it is a legality-review rule (never role, order,
 * form or separation of duties).
 */
export const overridableNow = (
  action: Pick<ProcedureAction, 'overridable'>,
  reasons: ReadonlyArray<Pick<GuardFailure, 'review'>>,
  roles: readonly string[],
): boolean =>
  Boolean(action.overridable) &&
  mayOverrideLegality(roles) &&
  reasons.length > 0 &&
  reasons.every((r) => r.review !== undefined);

/**
 * Whether a head's recorded override (an event's `overrides`, each naming the legality check it went past)
 * covers this failure: only a legality-review failure, matched by its check, never by the rule's name.
 */
export const overriddenBy = (
  r: Pick<GuardFailure, 'review'>,
  overrides: ReadonlyArray<{ rule: string }> | undefined,
): boolean => r.review !== undefined && Boolean(overrides?.some((o) => o.rule === r.review!.check));
