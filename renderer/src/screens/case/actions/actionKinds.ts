/**
 * Which actions are approvals (批准…) or send-backs (退回…). The ActionView does not carry the
 * definition's `approval` flag, so the action id's verb decides (approveFiling, rejectNotice, …).
 */
import type { ActionView } from '../../../../../common/schemas/cases';

export const isApproval = (a: Pick<ActionView, 'id'>): boolean => a.id.startsWith('approve');
export const isRejection = (a: Pick<ActionView, 'id'>): boolean => a.id.startsWith('reject');
