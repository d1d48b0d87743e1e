/**
 * 案卷评查 (`review.run`, `review.respond`, `review.scores`): the automatic review of a case's file against
 * the criteria (resources/review/), scored by the pure evaluator (domain/review/) on facts gathered here —
 * the legality checklists (the decision's as of its day), the deadlines with the day each was met, the
 * text of the documents the rules read, the repealed laws, and what the last binding's PDFs really show.
 *
 * A run is recorded as an event (the result is kept with the case and filed in the 副卷 at the next
 * binding); a reviewer's answer to each deduction too. Reviewing an archived file is allowed: the review
 * records an assessment of the file and changes nothing in it (评查 of archived files is the usual case).
 */
import { AppError } from '#common/errors.js';
import type { CaseState } from '#common/schemas/cases.js';
import type { FileReviewState, ReviewResult, ReviewScoreRow } from '#common/schemas/fileReview.js';
import type { OpParsedInput } from '#common/operations.js';
import { docxText } from '#core/documents/render.js';
import { readBoundVolume } from '#core/dossier/readBound.js';
import { reviewCase } from '#core/domain/legality/review.js';
import { evaluateDeadlines } from '#core/domain/procedure/deadlines.js';
import { mainTrackId } from '#core/domain/procedure/engine.js';
import { lastStep } from '#core/domain/procedure/facts.js';
import { latestDocuments } from '#core/domain/review/current.js';
import { evaluateFile } from '#core/domain/review/evaluate.js';
import type { DeadlineFact, ReviewFacts } from '#core/domain/review/facts.js';
import { metOn } from '#core/domain/procedure/metOn.js';
import { shippedReviewCriteria } from '#core/reviewCriteria.js';
import type { Services } from '#core/services.js';
import type { UserRow } from '#core/store/directory.js';
import { archivedOn } from './archived.js';
import { caseScope } from './caseAccess.js';
import { reviewContext, today } from './caseView.js';
import { procedureOf } from './procedureOf.js';
import { actDateOf, caseLegalBasis } from './legalBasis.js';

/** The day the decision was made: its approval, or the on-the-spot decision of 简易程序. */
function decisionDay(state: CaseState): string | null {
  return state.decision?.approvedOn ?? lastStep(state, mainTrackId, 'decideOnTheSpot')?.on ?? null;
}

function deadlineFacts(services: Services, state: CaseState, now: string): DeadlineFact[] {
  const runs = [
    { track: mainTrackId, def: procedureOf(services, state) },
    ...state.tracks.map((t) => ({
      track: t.id,
      def: services.procedures.get(`${t.procedure.id}@${t.procedure.version}`),
    })),
  ];
  return runs.flatMap(({ track, def }) =>
    def
      ? evaluateDeadlines(def.deadlines, state, track, {
          today: now,
          calendar: services.calendar,
          warnAheadWorkingDays: 0,
        }).map((v) => ({
          name: v.name,
          track,
          owner: v.owner,
          dueOn: v.dueOn,
          status: v.status,
          metOn: metOn(state, def.deadlines.find((r) => r.id === v.id)?.metBy ?? '', track, v.startOn),
          citation: v.citation,
        }))
      : [],
  );
}

/** Everything the evaluator judges, read for this case today. */
export async function gatherReviewFacts(services: Services, state: CaseState): Promise<ReviewFacts> {
  const now = today(services);
  const def = procedureOf(services, state);
  const criteria = shippedReviewCriteria();
  const decidedOn = decisionDay(state) ?? now;
  const decision = reviewCase(
    state,
    reviewContext(services, def, decidedOn, caseLegalBasis(services, state, decidedOn)),
    'decision',
  );
  const closing = state.decision
    ? reviewCase(state, reviewContext(services, def, now, caseLegalBasis(services, state, now)), 'closing')
    : null;
  const read = new Set(
    criteria.areas.flatMap((a) =>
      a.rules.flatMap((r) => [...Object.keys(r.contents ?? {}), ...(r.documentTypes ?? [])]),
    ),
  );
  const texts = latestDocuments(state.documents)
    .filter((d) => read.has(d.type))
    .map((d) => ({ documentId: d.id, type: d.type, text: docxText(services.blobs.get(d.docxHash)) }));
  const bound =
    state.dossier?.volumes ?? (state.dossier ? [{ volume: '正卷' as const, pdfHash: state.dossier.pdfHash }] : []);
  const volumes = [];
  for (const v of bound) volumes.push(await readBoundVolume(v.volume, services.blobs.get(v.pdfHash)));
  return {
    state,
    today: now,
    legality: { decision, closing },
    actOn: actDateOf(state),
    repeals: services.lawData.repeals,
    deadlines: deadlineFacts(services, state, now),
    texts,
    volumes,
  };
}

/** The review of a case's file as it stands, not recorded (tests, and `review.run` before it records). */
export async function reviewFile(services: Services, state: CaseState): Promise<ReviewResult> {
  return evaluateFile(shippedReviewCriteria(), await gatherReviewFacts(services, state));
}

const actor = (services: Services, user: UserRow) => ({ id: user.id, name: user.name, device: services.device });

export async function runReview(
  services: Services,
  user: UserRow,
  { caseId }: OpParsedInput<'review.run'>,
): Promise<FileReviewState> {
  const state = services.cases.get(caseId);
  const result = await reviewFile(services, state);
  const { state: after } = services.cases.write(caseId, actor(services, user), (current) => {
    // Another write while the PDFs were read: the review would judge a file that is no longer the case's.
    if (current?.version !== state.version) throw new AppError('STALE_VERSION', '评查期间案件有变更，请重新评查');
    return [{ type: 'review.ran', payload: result }];
  });
  return after.fileReview!;
}

export function respondToReview(
  services: Services,
  user: UserRow,
  { caseId, deductionId, verdict, reason }: OpParsedInput<'review.respond'>,
): FileReviewState {
  const { state } = services.cases.write(caseId, actor(services, user), (current) => {
    const review = current?.fileReview;
    if (!review) throw new AppError('ACTION_NOT_ALLOWED', '本案尚未进行案卷评查，没有可答复的扣分项');
    if (!review.result.deductions.some((d) => d.id === deductionId))
      throw new AppError('VALIDATION', `最近一次评查中没有扣分项“${deductionId}”，请刷新后重试`);
    return [{ type: 'review.responded', payload: { deductionId, verdict, reason } }];
  });
  return state.fileReview!;
}

/** A head's list: the scores of the bureau's archived cases, the newest first; an archived case never reviewed says so. */
export function reviewScores(services: Services, user: UserRow): ReviewScoreRow[] {
  const rows: ReviewScoreRow[] = [];
  for (const { state } of services.cases.projection.states({}, caseScope(user))) {
    const on = archivedOn(state);
    if (!on) continue;
    const r = state.fileReview;
    const last = new Map((r?.responses ?? []).map((x) => [x.deductionId, x.verdict]));
    rows.push({
      caseId: state.id,
      number: state.number,
      partyName: state.party.name,
      violationName: state.violation.name,
      archivedOn: on,
      score: r?.result.score ?? null,
      max: r?.result.max ?? null,
      ranOn: r?.result.ranOn ?? null,
      deductions: r?.result.deductions.filter((d) => d.points > 0).length ?? 0,
      disputed: [...last.values()].filter((v) => v === 'dispute').length,
    });
  }
  return rows.sort((a, b) => (b.archivedOn ?? '').localeCompare(a.archivedOn ?? ''));
}
