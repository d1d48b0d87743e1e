/**
 * what the logged-in user may call, read from the operations table's `access` (the same
 * list `dispatch` enforces), so a screen offers a button only when the core would accept the call —
 * one source, never a second list of roles in the page. Per-case rules (his case, separation of
 * duties, approval before 定稿) come with the case view (`blockedBy`, `documentGates`).
 */
import { operations, type OpName } from '#common/operations';
import type { Role } from '#common/roles';
import { useSession } from './session';

export function canCall(roles: readonly Role[], op: OpName): boolean {
  const access = operations[op].access;
  if (access === 'public' || access === 'any') return true;
  return access.some((r) => roles.includes(r));
}

/** `canCall` for the session's user. */
export function useCanCall(): (op: OpName) => boolean {
  const { user } = useSession();
  return (op) => canCall(user.roles, op);
}
