/**
 * Folds a case's events into its projection. Pure and deterministic: replaying the log must give
 * exactly the stored projection (the store tests check this), so nothing here reads a clock.
 *
 * Most of what rules need is kept generically in `steps` (every action with its data and date);
 * the named fields below are the facts documents and the case page read directly.
 */
import type { CaseState } from '#common/schemas/cases.js';
import type { ActionPerformedPayload, CaseEvent } from './events.js';
import { receiptWithServedType, servedByEvent } from './legacyServed.js';

/** Bump when the projection's shape changes: stored projections are then rebuilt from the log. */
export const projectionVersion = 3;

export const mainTrack = 'main';

export function applyEvent(state: CaseState | null, e: CaseEvent): CaseState {
  if (e.type === 'case.opened') {
    if (state) throw new Error(`case ${e.caseId} opened twice`);
    const p = e.payload;
    return {
      id: e.caseId,
      number: p.number,
      bureauId: p.bureauId,
      procedure: p.procedure,
      node: p.startNode,
      party: p.party,
      violation: p.violation,
      officers: p.officers,
      source: p.source,
      summary: p.summary,
      partyKind: p.partyKind ?? 'organisation',
      violationOn: p.violationOn ?? null,
      continuing: p.continuing ?? false,
      lawFigures: p.lawFigures ?? null,
      discoveredOn: p.discoveredOn,
      filedOn: p.filedOn,
      openedAt: e.at,
      openedBy: e.actorName,
      filingApprovedOn: null,
      report: null,
      noticeApprovedOn: null,
      noticedFine: null,
      defence: { statements: [], closedOn: null },
      decision: null,
      services: [],
      payments: [],
      documents: [],
      evidence: [],
      approvals: [],
      dossier: null,
      returnTo: null,
      tracks: [],
      steps: [],
      overrides: [],
      closedOn: null,
      version: 1,
      lastHash: e.hash,
    };
  }
  if (!state) throw new Error(`event ${e.id} for a case that was never opened`);
  const next: CaseState = { ...state, version: state.version + 1, lastHash: e.hash };
  switch (e.type) {
    case 'document.generated':
      next.documents = [...state.documents, receiptWithServedType(e.payload)];
      return next;
    case 'evidence.added':
      next.evidence = [...state.evidence, e.payload];
      return next;
    case 'action.performed':
      return (e.payload.track ?? mainTrack) === mainTrack
        ? applyMainAction(next, e.payload, e)
        : applyTrackAction(next, e.payload, e);
    case 'track.started': {
      const p = e.payload;
      next.tracks = [
        ...state.tracks,
        {
          id: p.trackId,
          procedure: p.procedure,
          name: p.name,
          node: p.startNode,
          startedOn: p.on,
          returnTo: null,
          endedOn: null,
        },
      ];
      return next;
    }
    case 'document.finalised': {
      const f = e.payload;
      next.documents = state.documents.map((d) =>
        d.id === f.documentId
          ? {
              ...d,
              finalised: { at: e.at, by: e.actorName, docxSha256: f.docxSha256, pdfHash: f.pdfHash, pages: f.pages },
            }
          : d,
      );
      return next;
    }
    case 'dossier.built':
      next.dossier = e.payload;
      return next;
    case 'case.lawFiguresRecorded':
      next.lawFigures = e.payload;
      return next;
    case 'dossier.arranged':
      next.dossierArrangement = { ...e.payload, at: e.at, byName: e.actorName };
      return next;
    case 'review.ran':
      next.fileReview = { result: e.payload, responses: [] };
      return next;
    case 'review.responded':
      // An answer belongs to the run it answered: a run after it starts again with none.
      if (!state.fileReview) throw new Error('对尚未评查的案件答复扣分项');
      next.fileReview = {
        ...state.fileReview,
        responses: [...state.fileReview.responses, { ...e.payload, by: e.actorId, byName: e.actorName, at: e.at }],
      };
      return next;
  }
}

function recordStep(s: CaseState, p: ActionPerformedPayload, e: CaseEvent): void {
  const track = p.track ?? mainTrack;
  s.steps = [...s.steps, { track, action: p.action, on: p.on, data: p.data }];
  if (p.approval || p.sendBack) {
    s.approvals = [
      ...s.approvals,
      { action: p.action, by: e.actorId, byName: e.actorName, at: e.at, comment: String(p.data.comment ?? '') },
    ];
  }
  if (p.overrides?.length) {
    s.overrides = [
      ...s.overrides,
      ...p.overrides.map((o) => ({ ...o, action: p.action, track, byName: e.actorName, on: p.on })),
    ];
  }
  // Which document was served is the procedure's word, carried by the event: no action is named here.
  const served = servedByEvent(s, p);
  if (served) s.services = [...s.services, service(served, p.data, p.on)];
}

