/**
 * The shape of a procedure definition (resources/procedures/*.json): law as data.
 * A provincial administrator edits the JSON; this schema and `checkDefinition` (checkDefinition.ts)
 * reject a broken one.
 *
 * Two kinds of definition:
 * - a **main** procedure (一般程序, 简易程序) that a case is opened under;
 * - a **track** (责令改正, 查封扣押, 按日连续处罚, 移送 …) that runs alongside the main procedure of a
 *   case, started by the user from the main nodes it `attach`es to. A case can run several tracks at
 *   once, each with its own current node, so no node is ever copied between procedures.
 */
import { z } from 'zod';
import { isoDate } from '#common/schemas/primitives.js';

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
