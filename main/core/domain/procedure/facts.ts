/** Facts derived from a case's state that several rules and deadlines need. Pure. */
import type { CaseState, StepRecord } from '#common/schemas/cases.js';
import { docType } from '#common/documentTypes.js';
import type { DeadlineResult, WorkingCalendar } from '../calendar.js';

/** The day a document of this type (a type id of common/documentTypes.ts) was first served. */
export function servedOn(state: CaseState, documentType: string): string | null {
  return state.services.find((s) => s.documentType === documentType)?.servedOn ?? null;
}
export const noticeServedOn = (s: CaseState): string | null => servedOn(s, docType.penaltyNotice);
export const decisionServedOn = (s: CaseState): string | null => servedOn(s, docType.penaltyDecision);

/** 陈述申辩 and hearing-request window: 5 working days after service of the notice (处罚法 arts. 64, 85). */
export function defencePeriod(state: CaseState, calendar: WorkingCalendar): DeadlineResult | null {
  const served = noticeServedOn(state);
  return served ? calendar.addWorkingDays(served, 5) : null;
}

export function amountPaid(state: CaseState): number {
  return state.payments.reduce((s, p) => s + p.amount, 0);
}

export function stepsOf(state: CaseState, track: string, action: string): StepRecord[] {
  return state.steps.filter((s) => s.track === track && s.action === action);
}
export const lastStep = (state: CaseState, track: string, action: string): StepRecord | undefined =>
  stepsOf(state, track, action).at(-1);

/**
 * Start dates that deadline rules name in the procedure data: a fact key, `action:<id>` (the day
 * the action was last performed on the track) or `action:<id>.<field>` (a date the action recorded,
 * e.g. the day a re-check was done).
 */
export function startDate(state: CaseState, key: string, track = 'main'): string | null {
  // `a|b`: the first alternative that has happened (e.g. a seizure starts on implementation or in an emergency).
  if (key.includes('|')) {
    for (const k of key.split('|')) {
      const d = startDate(state, k, track);
      if (d) return d;
    }
    return null;
  }
  if (key.startsWith('action:')) {
    const [action, field] = key.slice(7).split('.') as [string, string | undefined];
    const step = lastStep(state, track, action);
    if (!step) return null;
    return field ? (typeof step.data[field] === 'string' ? step.data[field] : null) : step.on;
  }
  switch (key) {
    case 'filedOn':
      return state.filedOn;
    case 'trackStartedOn':
      return state.tracks.find((t) => t.id === track)?.startedOn ?? null;
    case 'noticeServedOn':
      return noticeServedOn(state);
    case 'decisionApprovedOn':
      return state.decision?.approvedOn ?? null;
    case 'decisionServedOn':
      return decisionServedOn(state);
    default:
      return null;
  }
}

/** Whether what a deadline waits for has happened: a fact key, or `action:<id>` performed on or after `since`. */
export function isMet(state: CaseState, key: string, track = 'main', since = ''): boolean {
  if (key.includes('|')) return key.split('|').some((k) => isMet(state, k, track, since));
  if (key.startsWith('action:')) {
    const step = lastStep(state, track, key.slice(7));
    return Boolean(step && step.on >= since);
  }
  switch (key) {
    case 'decisionApproved':
      return Boolean(state.decision?.approvedOn);
    case 'defenceClosed':
      return Boolean(state.defence.closedOn);
    case 'decisionServed':
      return Boolean(decisionServedOn(state) || lastStep(state, 'main', 'deliverDecision'));
    case 'paidInFull':
      return state.decision != null && amountPaid(state) >= state.decision.fine;
    case 'trackEnded':
      return Boolean(state.tracks.find((t) => t.id === track)?.endedOn);
    case 'caseClosed':
      return Boolean(state.closedOn);
    default:
      return false;
  }
}

/** Calendar days a track spent suspended (中止) between two dates: the law does not count them. */
export function suspendedDays(state: CaseState, track: string, from: string, to: string): Array<[string, string]> {
  const spans: Array<[string, string]> = [];
  let open: string | null = null;
  for (const s of state.steps) {
    if (s.track !== track) continue;
    if (s.action === 'suspend') open = s.on;
    if (s.action === 'resume' && open) {
      spans.push([open, s.on]);
      open = null;
    }
  }
  if (open) spans.push([open, to]);
  return spans.filter(([a, b]) => b >= from && a <= to);
}
