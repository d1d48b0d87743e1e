/** Facts derived from a case's state that several rules and deadlines need. Pure. */
import type { CaseState } from '../../../../common/schemas/cases.js';
import type { DeadlineResult, WorkingCalendar } from '../calendar.js';

export const noticeDocumentName = '行政处罚事先告知书';
export const decisionDocumentName = '行政处罚决定书';

export function servedOn(state: CaseState, documentName: string): string | null {
  return state.services.find((s) => s.documentType === documentName)?.servedOn ?? null;
}
export const noticeServedOn = (s: CaseState): string | null => servedOn(s, noticeDocumentName);
export const decisionServedOn = (s: CaseState): string | null => servedOn(s, decisionDocumentName);

/** 陈述申辩 and hearing-request window: 5 working days after service of the notice (处罚法 arts. 64, 85). */
export function defencePeriod(state: CaseState, calendar: WorkingCalendar): DeadlineResult | null {
  const served = noticeServedOn(state);
  return served ? calendar.addWorkingDays(served, 5) : null;
}

export function amountPaid(state: CaseState): number {
  return state.payments.reduce((s, p) => s + p.amount, 0);
}

/** Start dates and completion facts that deadline rules name in the procedure data. */
export function startDate(state: CaseState, key: string): string | null {
  switch (key) {
    case 'filedOn': return state.filedOn;
    case 'noticeServedOn': return noticeServedOn(state);
    case 'decisionApprovedOn': return state.decision?.approvedOn ?? null;
    case 'decisionServedOn': return decisionServedOn(state);
    default: return null;
  }
}

export function isMet(state: CaseState, key: string): boolean {
  switch (key) {
    case 'decisionApproved': return Boolean(state.decision?.approvedOn);
    case 'defenceClosed': return Boolean(state.defence.closedOn);
    case 'decisionServed': return Boolean(decisionServedOn(state));
    case 'paidInFull': return state.decision != null && amountPaid(state) >= state.decision.fine;
    default: return false;
  }
}
