/**
 * a document whose step the procedure has a head approve (告知书 → 批准事先告知, 决定书 →
 * 批准决定, 立案审批表 → 批准立案 …) is sealed only once the case's steps hold that approval; for a
 * track's document, an approval the track gave after the document was made (its round).
 * `documents.finalise` refuses with it; the case view tells the page beforehand (`documentGates`), so
 * 定稿 is offered only when the core would accept it.
 */
import type { BlockedBy, CaseState, DocumentRecord } from '#common/schemas/cases.js';
import { approvalsRequiredToSeal } from '#core/domain/procedure/sealApproval.js';
import type { Services } from '#core/services.js';
import { procedureOf } from './procedureOf.js';

export interface SealBlock {
  blockedBy: BlockedBy;
  requiredApprovals: string[];
}

export function sealBlockOf(services: Services, state: CaseState, doc: DocumentRecord): SealBlock | null {
  const track = doc.track ? state.tracks.find((t) => t.id === doc.track) : undefined;
  const def = track
    ? services.procedures.get(`${track.procedure.id}@${track.procedure.version}`)
    : procedureOf(services, state);
  if (!def) return null;
  const required = approvalsRequiredToSeal(def, doc.type);
  if (required.length === 0) return null;
  const trackId = doc.track ?? 'main';
  const steps = state.steps.filter((s) => s.track === trackId).slice(doc.track ? (doc.trackStep ?? 0) : 0);
  const ids = new Set(required.flatMap((r) => r.actions.map((a) => a.id)));
  if (steps.some((s) => ids.has(s.action))) return null;
  const names = [...new Set(required.flatMap((r) => r.actions.map((a) => `“${a.name}”`)))].join('或');
  const article = [...new Set(required.map((r) => r.citation))].join('；');
  return {
    blockedBy: {
      rule: 'approvalBeforeSeal',
      article,
      message: `${doc.name}须经负责人${names}后方可定稿盖章（依据：${article}）；当前尚未批准`,
    },
    requiredApprovals: [...ids],
  };
}