function applyTrackAction(s: CaseState, p: ActionPerformedPayload, e: CaseEvent): CaseState {
  recordStep(s, p, e);
  s.tracks = s.tracks.map((t) => {
    if (t.id !== p.track) return t;
    const returnTo = p.action === 'suspend' ? p.from : p.action === 'resume' ? null : t.returnTo;
    return { ...t, node: p.to ?? t.node, returnTo, endedOn: p.terminal ? p.on : t.endedOn };
  });
  return s;
}

function applyMainAction(s: CaseState, p: ActionPerformedPayload, e: CaseEvent): CaseState {
  const d = p.data;
  if (p.to) s.node = p.to;
  recordStep(s, p, e);
  if (p.action === 'suspend') s.returnTo = p.from;
  if (p.action === 'resume') s.returnTo = null;
  switch (p.action) {
    case 'approveFiling':
      s.filingApprovedOn = p.on;
      break;
    case 'submitReport':
      s.report = {
        facts: String(d.facts),
        proposedFine: Number(d.proposedFine),
        investment: d.investment == null ? null : Number(d.investment),
        reasoning: String(d.reasoning ?? ''),
        ...(d.discretion ? { discretion: d.discretion as NonNullable<CaseState['report']>['discretion'] } : {}),
      };
      break;
    case 'submitNotice':
      s.noticedFine = s.report?.proposedFine ?? null;
      break;
    case 'approveNotice':
      s.noticeApprovedOn = p.on;
      break;
    case 'recordDefence':
      s.defence = {
        ...s.defence,
        statements: [
          ...s.defence.statements,
          {
            on: String(d.on ?? p.on),
            text: String(d.text ?? ''),
            newFacts: Boolean(d.newFacts),
            waived: Boolean(d.waived),
          },
        ],
      };
      break;
    case 'closeDefence':
      s.defence = { ...s.defence, closedOn: p.on };
      break;
    case 'reReview':
      // 复核 may lower the fine, never raise it (the guard refuses a rise); the report keeps the current figure.
      if (s.report) s.report = { ...s.report, proposedFine: Number(d.proposedFine) };
      break;
    case 'finishHearing':
      s.defence = { ...s.defence, closedOn: p.on };
      if (s.report) s.report = { ...s.report, proposedFine: Number(d.proposedFine) };
      break;
    case 'submitDecision':
      s.decision = {
        kind: 'penalty',
        fine: s.report?.proposedFine ?? 0,
        warning: Boolean(d.warning),
        approvedOn: null,
      };
      break;
    case 'submitNoPenalty':
      s.decision = { kind: 'noPenalty', fine: 0, warning: false, approvedOn: null };
      break;
    case 'submitTransfer':
      s.decision = { kind: 'transfer', fine: 0, warning: false, approvedOn: null };
      break;
    case 'decideOnTheSpot':
      s.decision = { kind: 'penalty', fine: Number(d.fine ?? 0), warning: Boolean(d.warning), approvedOn: p.on };
      break;
    case 'rejectDecision':
      s.decision = null;
      break;
    case 'approveDecision':
      s.decision = s.decision ? { ...s.decision, approvedOn: p.on } : null;
      break;
    case 'recordPayment':
      s.payments = [
        ...s.payments,
        { amount: Number(d.amount), paidOn: String(d.paidOn), receiptNo: String(d.receiptNo ?? '') },
      ];
      break;
    case 'approveClosing':
      s.closedOn = p.on;
      break;
    default:
      break;
  }
  if (p.terminal && !s.closedOn) s.closedOn = p.on;
  return s;
}

function service(documentType: string, d: Record<string, unknown>, on: string): CaseState['services'][number] {
  return {
    documentType,
    servedOn: String(d.servedOn ?? on),
    method: String(d.method ?? ''),
    recipient: String(d.recipient ?? ''),
  };
}

export function replay(events: CaseEvent[]): CaseState | null {
  let s: CaseState | null = null;
  for (const e of events) s = applyEvent(s, e);
  return s;
}
