/**
 * The 立案 form's draft, kept in sessionStorage until the case is opened: closing the dialog, a
 * failed call or a reload never loses what the clerk typed.
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
}

/** One draft per user: a colleague logging in on the same window does not see it. */
const keyOf = (userId: string): string => `anjuan.openCaseDraft.${userId}`;

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
  };
}

export function loadDraft(userId: string, ownOfficerId: string | null): OpenCaseDraft {
  try {
    const raw = sessionStorage.getItem(keyOf(userId));
    if (raw) return { ...emptyDraft(ownOfficerId), ...(JSON.parse(raw) as Partial<OpenCaseDraft>) };
  } catch {
    /* a broken draft is dropped */
  }
  return emptyDraft(ownOfficerId);
}

export function saveDraft(userId: string, draft: OpenCaseDraft): void {
  try {
    sessionStorage.setItem(keyOf(userId), JSON.stringify(draft));
  } catch {
    /* storage full or disabled: the draft lives in memory only */
  }
}

export function clearDraft(userId: string): void {
  try {
    sessionStorage.removeItem(keyOf(userId));
  } catch {
    /* nothing to clear */
  }
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
