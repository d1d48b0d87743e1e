/** Which actions are a head's approvals (批准…) or send-backs (退回…): the procedure data says so. */
import type { ActionView } from '#common/schemas/cases';

export const isApproval = (a: Pick<ActionView, 'kind'>): boolean => a.kind === 'approval';
export const isRejection = (a: Pick<ActionView, 'kind'>): boolean => a.kind === 'sendBack';
