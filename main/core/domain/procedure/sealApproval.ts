/**
 * Which approval a document needs before it may be sealed (定稿), read from the procedure data
 *. A document issued at a node whose step goes to a review node — a node that issues
 * nothing, where a head approves (`approval`) or sends back (`sendBack`) — needs one of that review
 * node's approvals: 立案审批表 → 批准立案, 告知书 → 批准事先告知, 决定书 → 批准决定 (处罚法 arts. 57,
 * 59; 生态环境行政处罚办法). A document whose node goes to no such review is unaffected. Pure.
 */
import type { ProcedureAction, ProcedureDefinition } from './definition.js';

export interface RequiredApproval {
  /** Any one of these approval actions satisfies it. */
  actions: Array<{ id: string; name: string }>;
  /** The review node's citation. */
  citation: string;
}

const fromOf = (a: ProcedureAction): string[] => (Array.isArray(a.from) ? a.from : [a.from]);
const targetsOf = (a: ProcedureAction): string[] => (a.to ? [a.to] : (a.next ?? []).map((n) => n.to));

export function approvalsRequiredToSeal(def: ProcedureDefinition, documentType: string): RequiredApproval[] {
  const nodes = new Map(def.nodes.map((n) => [n.id, n]));
  const out: RequiredApproval[] = [];
  const seen = new Set<string>();
  for (const node of def.nodes.filter((n) => n.documents.includes(documentType))) {
    for (const step of def.actions.filter((a) => !a.approval && !a.sendBack && fromOf(a).includes(node.id))) {
      for (const target of targetsOf(step)) {
        const review = nodes.get(target);
        if (!review || review.documents.length > 0 || seen.has(review.id)) continue;
        // Actions of this node alone (not 中止, 终结 … available everywhere).
        const own = def.actions.filter((a) => fromOf(a).length === 1 && fromOf(a)[0] === review.id);
        const approvals = own.filter((a) => a.approval && !a.sendBack);
        if (approvals.length === 0 || !own.some((a) => a.sendBack)) continue;
        seen.add(review.id);
        out.push({ actions: approvals.map((a) => ({ id: a.id, name: a.name })), citation: review.citation });
      }
    }
  }
  return out;
}
