/**
 * Supervision on the provincial server (docs/server.md "Supervision"): the dashboard of a bureau's
 * subtree, the cases behind any of its figures, and a case's events. Shared by the server and the
 * portal page (portal/).
 */
import { z } from 'zod';
import { bureauView } from './enrolment.js';

const bureauId = z.string().regex(/^\d{6}$/, '单位代码应为6位行政区划代码');

export const supervisionLoginInput = z
  .object({
    username: z.string().min(1, '请输入用户名').max(64, '用户名或密码错误'),
    password: z.string().min(1, '请输入密码').max(1024, '用户名或密码错误'),
  })
  .strict();

export const dashboardQuery = z.object({ bureauId: bureauId.optional() }).strict();

/** The figures a drill-down can open, each with what its key names. */
export const measures = {
  state: '案件状态（key：closed，或 程序:环节）',
  violation: '违法类型（key：违法类型编号）',
  overdue: '已逾期（key：期限规则）',
  dueSoon: '即将到期（key：期限规则）',
  step: '环节用时（key：程序:环节）',
  fines: '罚没款（key：decided、collected 或 outstanding）',
  officer: '承办人员（key：人员编号）',
} as const;
export type Measure = keyof typeof measures;

export const caseListQuery = z
  .object({
    bureauId: bureauId.optional(),
    measure: z.enum(Object.keys(measures) as [Measure, ...Measure[]], { error: '没有这个统计项' }),
    key: z.string().min(1, '请指明统计项中的哪一项').max(200),
    limit: z.coerce.number().int().min(1).max(500).default(200),
  })
  .strict();

export const caseIdParam = z.object({ id: z.string().min(1).max(64) }).strict();

export const dashboard = z.object({
  bureau: bureauView,
  today: z.string(),
  totals: z.object({ cases: z.number(), open: z.number(), closed: z.number() }),
  byState: z.array(
    z.object({
      key: z.string(),
      procedureName: z.string(),
      nodeName: z.string(),
      closed: z.boolean(),
      count: z.number(),
    }),
  ),
  byViolation: z.array(z.object({ key: z.string(), name: z.string(), count: z.number() })),
  deadlines: z.array(
    z.object({
      key: z.string(),
      name: z.string(),
      citation: z.string(),
      owner: z.enum(['bureau', 'party']),
      overdue: z.number(),
      dueSoon: z.number(),
    }),
  ),
  steps: z.array(
    z.object({
      key: z.string(),
      procedureName: z.string(),
      nodeName: z.string(),
      count: z.number(),
      averageDays: z.number(),
    }),
  ),
  fines: z.object({
    decided: z.number(),
    collected: z.number(),
    outstanding: z.number(),
    decidedCases: z.number(),
    outstandingCases: z.number(),
  }),
  officers: z.array(z.object({ key: z.string(), name: z.string(), openCases: z.number() })),
});
export type Dashboard = z.infer<typeof dashboard>;

export const supervisionCaseRow = z.object({
  id: z.string(),
  number: z.string(),
  bureauId: z.string(),
  bureauName: z.string(),
  party: z.string(),
  nodeName: z.string(),
  closed: z.boolean(),
  violationName: z.string(),
  /** What puts the case behind the figure: a due date and its article, a duration, an amount. */
  detail: z.string(),
});
export type SupervisionCaseRow = z.infer<typeof supervisionCaseRow>;

export const supervisionCaseList = z.object({
  title: z.string(),
  total: z.number(),
  cases: z.array(supervisionCaseRow),
});
export type SupervisionCaseList = z.infer<typeof supervisionCaseList>;

export const supervisionCaseEvents = z.object({
  case: supervisionCaseRow.omit({ detail: true }),
  events: z.array(
    z.object({ seq: z.number(), type: z.string(), at: z.string(), actorName: z.string(), summary: z.string() }),
  ),
});
export type SupervisionCaseEvents = z.infer<typeof supervisionCaseEvents>;
