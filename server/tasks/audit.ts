/**
 * The audit of a draw: the draw re-run from the recorded seed on the recorded candidates and officers
 * must give exactly the recorded assignments; and the candidates are worked out again from the
 * directory with the task's rules, as of the draw's time, to show they were the right ones. When the
 * province has published a newer directory for those counties since, that second check cannot be
 * made from today's rows, and the audit says so instead of pretending.
 */
import type { TaskAudit } from '#common/sync/fieldTasks.js';
import type { Admin } from '../auth/admin.js';
import type { ServerContext } from '../http/context.js';
import { draw, drawAlgorithm } from './draw.js';
import { candidatePools } from './pools.js';
import { loadTask } from './taskViews.js';

export async function auditTask(ctx: ServerContext, viewer: Admin, id: string): Promise<TaskAudit> {
  const { task, visible } = await loadTask(ctx, viewer, id);
  const pools = (
    await ctx.pool.query<{ county_id: string; candidates: string; officers: string[] }>(
      'SELECT county_id, candidates, officers FROM field_task_pools WHERE task_id = $1',
      [id],
    )
  ).rows.map((p) => ({
    countyId: p.county_id,
    candidates: p.candidates ? p.candidates.split(',') : [],
    officers: p.officers,
  }));
  const recorded = (
    await ctx.pool.query<{ county_id: string; position: number; uscc: string; officer_ids: string[] }>(
      'SELECT county_id, position, uscc, officer_ids FROM field_assignments WHERE task_id = $1 ORDER BY county_id, position',
      [id],
    )
  ).rows;
  // The draw runs over every county of the task (one generator stream); each viewer sees its own counties.
  const redrawn = draw(Number(task.seed), task.per_county, pools);
  const key = (c: string, u: string, o: readonly string[]) => `${c}|${u}|${o.join(',')}`;
  const counties = pools
    .filter((p) => visible.includes(p.countyId))
    .sort((a, b) => (a.countyId < b.countyId ? -1 : 1))
    .map((p) => {
      const was = recorded
        .filter((r) => r.county_id === p.countyId)
        .map((r) => key(r.county_id, r.uscc, r.officer_ids));
      const now = redrawn.filter((d) => d.countyId === p.countyId).map((d) => key(d.countyId, d.uscc, d.officers));
      return {
        id: p.countyId,
        name: ctx.bureaus.get(p.countyId)?.name ?? p.countyId,
        candidates: p.candidates.length,
        officers: p.officers.length,
        drawn: was.map((k) => k.split('|')[1]!),
        redrawn: now.map((k) => k.split('|')[1]!),
        same: was.length === now.length && was.every((k, i) => k === now[i]),
      };
    });
  const matches = counties.every((c) => c.same);

  const newer = await ctx.pool.query<{ n: number }>(
    'SELECT count(*)::int AS n FROM directory_enterprises WHERE county_id = ANY($1::text[]) AND ref_seq > $2',
    [visible, task.directory_seq],
  );
  let candidatesMatch: boolean | null = null;
  let note: string;
  if (newer.rows[0]!.n > 0) {
    note = `抽取后省级企业名录已更新（${newer.rows[0]!.n}家企业的记录有变化），候选企业按抽取时记录的名单复核`;
  } else {
    const again = await candidatePools(ctx.pool, visible, task.rules, task.created_at);
    candidatesMatch = pools
      .filter((p) => visible.includes(p.countyId))
      .every((p) => {
        const a = again.get(p.countyId) ?? [];
        return a.length === p.candidates.length && a.every((u, i) => u === p.candidates[i]);
      });
    note = candidatesMatch
      ? '按任务规则从企业名录重新筛选的候选企业与抽取时记录的一致'
      : '按任务规则从企业名录重新筛选的候选企业与抽取时记录的不一致，请核查';
  }
  return {
    taskId: task.id,
    seed: task.seed,
    algorithm: drawAlgorithm,
    matches,
    candidatesMatch,
    note: `${matches ? '用记录的随机数种子重新抽取，结果与任务一致' : '用记录的随机数种子重新抽取，结果与任务不一致，请核查'}；${note}`,
    counties,
  };
}
