/**
 * `cases.reviewSummary`: what a reviewer or head approves, without opening a PDF — the 调查报告's
 * facts, the evidence on file, the applied provision of the act's date, the proposed penalty, the
 * 裁量 choices and calculation, and the legality checklist before the decision with each result.
 * One source: the case's record (the report recorded by 提交调查报告, the evidence and records on
 * file, the resolved legal basis); nothing is typed twice.
 *
 * Where it is shown is procedure data: where the case waits for someone other than those who handle
 * it (the roles awaited at the procedure's start), after the report and before the decision is
 * approved — 案件审查, 法制审核, 集体讨论, 告知审批 and 决定审批 in 一般程序. No role or node is named.
 */
import type { CaseState } from '#common/schemas/cases.js';
import type { ReviewSummary } from '#common/schemas/reviewSummary.js';
import { documentTypeName } from '#common/documentTypeNames.js';
import { bandText } from '#common/fineBands.js';
import { awaitedAt, roleBreadth } from '#core/domain/procedure/awaiting.js';
import type { ProcedureDefinition } from '#core/domain/procedure/definition.js';
import { nodeOf } from '#core/domain/procedure/engine.js';
import { reviewCase } from '#core/domain/legality/review.js';
import { appliedProvision } from '#core/domain/legalBasis/applied.js';
import type { Services } from '#core/services.js';
import { currentDocuments } from '#core/dossier/buildCaseDossier.js';
import { reviewContext, today } from './caseView.js';
import { procedureOf } from './procedureOf.js';
import { caseLegalBasis } from './legalBasis.js';

const evidenceKinds: Record<CaseState['evidence'][number]['kind'], string> = {
  photo: '现场照片',
  scan: '书证扫描件',
  office: '电子文件',
  audio: '录音',
  video: '录像',
  sampling: '采样监测',
  other: '其他证据',
  execution: '执行凭证',
};
const decisionKinds: Record<NonNullable<CaseState['decision']>['kind'], string> = {
  penalty: '行政处罚',
  noPenalty: '不予行政处罚',
  transfer: '移送',
};

/** The case waits here for a judgement on what its handlers put forward. */
export function atReviewPoint(services: Services, def: ProcedureDefinition, state: CaseState): boolean {
  if (!state.report || state.decision?.approvedOn || state.closedOn || state.returnTo !== null) return false;
  const counts = roleBreadth(services.procedures.values());
  const handlers = new Set(awaitedAt(def, def.start, counts).flatMap((a) => a.roles));
  const awaited = awaitedAt(def, state.node, counts).flatMap((a) => a.roles);
  return awaited.length > 0 && awaited.every((r) => !handlers.has(r));
}

/** Records made where the procedure collects evidence (nodes that declare evidence kinds): 笔录, 勘验, 采样 …. */
function evidenceRecordTypes(def: ProcedureDefinition): Set<string> {
  const made = new Map<string, boolean>();
  for (const n of def.nodes)
    for (const t of n.documents) made.set(t, (made.get(t) ?? true) && Boolean(n.evidence?.length));
  return new Set([...made].filter(([, only]) => only).map(([t]) => t));
}

export function reviewSummaryOf(services: Services, state: CaseState): ReviewSummary | null {
  const def = procedureOf(services, state);
  if (!atReviewPoint(services, def, state) || !state.report) return null;
  const now = today(services);
  const basis = caseLegalBasis(services, state, now);
  const applied = appliedProvision(state, basis);
  const records = evidenceRecordTypes(def);
  const evidence = [
    ...currentDocuments(state.documents)
      .filter((d) => records.has(d.type))
      .map((d) => ({
        id: d.id,
        kind: documentTypeName(d.type),
        description: d.number ?? '',
        on: d.generatedAt.slice(0, 10),
      })),
    ...state.evidence
      .filter((e) => e.kind !== 'execution')
      .map((e) => ({ id: e.id, kind: evidenceKinds[e.kind], description: e.description, on: e.takenOn })),
  ];
  const violation = basis?.applied ?? null;
  return {
    nodeName: nodeOf(def, state.node).name,
    facts: state.report.facts,
    evidence,
    legalBasis: {
      violation: applied.name,
      breached: (violation?.breached ?? state.violation.breached).map((a) => `${a.law}${a.article}`),
      penaltyProvision: applied.citation,
      bandText: violation?.bandText ?? bandText(applied.band),
      statement: basis?.statement ?? '',
      undecided: basis && (basis.rule === 'undecided' || basis.needsReview) ? basis.reason : null,
    },
    penalty: {
      proposedFine: state.report.proposedFine,
      noticedFine: state.noticedFine,
      decision: state.decision
        ? { kind: decisionKinds[state.decision.kind], fine: state.decision.fine, warning: state.decision.warning }
        : null,
      reasoning: state.report.reasoning,
    },
    discretion: state.report.discretion ?? null,
    legality: reviewCase(state, reviewContext(services, def, now, basis), 'decision'),
  };
}
