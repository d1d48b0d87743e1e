/**
 * The stepper's phases, from what happened: a phase behind the case is ticked only when the case
 * took a step in it (an action left one of its nodes). One the case passed by is 不适用, with why:
 * the failed condition of the procedure's branch into it (法制审核 and 集体讨论 by the amount, a
 * hearing or the report's flags — data and the case's facts), else the action that went past it.
 * No phase, node or role is named here. Pure.
 */
import type { CaseState, PhaseView } from '#common/schemas/cases.js';
import { fromNodes, targetsOf, type ProcedureDefinition, type ProcedureNode } from './definition.js';
import type { GuardFailure } from './guards.js';

/** Runs a named guard of the procedure data on the case (the engine's context). */
export type GuardRunner = (name: string, args: Record<string, unknown> | undefined) => GuardFailure[];

interface PhaseIndex {
  phaseOfNode: Map<string, string>;
  /** The one phase an action is taken in (all its `from` nodes lie there); side exits such as 中止 have none. */
  phaseOfAction: Map<string, string>;
}

// Definitions are immutable once loaded: their index is built once (the engine evaluates cases often).
const indexes = new WeakMap<ProcedureDefinition, PhaseIndex>();
function indexOf(def: ProcedureDefinition): PhaseIndex {
  let ix = indexes.get(def);
  if (!ix) {
    const phaseOfNode = new Map(def.nodes.map((n) => [n.id, n.phase]));
    const phaseOfAction = new Map<string, string>();
    for (const a of def.actions) {
      const phases = new Set(fromNodes(a).map((n) => phaseOfNode.get(n)));
      const [only] = phases;
      if (phases.size === 1 && only) phaseOfAction.set(a.id, only);
    }
    ix = { phaseOfNode, phaseOfAction };
    indexes.set(def, ix);
  }
  return ix;
}
const phaseOfNode = (def: ProcedureDefinition) => indexOf(def).phaseOfNode;

/** Phases the track (`main`: the main procedure) took a step in: an action whose every `from` node lies in the phase. */
function phasesStepped(def: ProcedureDefinition, state: CaseState, track: string): Set<string> {
  const { phaseOfAction } = indexOf(def);
  const out = new Set<string>();
  for (const step of state.steps) {
    if (step.track !== track) continue;
    const phase = phaseOfAction.get(step.action);
    if (phase) out.add(phase);
  }
  return out;
}

/** Why the case did not enter the phase: the failed conditions of the branches leading into it, else the step that went past it. */
function whyNotApplicable(
  def: ProcedureDefinition,
  state: CaseState,
  phaseId: string,
  node: ProcedureNode,
  run: GuardRunner,
  track: string,
): string {
  const phase = phaseOfNode(def);
  const inPhase = new Set(def.nodes.filter((n) => n.phase === phaseId).map((n) => n.id));
  const reasons: string[] = [];
  for (const a of def.actions)
    for (const branch of a.next ?? [])
      if (branch.when && inPhase.has(branch.to))
        for (const f of run(branch.when.name, branch.when.args))
          if (!reasons.includes(f.message)) reasons.push(f.message);
  if (reasons.length) return reasons.join('；');
  const order = def.phases.map((p) => p.id);
  const at = order.indexOf(phaseId);
  const performed = new Set(state.steps.filter((s) => s.track === track).map((s) => s.action));
  for (const a of def.actions) {
    if (!performed.has(a.id)) continue;
    const from = fromNodes(a).map((n) => order.indexOf(phase.get(n) ?? ''));
    const to = targetsOf(a).map((n) => order.indexOf(phase.get(n) ?? ''));
    if (from.length === 1 && from[0]! < at && to.some((t) => t > at)) return `经“${a.name}”，未经此环节`;
  }
  return node.terminal ? `案件${node.name}，未经此环节` : '本案未经此环节';
}

export function phasesOf(
  def: ProcedureDefinition,
  node: ProcedureNode,
  state: CaseState,
  run: GuardRunner,
  track = 'main',
): PhaseView[] {
  const current = def.phases.findIndex((p) => p.id === node.phase);
  // Only a phase behind the case needs the steps (most views: none before the first phase).
  const stepped = node.terminal || current > 0 ? phasesStepped(def, state, track) : new Set<string>();
  return def.phases.map((p, i): PhaseView => {
    if (!node.terminal && i === current) return { id: p.id, name: p.name, status: 'current' };
    if (!node.terminal && i > current) return { id: p.id, name: p.name, status: 'todo' };
    // The terminal node's own phase is where the case ended (已结案, 已归档, 不予立案 …).
    if (stepped.has(p.id) || i === current) return { id: p.id, name: p.name, status: 'done' };
    return {
      id: p.id,
      name: p.name,
      status: 'notApplicable',
      note: whyNotApplicable(def, state, p.id, node, run, track),
    };
  });
}
