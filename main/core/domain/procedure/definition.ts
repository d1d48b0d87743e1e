/**
 * The shape of a procedure definition (resources/procedures/*.json): law as data.
 * A provincial administrator edits the JSON; this schema and `checkDefinition` reject a broken one.
 *
 * Two kinds of definition:
 * - a **main** procedure (一般程序, 简易程序) that a case is opened under;
 * - a **track** (责令改正, 查封扣押, 按日连续处罚, 移送 …) that runs alongside the main procedure of a
 *   case, started by the user from the main nodes it `attach`es to. A case can run several tracks at
 *   once, each with its own current node, so no node is ever copied between procedures.
 */
import { z } from 'zod';
import { isoDate } from '#common/schemas/primitives.js';
import { servesOf } from './servedDocument.js';

export const guardRef = z.object({ name: z.string(), args: z.record(z.string(), z.unknown()).optional() });
export type GuardRef = z.infer<typeof guardRef>;

/** `to` value that returns a track to the node it was at before (used by 中止 → 恢复). */
export const returnToPrevious = '$return';

const deadlineUnit = z.enum(['workingDays', 'calendarDays', 'months']);

export const deadlineRule = z.object({
  id: z.string(),
  name: z.string(),
  /** A fact key (see facts.ts) or `action:<id>`: the date the period starts from. */
  start: z.string(),
  length: z.number().int().positive(),
  unit: deadlineUnit,
  citation: z.string().min(1),
  /** A fact key or `action:<id>`: once true, the deadline is met. */
  metBy: z.string(),
  /**
   * Whose period it is: the bureau's own time limit (absent, `bureau`) or a period the law gives the
   * party (陈述申辩, 缴纳罚款, 催告履行). A running party period is nobody's overdue task: 到期提醒 lists it apart.
   */
  owner: z.enum(['bureau', 'party']).optional(),
  /** Approved extensions: each performance of `action` adds `length` `unit`s, at most `max` times. */
  extension: z
    .object({
      action: z.string(),
      length: z.number().int().positive(),
      unit: deadlineUnit,
      max: z.number().int().positive(),
      citation: z.string().min(1),
    })
    .optional(),
  /** The deadline applies only when an action recorded this value (e.g. 24 h only for a criminal referral). */
  appliesWhen: z.object({ action: z.string(), field: z.string(), equals: z.unknown() }).optional(),
  /** Periods a suspension (中止) does not count: the due date moves by the days suspended. */
  pausedWhileSuspended: z.boolean().optional(),
  /**
   * A second period counted from the day the first one ends (after that day is moved past a rest
   * day): e.g. 申请人民法院强制执行 within three months (强制法 art. 53) after the litigation period, six
   * months from the decision's service (行政诉讼法 art. 46), has ended.
   */
  then: z.object({ length: z.number().int().positive(), unit: deadlineUnit, citation: z.string().min(1) }).optional(),
});

export const procedureDefinition = z.object({
  id: z.string(),
  version: z.string(),
  /**
   * The day from which this version applies (e.g. 2026-08-15, the 生态环境法典): a case or track
   * started on or after it follows the newest version in force that day; one started before keeps
   * the version it started with. Absent: in force from the start.
   */
  effectiveFrom: isoDate.optional(),
  name: z.string(),
  kind: z.enum(['main', 'track']).default('main'),
  /** Tracks only: which main procedures and nodes a user may start this track from. */
  attach: z
    .object({
      procedures: z.array(z.string()).min(1),
      nodes: z.array(z.string()).min(1),
      roles: z.array(z.string()).min(1),
      /** Several instances at once (e.g. two seizures); otherwise one at a time. */
      repeatable: z.boolean().default(false),
      citation: z.string().min(1),
    })
    .optional(),
  start: z.string(),
  phases: z.array(z.object({ id: z.string(), name: z.string() })).min(1),
  nodes: z
    .array(
      z.object({
        id: z.string(),
        phase: z.string(),
        name: z.string(),
        citation: z.string(),
        /**
         * Documents made at this node (types of common/documentTypes.ts). The one place that says
         * where a document is made: the manifest does not repeat it (`documentNodes` derives it).
         */
        documents: z.array(z.string()),
        evidence: z.array(z.string()).optional(),
        terminal: z.boolean().optional(),
        /** The legality review (合法性审查) shown at this node, before a decision or before 结案. */
        review: z.enum(['decision', 'closing']).optional(),
        requirements: z.array(z.object({ text: z.string(), guard: guardRef })),
      }),
    )
    .min(1),
  actions: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      /** The node(s) the action is available at. */
      from: z.union([z.string(), z.array(z.string()).min(1)]),
      /** Where the case goes; absent = stays (a recording action); `$return` = back to before 中止. */
      to: z.string().optional(),
      /** Conditional targets, tried in order: the first whose guard holds (or has none) wins. */
      next: z
        .array(z.object({ when: guardRef.optional(), to: z.string() }))
        .min(1)
        .optional(),
      roles: z.array(z.string()).min(1),
      form: z.string().optional(),
      approval: z.boolean().optional(),
      /** Returns the case to an earlier step (退回); recorded with the approvals. */
      sendBack: z.boolean().optional(),
      /** Failed legality-review rules may be overridden by a head with a written reason. */
      overridable: z.boolean().optional(),
      /**
       * The document type whose service (送达) the action records with its own form (servedDocument.ts);
       * an action that requires the document's 送达回证 says it by that guard instead.
       */
      serves: z.string().optional(),
      guards: z.array(guardRef),
    }),
  ),
  deadlines: z.array(deadlineRule),
  warnAheadWorkingDays: z.number().int().min(0),
  /** Policy figures the guards use (data, not code); each one cites its source or says it is unverified. */
  thresholds: z.record(z.string(), z.object({ value: z.number(), source: z.string() })).default({}),
  /**
   * 按日连续处罚: how the days are counted (derive.ts). `from` and `to` are `action:<id>.<field>`:
   * the days run from the day after `from` up to and including `to`. Absent: the rule of the first
   * version (from the day after the order was served to the re-check, 2014 按日连续处罚办法).
   */
  dailyCount: z
    .object({
      from: z.string().regex(/^action:[^.]+\.[^.]+$/),
      to: z.string().regex(/^action:[^.]+\.[^.]+$/),
      /** How the decision words the first day: 自{fromText}起. */
      fromText: z.string().min(1),
      citation: z.string().min(1),
    })
    .optional(),
});
export type ProcedureDefinition = z.infer<typeof procedureDefinition>;
export type ProcedureNode = ProcedureDefinition['nodes'][number];
export type ProcedureAction = ProcedureDefinition['actions'][number];
export type DeadlineRule = ProcedureDefinition['deadlines'][number];

export const fromNodes = (a: ProcedureAction): string[] => (Array.isArray(a.from) ? a.from : [a.from]);
export const targetsOf = (a: ProcedureAction): string[] => [
  ...(a.to ? [a.to] : []),
  ...(a.next ?? []).map((n) => n.to),
];

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
