/** What each queue is called, and which one a user lands on: a head 待我审批, a reviewer 待我审核, an officer 我的案件. */
import type { Role } from '#common/roles';

export const awaitingLabel: Record<Role, string> = {
  head: '待我审批',
  reviewer: '待我审核',
  officer: '待我办理',
  admin: '待我处理',
};
export const mineLabel = '我的案件';

export type QueueTab = { kind: 'awaiting'; role: Role } | { kind: 'mine' };

/** The queue a user sees first: the head's approvals, else the reviewer's reviews, else his own cases. */
export function primaryQueue(roles: readonly Role[]): QueueTab | null {
  if (roles.includes('head')) return { kind: 'awaiting', role: 'head' };
  if (roles.includes('reviewer')) return { kind: 'awaiting', role: 'reviewer' };
  if (roles.includes('officer')) return { kind: 'mine' };
  return null;
}

export const tabKey = (t: QueueTab): string => (t.kind === 'mine' ? 'mine' : t.role);
export const tabLabel = (t: QueueTab): string => (t.kind === 'mine' ? mineLabel : awaitingLabel[t.role]);
