/**
 * Whom a case waits for where it stands, read from the procedure data alone (no role is named here).
 *
 * At a node, the case moves on by the node's own actions: those offered at this node only and
 * leaving it. Actions offered at many nodes (中止, 终结, 延长办案期限 …) are side exits a case
 * never waits for. Of the roles an own action names, the one awaited is the most specific: the
 * role that may do the fewest actions of the procedures loaded — the one who may do nearly everything
 * (the head) is awaited only where nobody narrower may act: 案件审查 waits for the reviewer, 立案审批
 * and 决定审批 for the head, 调查取证 for the officer, and 简易程序 (which lets both act everywhere)
 * for the officer. Pure.
 */
import { fromNodes, targetsOf, type ProcedureAction, type ProcedureDefinition } from './definition.js';

export interface AwaitedAction {
  action: string;
  name: string;
  roles: string[];
  /** An approval or a send-back: the case waits for a decision on what was submitted. */
  decision: boolean;
}

/** How many actions of these procedures each role may do. */
export function roleBreadth(definitions: Iterable<ProcedureDefinition>): Map<string, number> {
  const n = new Map<string, number>();
  for (const def of definitions) for (const a of def.actions) for (const r of a.roles) n.set(r, (n.get(r) ?? 0) + 1);
  return n;
}

function mostSpecific(a: ProcedureAction, counts: ReadonlyMap<string, number>): string[] {
  const least = Math.min(...a.roles.map((r) => counts.get(r) ?? 0));
  return a.roles.filter((r) => (counts.get(r) ?? 0) === least);
}

/** The actions a case at `node` waits for, each with the role(s) awaited (`counts`: `roleBreadth` of all procedures). */
export function awaitedAt(
  def: ProcedureDefinition,
  node: string,
  counts: ReadonlyMap<string, number> = roleBreadth([def]),
): AwaitedAction[] {
  return def.actions
    .filter((a) => {
      const from = fromNodes(a);
      return from.length === 1 && from[0] === node && targetsOf(a).length > 0;
    })
    .map((a) => ({
      action: a.id,
      name: a.name,
      roles: mostSpecific(a, counts),
      decision: Boolean(a.approval || a.sendBack),
    }));
}

/** Every `procedure@version#node` of these definitions at which `role` is awaited. */
export function positionsAwaiting(
  definitions: Iterable<ProcedureDefinition>,
  role: string,
  key: (def: ProcedureDefinition, node: string) => string,
): string[] {
  const defs = [...definitions];
  const counts = roleBreadth(defs);
  const out: string[] = [];
  for (const def of defs)
    for (const n of def.nodes)
      if (awaitedAt(def, n.id, counts).some((a) => a.roles.includes(role))) out.push(key(def, n.id));
  return out;
}
