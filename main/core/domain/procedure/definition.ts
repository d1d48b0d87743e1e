/**
 * The shape of a procedure definition (resources/procedures/*.json): law as data.
 * A provincial administrator edits the JSON; this schema and `checkDefinition` reject a broken one.
 */
import { z } from 'zod';

export const guardRef = z.object({ name: z.string(), args: z.record(z.string(), z.unknown()).optional() });
export type GuardRef = z.infer<typeof guardRef>;

export const procedureDefinition = z.object({
  id: z.string(),
  version: z.string(),
  name: z.string(),
  start: z.string(),
  phases: z.array(z.object({ id: z.string(), name: z.string() })).min(1),
  nodes: z.array(z.object({
    id: z.string(),
    phase: z.string(),
    name: z.string(),
    citation: z.string(),
    documents: z.array(z.string()),
    evidence: z.array(z.string()).optional(),
    terminal: z.boolean().optional(),
    requirements: z.array(z.object({ text: z.string(), guard: guardRef })),
  })).min(1),
  actions: z.array(z.object({
    id: z.string(),
    name: z.string(),
    from: z.string(),
    to: z.string().optional(),
    roles: z.array(z.string()).min(1),
    form: z.string().optional(),
    approval: z.boolean().optional(),
    /** Returns the case to an earlier step (退回); recorded with the approvals. */
    sendBack: z.boolean().optional(),
    guards: z.array(guardRef),
  })),
  deadlines: z.array(z.object({
    id: z.string(),
    name: z.string(),
    start: z.string(),
    length: z.number().int().positive(),
    unit: z.enum(['workingDays', 'calendarDays']),
    citation: z.string().min(1),
    metBy: z.string(),
  })),
  warnAheadWorkingDays: z.number().int().min(0),
});
export type ProcedureDefinition = z.infer<typeof procedureDefinition>;
export type ProcedureNode = ProcedureDefinition['nodes'][number];
export type ProcedureAction = ProcedureDefinition['actions'][number];
export type DeadlineRule = ProcedureDefinition['deadlines'][number];

/** Structural problems a schema cannot see: dangling references, unreachable nodes, dead ends. */
export function checkDefinition(def: ProcedureDefinition, knownGuards: ReadonlySet<string>): string[] {
  const problems: string[] = [];
  const nodeIds = new Set(def.nodes.map((n) => n.id));
  const phaseIds = new Set(def.phases.map((p) => p.id));
  if (!nodeIds.has(def.start)) problems.push(`起始节点 ${def.start} 不存在`);
  for (const n of def.nodes) {
    if (!phaseIds.has(n.phase)) problems.push(`节点 ${n.id} 的阶段 ${n.phase} 不存在`);
    if (!n.terminal && !n.citation) problems.push(`节点 ${n.id} 缺少法律依据`);
    for (const r of n.requirements) if (!knownGuards.has(r.guard.name)) problems.push(`节点 ${n.id} 使用了未知条件 ${r.guard.name}`);
  }
  for (const a of def.actions) {
    if (!nodeIds.has(a.from)) problems.push(`操作 ${a.id} 的起点 ${a.from} 不存在`);
    if (a.to && !nodeIds.has(a.to)) problems.push(`操作 ${a.id} 的终点 ${a.to} 不存在`);
    for (const g of a.guards) if (!knownGuards.has(g.name)) problems.push(`操作 ${a.id} 使用了未知条件 ${g.name}`);
  }
  const reached = new Set([def.start]);
  for (let grew = true; grew;) {
    grew = false;
    for (const a of def.actions) {
      if (a.to && reached.has(a.from) && !reached.has(a.to)) { reached.add(a.to); grew = true; }
    }
  }
  for (const n of def.nodes) {
    if (!reached.has(n.id)) problems.push(`节点 ${n.id} 无法到达`);
    const leaves = def.actions.some((a) => a.from === n.id && a.to);
    if (!n.terminal && !leaves) problems.push(`节点 ${n.id} 是死路（没有离开的操作）`);
  }
  return problems;
}
