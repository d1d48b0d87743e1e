/**
 * who may see and act on a case, and separation of duties (docs/security.md “Per-case
 * access and separation of duties”). One place, used by dispatch for every operation whose input
 * names a case, by cases.list for its rows, by cases.open for the opener, and by cases.act for the
 * approver and the reviewer.
 *
 * - Officers see and act only on the cases they are listed on (处罚法 art. 42: the case is handled by
 *   its 执法人员); reviewers and heads see every case of their bureau (arts. 57–58 审查/法制审核);
 *   an administrator (系统管理员) manages accounts, not cases, and sees none.
 * - An approval is never given by the user who performed the step it approves (art. 57: 负责人审查
 *   of what the investigators submitted).
 * - A reviewer never reviews a case they investigated (art. 58; 生态环境行政处罚办法: 法制审核人员
 *   不得为本案承办人).
 */
import { AppError } from '#common/errors.js';
import type { CaseState } from '#common/schemas/cases.js';
import type { ProcedureAction, ProcedureDefinition } from '#core/domain/procedure/definition.js';
import { dutiesConflictOf, isOfficerOf, type DutiesConflict } from '#core/domain/procedure/duties.js';
import type { UserRow } from '#core/store/directory.js';
import type { Services } from '#core/services.js';

/** Which cases a user sees: all of the bureau, only those they are an officer on, or none. */
export type CaseScope = { bureauId: string; officerId?: string | null } | null;

export function caseScope(user: UserRow): CaseScope {
  if (user.roles.includes('head') || user.roles.includes('reviewer')) return { bureauId: user.bureauId };
  if (user.roles.includes('officer')) return { bureauId: user.bureauId, officerId: user.officerId };
  return null;
}

export function isCaseOfficer(user: UserRow, state: CaseState): boolean {
  return isOfficerOf(user, state);
}

export function canSeeCase(user: UserRow, state: CaseState): boolean {
  const scope = caseScope(user);
  if (!scope || state.bureauId !== scope.bureauId) return false;
  return scope.officerId === undefined || isCaseOfficer(user, state);
}

export function forbiddenCase(state: CaseState): AppError {
  return new AppError(
    'FORBIDDEN_CASE',
    `您不是案件${state.number}的承办人员，也不是本局的审核人员或负责人，不能查看或办理此案件（《中华人民共和国行政处罚法》第四十二条）`,
  );
}

/** Dispatch calls this for every operation whose input names a case: the case must be one the user may see. */
export function checkCaseAccess(services: Services, user: UserRow | null, input: unknown): void {
  if (!user || typeof input !== 'object' || input === null) return;
  const caseId = (input as { caseId?: unknown }).caseId;
  if (typeof caseId !== 'string') return;
  const state = services.cases.projection.get(caseId);
  if (!state) return; // the handler answers NOT_FOUND
  if (!canSeeCase(user, state)) throw forbiddenCase(state);
}

/** 立案: an officer opens a case only as one of its officers; a head may open one for others. */
export function checkOpener(user: UserRow, officerIds: string[]): void {
  if (user.roles.includes('head')) return;
  if (user.officerId === null || !officerIds.includes(user.officerId)) {
    throw new AppError(
      'FORBIDDEN_CASE',
      '立案时所选执法人员须包括您本人（负责人可为他人立案）（《中华人民共和国行政处罚法》第四十二条）',
    );
  }
}

export type { DutiesConflict };

type CaseEvents = ReturnType<Services['cases']['log']['forCase']>;

/**
 * Separation of duties (domain/procedure/duties.ts, the rule the provincial server re-checks too), read
 * from the case's own event log. Used by cases.act (inside the action's transaction) and by the case
 * view, which tells the page beforehand (`blockedBy`).
 */
export function dutiesConflict(
  services: Services,
  user: UserRow,
  state: CaseState,
  def: ProcedureDefinition,
  mainDef: ProcedureDefinition,
  action: ProcedureAction,
  track: string,
  events: CaseEvents = services.cases.log.forCase(state.id),
): DutiesConflict | null {
  return dutiesConflictOf(user, state, def, mainDef, action, track, events);
}

/** cases.act: refuses with SEPARATION_OF_DUTIES (see `dutiesConflict`). */
export function checkSeparationOfDuties(
  services: Services,
  user: UserRow,
  state: CaseState,
  def: ProcedureDefinition,
  mainDef: ProcedureDefinition,
  action: ProcedureAction,
  track: string,
): void {
  const conflict = dutiesConflict(services, user, state, def, mainDef, action, track);
  if (conflict) throw new AppError('SEPARATION_OF_DUTIES', conflict.message, conflict.details);
}
