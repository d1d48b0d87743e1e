/**
 * The county desk's side of 现场检查任务: at each sync it receives its county's assignments (open ones,
 * and done ones of tasks whose period ended less than 30 days ago, so the desk sees them marked done)
 * and sends back the inspections recorded. An inspection is recorded once: a result sent again is
 * acknowledged; only the case opened from it may be added later. Another county's assignment, a date
 * outside the task's period or in the future is refused with the reason, and changes nothing.
 */
import type { z } from 'zod';
import type { pushResultsInput, SyncAssignment } from '#common/sync/fieldTasks.js';
import { addDays, chinaDate } from '#core/domain/dates.js';
import type { Device } from '../auth/device.js';
import type { ServerContext } from '../http/context.js';
import { assignmentsOf } from './taskViews.js';

export async function assignmentsForDevice(
  ctx: ServerContext,
  device: Device,
): Promise<{ assignments: SyncAssignment[] }> {
  const since = addDays(chinaDate(ctx.now()), -30);
  const tasks = (
    await ctx.pool.query<{ id: string; name: string; period_from: string; period_to: string; bureau_id: string }>(
      `SELECT id, name, to_char(period_from, 'YYYY-MM-DD') AS period_from, to_char(period_to, 'YYYY-MM-DD') AS period_to, bureau_id
         FROM field_tasks t WHERE $1 = ANY(t.counties)
          AND (t.period_to >= $2::date OR EXISTS (SELECT 1 FROM field_assignments a WHERE a.task_id = t.id AND a.county_id = $1 AND a.status = 'open'))`,
      [device.bureauId, since],
    )
  ).rows;
  if (!tasks.length) return { assignments: [] };
  const byId = new Map(tasks.map((t) => [t.id, t]));
  const rows = await assignmentsOf(ctx, 'a.county_id = $1 AND a.task_id = ANY($2::text[])', [
    device.bureauId,
    tasks.map((t) => t.id),
  ]);
  return {
    assignments: rows.map((a) => {
      const t = byId.get(a.taskId)!;
      return {
        ...a,
        taskName: t.name,
        periodFrom: t.period_from,
        periodTo: t.period_to,
        issuedBy: ctx.bureaus.get(t.bureau_id)?.name ?? t.bureau_id,
      };
    }),
  };
}

export async function recordResults(
  ctx: ServerContext,
  device: Device,
  input: z.infer<typeof pushResultsInput>,
): Promise<{ accepted: string[]; refused: Array<{ assignmentId: string; reason: string }> }> {
  const accepted: string[] = [];
  const refused: Array<{ assignmentId: string; reason: string }> = [];
  const today = chinaDate(ctx.now());
  for (const r of input.results) {
    const row = (
      await ctx.pool.query<{ county_id: string; period_from: string; status: string }>(
        `SELECT a.county_id, to_char(t.period_from, 'YYYY-MM-DD') AS period_from, a.status
           FROM field_assignments a JOIN field_tasks t ON t.id = a.task_id WHERE a.id = $1`,
        [r.assignmentId],
      )
    ).rows[0];
    const refuse = (reason: string) => refused.push({ assignmentId: r.assignmentId, reason });
    if (!row || row.county_id !== device.bureauId) {
      refuse('不是本单位的现场检查任务');
      continue;
    }
    if (r.inspectedOn > today) {
      refuse(`检查日期（${r.inspectedOn}）晚于今天（${today}）`);
      continue;
    }
    if (r.inspectedOn < row.period_from) {
      refuse(`检查日期（${r.inspectedOn}）早于任务开始日期（${row.period_from}）`);
      continue;
    }
    // First result wins; a later sync may only add the case opened from the inspection.
    await ctx.pool.query(
      `UPDATE field_assignments SET
         status = 'done',
         inspected_on = coalesce(inspected_on, $2::date),
         findings = coalesce(findings, $3),
         result = coalesce(result, $4),
         recorded_by = coalesce(recorded_by, $5),
         result_device = coalesce(result_device, $6),
         result_at = coalesce(result_at, $7),
         case_id = coalesce(case_id, $8),
         case_number = coalesce(case_number, $9),
         checklist = coalesce(checklist, $10::jsonb)
       WHERE id = $1`,
      [
        r.assignmentId,
        r.inspectedOn,
        r.findings,
        r.result,
        r.recordedBy,
        device.id,
        ctx.now(),
        r.caseId,
        r.caseNumber,
        r.checklist ? JSON.stringify(r.checklist) : null,
      ],
    );
    accepted.push(r.assignmentId);
  }
  return { accepted, refused };
}
