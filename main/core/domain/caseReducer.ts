/**
 * Folds a case's events into its projection. Pure and deterministic: replaying the log must give
 * exactly the stored projection (the store tests check this), so nothing here reads a clock.
 */
import type { CaseState } from '../../../common/schemas/cases.js';
import type { ActionPerformedPayload, CaseEvent } from './events.js';
import { decisionDocumentName, noticeDocumentName } from './procedure/facts.js';

export function applyEvent(state: CaseState | null, e: CaseEvent): CaseState {
  if (e.type === 'case.opened') {
    if (state) throw new Error(`case ${e.caseId} opened twice`);
    const p = e.payload;
    return {
      id: e.caseId, number: p.number, bureauId: p.bureauId, procedure: p.procedure, node: p.startNode,
      party: p.party, violation: p.violation, officers: p.officers, source: p.source, summary: p.summary,
      discoveredOn: p.discoveredOn, filedOn: p.filedOn, openedAt: e.at, openedBy: e.actorName,
      filingApprovedOn: null, report: null, noticeApprovedOn: null, noticedFine: null,
      defence: { statements: [], closedOn: null }, decision: null, services: [], payments: [],
      documents: [], evidence: [], approvals: [], dossier: null, closedOn: null, version: 1, lastHash: e.hash,
    };
  }
  if (!state) throw new Error(`event ${e.id} for a case that was never opened`);
  const next: CaseState = { ...state, version: state.version + 1, lastHash: e.hash };
  switch (e.type) {
    case 'document.generated':
      next.documents = [...state.documents, e.payload];
      return next;
    case 'evidence.added':
      next.evidence = [...state.evidence, e.payload];
      return next;
    case 'action.performed':
      return applyAction(next, e.payload, e);
    case 'dossier.built':
      next.dossier = e.payload;
      return next;
  }
}

function applyAction(s: CaseState, p: ActionPerformedPayload, e: CaseEvent): CaseState {
  const d = p.data;
  if (p.to) s.node = p.to;
  if (p.approval || p.sendBack) {
    s.approvals = [...s.approvals, { action: p.action, by: e.actorId, byName: e.actorName, at: e.at, comment: String(d.comment ?? '') }];
  }
  switch (p.action) {
    case 'approveFiling': s.filingApprovedOn = p.on; break;
    case 'submitReport':
      s.report = { facts: String(d.facts), proposedFine: Number(d.proposedFine), investment: d.investment == null ? null : Number(d.investment), reasoning: String(d.reasoning ?? '') };
      break;
    case 'submitNotice': s.noticedFine = s.report?.proposedFine ?? null; break;
    case 'approveNotice': s.noticeApprovedOn = p.on; break;
    case 'serveNotice': s.services = [...s.services, service(noticeDocumentName, d, p.on)]; break;
    case 'recordDefence':
      s.defence = { ...s.defence, statements: [...s.defence.statements, { on: String(d.on ?? p.on), text: String(d.text ?? ''), newFacts: Boolean(d.newFacts), waived: Boolean(d.waived) }] };
      break;
    case 'closeDefence': s.defence = { ...s.defence, closedOn: p.on }; break;
    case 'submitDecision': s.decision = { fine: s.report?.proposedFine ?? 0, approvedOn: null }; break;
    case 'rejectDecision': s.decision = null; break;
    case 'approveDecision': s.decision = s.decision ? { ...s.decision, approvedOn: p.on } : null; break;
    case 'serveDecision': s.services = [...s.services, service(decisionDocumentName, d, p.on)]; break;
    case 'recordPayment':
      s.payments = [...s.payments, { amount: Number(d.amount), paidOn: String(d.paidOn), receiptNo: String(d.receiptNo ?? '') }];
      break;
    case 'approveClosing': s.closedOn = p.on; break;
    default: break;
  }
  return s;
}

function service(documentType: string, d: Record<string, unknown>, on: string): CaseState['services'][number] {
  return { documentType, servedOn: String(d.servedOn ?? on), method: String(d.method ?? ''), recipient: String(d.recipient ?? '') };
}

export function replay(events: CaseEvent[]): CaseState | null {
  let s: CaseState | null = null;
  for (const e of events) s = applyEvent(s, e);
  return s;
}
