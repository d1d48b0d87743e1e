/**
 * What the portal shows of 现场检查任务: the tasks touching the viewer's bureaus with progress per county,
 * one task's assignments (inspection and case opened), and the audit. A viewer sees only the counties
 * of a task that lie in its own subtree (a county its own, a prefecture its counties, the province all):
 * a county never sees a neighbour's enterprises, officers or results, even of a task they share.
 */
import type { AssignmentView, DrawRules, TaskDetail, TaskSummary } from '#common/sync/fieldTasks.js';
import type { Admin } from '../auth/admin.js';
import { ServerError } from '../http/errors.js';
import type { ServerContext } from '../http/context.js';

interface TaskRow {
  id: string;
  name: string;
  bureau_id: string;
  period_from: string;
  period_to: string;
  counties: string[];
  rules: DrawRules;
  per_county: number;
  seed: string;
  directory_seq: string;
  created_by: string;
  created_at: Date;
}

const taskColumns = `t.id, t.name, t.bureau_id, to_char(t.period_from, 'YYYY-MM-DD') AS period_from,
  to_char(t.period_to, 'YYYY-MM-DD') AS period_to, t.counties, t.rules, t.per_county, t.seed::text AS seed,
  t.directory_seq::text AS directory_seq, (SELECT name FROM users u WHERE u.id = t.created_by) AS created_by, t.created_at`;

export async function loadTask(
  ctx: ServerContext,
  viewer: Admin,
  id: string,
): Promise<{ task: TaskRow; visible: string[] }> {
  const task = (await ctx.pool.query<TaskRow>(`SELECT ${taskColumns} FROM field_tasks t WHERE t.id = $1`, [id]))
    .rows[0];
  if (!task) throw new ServerError('NOT_FOUND', '没有这个现场检查任务');
  const visible = task.counties.filter((c) => ctx.bureaus.isWithin(c, viewer.bureauId));
  if (!visible.length) throw new ServerError('FORBIDDEN_BUREAU', '无权查看其他单位的现场检查任务');
  return { task, visible };
}

async function summaries(ctx: ServerContext, tasks: TaskRow[], visible: Set<string>): Promise<TaskSummary[]> {
  if (!tasks.length) return [];
  const ids = tasks.map((t) => t.id);
  const progress = (
    await ctx.pool.query<{ task_id: string; county_id: string; candidates: number; drawn: number; done: number }>(
      `SELECT p.task_id, p.county_id, p.candidate_count AS candidates,
              count(a.id)::int AS drawn, count(a.id) FILTER (WHERE a.status = 'done')::int AS done
         FROM field_task_pools p LEFT JOIN field_assignments a ON a.task_id = p.task_id AND a.county_id = p.county_id
        WHERE p.task_id = ANY($1::text[]) GROUP BY p.task_id, p.county_id, p.candidate_count ORDER BY p.county_id`,
      [ids],
    )
  ).rows;
  return tasks.map((t) => ({
    id: t.id,
    name: t.name,
    bureauId: t.bureau_id,
    bureauName: ctx.bureaus.get(t.bureau_id)?.name ?? t.bureau_id,
    periodFrom: t.period_from,
    periodTo: t.period_to,
    perCounty: t.per_county,
    rules: t.rules,
    seed: t.seed,
    createdBy: t.created_by,
    createdAt: t.created_at.toISOString(),
    counties: progress
      .filter((p) => p.task_id === t.id && visible.has(p.county_id))
      .map((p) => ({
        id: p.county_id,
        name: ctx.bureaus.get(p.county_id)?.name ?? p.county_id,
        candidates: p.candidates,
        drawn: p.drawn,
        done: p.done,
        open: p.drawn - p.done,
      })),
  }));
}

export async function listTasks(ctx: ServerContext, viewer: Admin): Promise<{ tasks: TaskSummary[] }> {
  const subtree = ctx.bureaus.subtree(viewer.bureauId);
  const rows = (
    await ctx.pool.query<TaskRow>(
      `SELECT ${taskColumns} FROM field_tasks t WHERE t.counties && $1::text[] ORDER BY t.created_at DESC LIMIT 500`,
      [subtree],
    )
  ).rows;
  return { tasks: await summaries(ctx, rows, new Set(subtree)) };
}

export async function assignmentsOf(
  ctx: ServerContext,
  where: string,
  params: unknown[],
): Promise<Array<AssignmentView & { task_name?: string }>> {
  const rows = (
    await ctx.pool.query<{
      id: string;
      task_id: string;
      county_id: string;
      position: number;
      uscc: string;
      enterprise_name: string;
      officers: Array<{ id: string; name: string; certificateNo: string }>;
      status: 'open' | 'done';
      inspected_on: string | null;
      findings: string | null;
      result: 'clean' | 'issues' | null;
      case_id: string | null;
      case_number: string | null;
      recorded_by: string | null;
    }>(
      `SELECT a.id, a.task_id, a.county_id, a.position, a.uscc, a.enterprise_name, a.status,
              to_char(a.inspected_on, 'YYYY-MM-DD') AS inspected_on, a.findings, a.result, a.case_id,
              coalesce(a.case_number, (SELECT number FROM cases c WHERE c.id = a.case_id)) AS case_number, a.recorded_by,
              (SELECT jsonb_agg(jsonb_build_object('id', u.id, 'name', u.name, 'certificateNo', coalesce(u.certificate_no, ''))
                        ORDER BY array_position(a.officer_ids, u.id))
                 FROM users u WHERE u.id = ANY(a.officer_ids)) AS officers
         FROM field_assignments a WHERE ${where} ORDER BY a.county_id, a.position`,
      params,
    )
  ).rows;
  return rows.map((r) => ({
    id: r.id,
    taskId: r.task_id,
    countyId: r.county_id,
    countyName: ctx.bureaus.get(r.county_id)?.name ?? r.county_id,
    position: r.position,
    uscc: r.uscc,
    enterpriseName: r.enterprise_name,
    officers: r.officers ?? [],
    status: r.status,
    inspectedOn: r.inspected_on,
    findings: r.findings,
    result: r.result,
    caseId: r.case_id,
    caseNumber: r.case_number,
    recordedBy: r.recorded_by,
  }));
}

/** A task and its progress without its assignments (the answer to creating one: the portal then opens it). */
export async function taskSummary(ctx: ServerContext, viewer: Admin, id: string): Promise<TaskSummary> {
  const { task, visible } = await loadTask(ctx, viewer, id);
  return (await summaries(ctx, [task], new Set(visible)))[0]!;
}

export async function taskDetail(ctx: ServerContext, viewer: Admin, id: string): Promise<TaskDetail> {
  const { task, visible } = await loadTask(ctx, viewer, id);
  const [summary] = await summaries(ctx, [task], new Set(visible));
  const assignments = await assignmentsOf(ctx, 'a.task_id = $1 AND a.county_id = ANY($2::text[])', [id, visible]);
  return { ...summary!, assignments };
}
