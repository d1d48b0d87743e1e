/**
 * The 立案 form's values. Its draft is kept by the core per user (drafts.*, useDraft in
 * OpenCaseDialog) until the case is opened: closing the dialog, a failed call, a reload or a logout
 * never loses what the clerk typed, and another user on the same PC never sees it.
 */
import type { Enterprise } from '#common/schemas/reference';
import { todayIso } from '#renderer/util/dates';

export interface OpenCaseDraft {
  enterprise: Enterprise | null;
  violationId: string;
  officerIds: string[];
  discoveredOn: string;
  filedOn: string;
  source: string;
  summary: string;
  procedure: 'ordinary' | 'summary';
  partyKind: 'organisation' | 'individual';
  /** When the violation happened or ended (处罚法 art. 36); empty = not known yet. */
  violationOn: string;
  continuing: boolean;
  /** 处罚法 art. 36: 涉及公民生命健康安全、金融安全且有危害后果 (acts before the 生态环境法典). */
  seriousHarm: boolean;
  /** 生态环境法典 art. 1054: 造成环境污染、生态破坏等危害后果 (acts from its commencement). */
  pollutionHarm: boolean;
  /** Why this bureau has jurisdiction over a party registered in another county (asked only then). */
  jurisdictionReason: string;
}

export const caseSources = ['现场检查', '群众举报', '上级交办', '部门移送', '在线监控', '其他'] as const;

export function emptyDraft(ownOfficerId: string | null): OpenCaseDraft {
  const today = todayIso();
  return {
    enterprise: null,
    violationId: '',
    officerIds: ownOfficerId ? [ownOfficerId] : [],
    discoveredOn: today,
    filedOn: today,
    source: caseSources[0],
    summary: '',
    procedure: 'ordinary',
    partyKind: 'organisation',
    violationOn: '',
    continuing: false,
    seriousHarm: false,
    pollutionHarm: false,
    jurisdictionReason: '',
  };
}

const isoDay = /^\d{4}-\d{2}-\d{2}$/;

/**
 * The act's date as the core dates the case (legalBasis.resolve, the case page): the day of the act;
 * for an act still going on, the day it was discovered (it is dated by its end, which is no earlier).
 * Null when no date was given.
 */
export function actDateOf(draft: Pick<OpenCaseDraft, 'violationOn' | 'continuing' | 'discoveredOn'>): string | null {
  if (!isoDay.test(draft.violationOn)) return null;
  if (draft.continuing && isoDay.test(draft.discoveredOn) && draft.discoveredOn > draft.violationOn)
    return draft.discoveredOn;
  return draft.violationOn;
}

/** The day whose law the violation types are offered for: the act's date, else today. */
export function lawDateOf(
  draft: Pick<OpenCaseDraft, 'violationOn' | 'continuing' | 'discoveredOn'>,
  today: string,
): string {
  return actDateOf(draft) ?? today;
}
