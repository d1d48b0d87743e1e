/**
 * What 绩效排行 counts of one case (docs/server.md "绩效排行"), worked out with the workstation's domain
 * code like the dashboards' facts (facts.ts). Pure. Whether an unmet deadline is missed depends on the
 * day asked, so the due day and the day the case ended are kept and the SQL decides on the day.
 */
import type { CaseState } from '#common/schemas/cases.js';
import type { WorkingCalendar } from '#core/domain/calendar.js';
import { evaluateDeadlines } from '#core/domain/procedure/deadlines.js';
import type { ProcedureDefinition } from '#core/domain/procedure/definition.js';
import { mainTrackId } from '#core/domain/procedure/engine.js';
import { lastStep } from '#core/domain/procedure/facts.js';
import { metOn } from '#core/domain/procedure/metOn.js';

/** One of the bureau's own deadlines (owner `bureau`) that has begun. */
export interface DeadlineOutcome {
  track: string;
  ruleId: string;
  dueOn: string;
  /** The day it was met; null: not (yet). */
  metOn: string | null;
  /** The day the track (or the case) ended: a deadline falling due after it no longer binds. */
  endsOn: string | null;
}

/** One opinion of a 法制审核 or of an approval (the approval form): `changed` when it sent the case back or did not pass. */
export interface ReviewVerdict {
  ordinal: number;
  action: string;
  on: string;
  changed: boolean;
}

/** The case's last 案卷评查 as the workstation recorded it (review.ran): its score out of its maximum. */
export interface FileReviewScore {
  score: number;
  max: number;
  ranOn: string;
}

export interface RankingFacts {
  caseId: string;
  bureauId: string;
  /** The day the penalty decision was approved (or made on the spot, 简易程序); a period counts the case by it or by closedOn. */
  decidedOn: string | null;
  closedOn: string | null;
  fileReview: FileReviewScore | null;
  /** Everyone named on the case as 承办人员, closed cases included. */
  staff: Array<{ id: string; name: string }>;
  deadlines: DeadlineOutcome[];
  reviews: ReviewVerdict[];
}

type Procedures = ReadonlyMap<string, ProcedureDefinition>;

export function rankingFacts(
  procedures: Procedures,
  calendar: WorkingCalendar,
  row: { id: string; bureauId: string; state: CaseState },
  today: string,
): RankingFacts {
  const s = row.state;
  const tracks = [
    { id: mainTrackId, def: procedures.get(`${s.procedure.id}@${s.procedure.version}`), endsOn: s.closedOn },
    ...s.tracks.map((t) => ({
      id: t.id,
      def: procedures.get(`${t.procedure.id}@${t.procedure.version}`),
      endsOn: t.endedOn ?? s.closedOn,
    })),
  ];
  const deadlines: DeadlineOutcome[] = [];
  for (const t of tracks) {
    if (!t.def) continue;
    const views = evaluateDeadlines(t.def.deadlines, s, t.id, { today, calendar, warnAheadWorkingDays: 0 });
    for (const v of views) {
      if (v.owner !== 'bureau') continue;
      const rule = t.def.deadlines.find((r) => r.id === v.id)!;
      deadlines.push({
        track: t.id,
        ruleId: v.id,
        dueOn: v.dueOn,
        // Met by a fact that carries no date of its own: given the benefit of the doubt (on time).
        metOn: v.status === 'met' ? (metOn(s, rule.metBy, t.id, v.startOn) ?? v.dueOn) : null,
        endsOn: t.endsOn,
      });
    }
  }
  const defOfTrack = new Map(tracks.map((t) => [t.id, t.def]));
  const reviews: ReviewVerdict[] = [];
  s.steps.forEach((step, ordinal) => {
    const a = defOfTrack.get(step.track)?.actions.find((x) => x.id === step.action);
    if (!a) return;
    // An opinion on what the officer submitted: the approval form's 同意 or 退回, or a 法制审核. A head's own
    // decisions that merely carry the approval flag (中止, 延期, 不予立案 …) are no opinion on a draft.
    const legalReview = a.form === 'legalReview';
    if (!legalReview && !(a.form === 'approval' && (a.approval || a.sendBack))) return;
    reviews.push({
      ordinal,
      action: step.action,
      on: step.on,
      changed: Boolean(a.sendBack) || (legalReview && step.data.passed === false),
    });
  });
  const staff = new Map<string, string>();
  for (const o of s.officers) if (!staff.has(o.id)) staff.set(o.id, o.name);
  const review = s.fileReview?.result;
  return {
    caseId: row.id,
    bureauId: row.bureauId,
    decidedOn: s.decision?.approvedOn ?? lastStep(s, mainTrackId, 'decideOnTheSpot')?.on ?? null,
    closedOn: s.closedOn,
    // A review scored out of nothing says nothing about the file: left out rather than counted as 0 of 0.
    fileReview: review && review.max > 0 ? { score: review.score, max: review.max, ranOn: review.ranOn } : null,
    staff: [...staff].map(([id, name]) => ({ id, name })),
    deadlines,
    reviews,
  };
}
