/**
 * The structural checks of a procedure definition, after its schema (definition.ts) has parsed it:
 * what a schema cannot see. Every definition passes them, at start-up and when a version is imported
 * or published (published.ts).
 */
import { fromNodes, returnToPrevious, targetsOf, type GuardRef, type ProcedureDefinition } from './definition.js';
import { servesOf } from './servedDocument.js';

/** Guards whose `type` argument is a document type (guards.ts). */
const guardsNamingADocument = new Set(['hasDocument', 'documentFinalised']);

/**
 * Structural problems a schema cannot see: dangling references, unreachable nodes, dead ends, and
 * (given `knownDocuments`, the registry of common/documentTypes.ts) a document type that does not exist.
 */
export function checkDefinition(
  def: ProcedureDefinition,
  knownGuards: ReadonlySet<string>,
  knownForms?: ReadonlySet<string>,
  knownDocuments?: ReadonlySet<string>,
): string[] {
  const problems: string[] = [];
  const nodeIds = new Set(def.nodes.map((n) => n.id));
  const phaseIds = new Set(def.phases.map((p) => p.id));
  const actionIds = new Set<string>();
  const checkDocument = (where: string, type: unknown) => {
    if (knownDocuments && !knownDocuments.has(String(type))) problems.push(`${where}的文书类型 ${String(type)} 不存在`);
  };
  const checkGuard = (where: string, g: GuardRef) => {
    if (!knownGuards.has(g.name)) problems.push(`${where} 使用了未知条件 ${g.name}`);
    if (guardsNamingADocument.has(g.name)) checkDocument(where, g.args?.type);
  };
  if (!nodeIds.has(def.start)) problems.push(`起始节点 ${def.start} 不存在`);
  if (def.kind === 'track' && !def.attach) problems.push('附加程序缺少 attach（从哪些节点启动）');
  for (const n of def.nodes) {
    if (!phaseIds.has(n.phase)) problems.push(`节点 ${n.id} 的阶段 ${n.phase} 不存在`);
    if (!n.terminal && !n.citation) problems.push(`节点 ${n.id} 缺少法律依据`);
    for (const d of n.documents) checkDocument(`节点 ${n.id}`, d);
    for (const r of n.requirements) checkGuard(`节点 ${n.id}`, r.guard);
  }
  for (const a of def.actions) {
    if (actionIds.has(a.id)) problems.push(`操作 ${a.id} 重复定义`);
    actionIds.add(a.id);
    for (const f of fromNodes(a)) if (!nodeIds.has(f)) problems.push(`操作 ${a.id} 的起点 ${f} 不存在`);
    for (const t of targetsOf(a))
      if (t !== returnToPrevious && !nodeIds.has(t)) problems.push(`操作 ${a.id} 的终点 ${t} 不存在`);
    if (a.to && a.next) problems.push(`操作 ${a.id} 不能同时有 to 和 next`);
    if (a.next?.at(-1)?.when) problems.push(`操作 ${a.id} 的 next 最后一项须无条件（否则可能无处可去）`);
    if (a.form && knownForms && !knownForms.has(a.form)) problems.push(`操作 ${a.id} 使用了未知表单 ${a.form}`);
    for (const g of a.guards) checkGuard(`操作 ${a.id}`, g);
    const served = servesOf(a);
    if (served) checkDocument(`操作 ${a.id} 送达`, served);
    for (const n of a.next ?? []) if (n.when) checkGuard(`操作 ${a.id}`, n.when);
  }
  if (def.dailyCount) {
    for (const key of [def.dailyCount.from, def.dailyCount.to]) {
      const action = key.slice(7).split('.')[0]!;
      if (!actionIds.has(action)) problems.push(`按日连续处罚计日规则引用了不存在的操作 ${action}`);
    }
  }
  for (const d of def.deadlines) {
    const keys = [d.start, d.metBy].flatMap((k) => k.split('|'));
    if (d.extension) keys.push(`action:${d.extension.action}`);
    if (d.appliesWhen) keys.push(`action:${d.appliesWhen.action}`);
    for (const key of keys) {
      const action = key.startsWith('action:') ? key.slice(7).split('.')[0]! : null;
      if (action && !actionIds.has(action)) problems.push(`期限 ${d.id} 引用了不存在的操作 ${action}`);
    }
  }
  const reached = new Set([def.start]);
  const returnTargets = new Set<string>();
  for (let grew = true; grew; ) {
    grew = false;
    for (const a of def.actions) {
      if (!fromNodes(a).some((f) => reached.has(f))) continue;
      for (const t of targetsOf(a)) {
        // `$return` goes back to any node that could be left for the pause node: those are reached already.
        if (t === returnToPrevious) {
          for (const f of fromNodes(a)) returnTargets.add(f);
          continue;
        }
        if (!reached.has(t)) {
          reached.add(t);
          grew = true;
        }
      }
    }
  }
  for (const n of def.nodes) {
    if (!reached.has(n.id)) problems.push(`节点 ${n.id} 无法到达`);
    const leaves = def.actions.some((a) => fromNodes(a).includes(n.id) && targetsOf(a).length > 0);
    if (!n.terminal && !leaves) problems.push(`节点 ${n.id} 是死路（没有离开的操作）`);
  }
  return problems;
}
