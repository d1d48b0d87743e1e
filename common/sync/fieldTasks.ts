/**
 * 现场检查任务 (双随机): the contract between the portal, the server and the workstation's sync client.
 * The draw's rules are data — which industries, key-polluter status, last inspection — so a province
 * changes what it draws by changing a task, never the code. Counties are the task's scope.
 */
import { z } from 'zod';
import { isoDate, plainText } from '../schemas/primitives.js';
import { checklistRecord } from '../schemas/industryChecklists.js';

const bureauId = z.string().regex(/^\d{6}$/, '单位代码应为6位行政区划代码');

/** A GB/T 4754-2017 code or its beginning: a section letter and/or 2–4 digits (C, C26, 2614, C2614). */
export const industryPrefix = z
  .string()
  .trim()
  .toUpperCase()
  .regex(/^(?:[A-T]|[A-T]?\d{2,4})$/, '行业代码应如“C”“C26”或“C2614”（GB/T 4754门类字母或2至4位数字）');

export const keyPolluterModes = { any: '不限', only: '仅重点排污单位', exclude: '排除重点排污单位' } as const;

export const drawRules = z
  .object({
    /** Industries drawn from (prefix match); empty: every industry. */
    industries: z.array(industryPrefix).max(50, '行业代码不超过50个').default([]),
    keyPolluter: z
      .object({
        mode: z.enum(['any', 'only', 'exclude'], { error: '重点排污单位条件应为 any、only 或 exclude' }),
        /** With `only`: one of these categories (水环境, 大气环境 …); empty: any category. */
        categories: z.array(plainText(20, '重点排污单位类别').min(1)).max(10).default([]),
      })
      .strict()
      .default({ mode: 'any', categories: [] }),
    /** Only enterprises never inspected, or last inspected before this date. */
    lastInspectedBefore: isoDate.nullable().default(null),
  })
  .strict();
export type DrawRules = z.infer<typeof drawRules>;

export const createTaskInput = z
  .object({
    /** Made once per form by the portal: a second submission of the same form creates nothing. */
    submissionId: z.string().min(8, '提交编号无效').max(64, '提交编号无效'),
    name: plainText(100, '任务名称').trim().min(1, '请填写任务名称'),
    periodFrom: isoDate,
    periodTo: isoDate,
    counties: z
      .array(bureauId)
      .min(1, '请至少选择一个县（市、区）')
      .max(100)
      .refine((c) => new Set(c).size === c.length, '县（市、区）不能重复'),
    rules: drawRules,
    /** Enterprises drawn in each county. */
    perCounty: z
      .number({ error: '每县抽取企业数应为整数' })
      .int('每县抽取企业数应为整数')
      .min(1, '每县至少抽取1家企业')
      .max(200, '每县抽取企业数不超过200家'),
  })
  .strict()
  .refine((t) => t.periodTo >= t.periodFrom, { message: '检查期间的结束日期不能早于开始日期', path: ['periodTo'] });
export type CreateTaskInput = z.infer<typeof createTaskInput>;

export const inspectionResults = { clean: '未发现问题', issues: '发现问题' } as const;
export type InspectionResult = keyof typeof inspectionResults;

export const taskIdParam = z.object({ id: z.string().min(1).max(64) }).strict();
export const taskListQuery = z.object({ bureauId: bureauId.optional() }).strict();

export const assignmentView = z.object({
  id: z.string(),
  taskId: z.string(),
  countyId: z.string(),
  countyName: z.string(),
  position: z.number(),
  uscc: z.string(),
  enterpriseName: z.string(),
  officers: z.array(z.object({ id: z.string(), name: z.string(), certificateNo: z.string() })),
  status: z.enum(['open', 'done']),
  inspectedOn: z.string().nullable(),
  findings: z.string().nullable(),
  result: z.enum(['clean', 'issues']).nullable(),
  caseId: z.string().nullable(),
  caseNumber: z.string().nullable(),
  recordedBy: z.string().nullable(),
});
export type AssignmentView = z.infer<typeof assignmentView>;

export const taskSummary = z.object({
  id: z.string(),
  name: z.string(),
  bureauId: z.string(),
  bureauName: z.string(),
  periodFrom: z.string(),
  periodTo: z.string(),
  perCounty: z.number(),
  rules: drawRules,
  seed: z.string(),
  createdBy: z.string(),
  createdAt: z.string(),
  /** Progress over the counties the viewer may see. */
  counties: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      candidates: z.number(),
      drawn: z.number(),
      done: z.number(),
      open: z.number(),
    }),
  ),
});
export type TaskSummary = z.infer<typeof taskSummary>;

export const taskDetail = taskSummary.extend({ assignments: z.array(assignmentView) });
export type TaskDetail = z.infer<typeof taskDetail>;

export const taskAudit = z.object({
  taskId: z.string(),
  seed: z.string(),
  algorithm: z.string(),
  /** The draw re-run from the recorded seed, candidates and officers gives the recorded assignments. */
  matches: z.boolean(),
  /** The candidates worked out again from the directory as it stood at the draw equal those recorded. */
  candidatesMatch: z.boolean().nullable(),
  note: z.string(),
  counties: z.array(
    z.object({
      id: z.string(),
      name: z.string(),
      candidates: z.number(),
      officers: z.number(),
      drawn: z.array(z.string()),
      redrawn: z.array(z.string()),
      same: z.boolean(),
    }),
  ),
});
export type TaskAudit = z.infer<typeof taskAudit>;

/** What a county's workstation receives at each sync: its assignments of tasks still of interest. */
export const syncAssignment = assignmentView.extend({
  taskName: z.string(),
  periodFrom: z.string(),
  periodTo: z.string(),
  issuedBy: z.string(),
});
export type SyncAssignment = z.infer<typeof syncAssignment>;
export const syncAssignmentsOutput = z.object({ assignments: z.array(syncAssignment) });

export const inspectionResultInput = z
  .object({
    assignmentId: z.string().min(1).max(64),
    inspectedOn: isoDate,
    findings: plainText(4000, '检查情况').trim().min(1, '请填写检查情况'),
    result: z.enum(['clean', 'issues'], { error: '检查结果应为“未发现问题”或“发现问题”' }),
    recordedBy: plainText(64, '记录人').min(1),
    caseId: z.string().min(1).max(64).nullable().default(null),
    caseNumber: plainText(64, '案号').nullable().default(null),
    /** The 行业检查要点 ticked on site (an older desk sends none). */
    checklist: checklistRecord.nullable().default(null),
  })
  .strict();
export type InspectionResultInput = z.infer<typeof inspectionResultInput>;
export const pushResultsInput = z.object({ results: z.array(inspectionResultInput).max(500) }).strict();
export const pushResultsOutput = z.object({
  accepted: z.array(z.string()),
  refused: z.array(z.object({ assignmentId: z.string(), reason: z.string() })),
});

/**
 * The columns of the directory the province publishes (reference kind `enterprises`, payload
 * `{ rows, header? }`, rows in the columns of a directory export); `最近检查日期` is optional.
 */
export const directoryColumns = {
  name: '单位名称',
  uscc: '统一社会信用代码',
  county: '行政区划代码',
  industry: '行业代码',
  keyPolluter: '重点排污单位',
  lastInspectedOn: '最近检查日期',
} as const;
export const defaultDirectoryHeader = [
  '单位名称',
  '统一社会信用代码',
  '法定代表人',
  '地址',
  '行政区划代码',
  '行业代码',
  '经度',
  '纬度',
  '排污许可证编号',
  '重点排污单位',
];
