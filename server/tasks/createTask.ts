/**
 * Creating a 现场检查任务: the rules checked, the draw made with a fresh seed, and the task, what each
 * county's draw was made from and the assignments written in one transaction. Every refusal is in
 * Chinese and writes nothing: counties outside the creator's bureaus, a period already begun, a
 * second submission, no enterprise meeting the rules, a county with fewer than two certified officers.
 */
import { randomBytes } from 'node:crypto';
import { ulid } from 'ulid';
import type { CreateTaskInput } from '#common/sync/fieldTasks.js';
import { chinaDate } from '#core/domain/dates.js';
import type { Admin } from '../auth/admin.js';
import { inTransaction } from '../db/pool.js';
import { ServerError } from '../http/errors.js';
import type { ServerContext } from '../http/context.js';
import { drawIndices, type Picked } from './draw.js';
import { candidateParams, candidatesSql, officersSql, sortMemory } from './pools.js';

export interface CreatedTask {
  id: string;
  seed: number;
  drawn: number;
}

async function refuseDuplicate(ctx: ServerContext, viewer: Admin, input: CreateTaskInput): Promise<void> {
  const r = await ctx.pool.query<{ name: string; same: boolean }>(
    'SELECT name, submission_id = $1 AS same FROM field_tasks WHERE submission_id = $1 OR (bureau_id = $2 AND name = $3) LIMIT 1',
    [input.submissionId, viewer.bureauId, input.name],
  );
  const hit = r.rows[0];
  if (!hit) return;
  throw new ServerError(
    'DUPLICATE_TASK',
    hit.same
      ? `该任务已经提交过（“${hit.name}”），未重复创建`
      : `本单位已有名为“${hit.name}”的现场检查任务，未重复创建；如需再次抽取，请使用新的任务名称`,
  );
}

export async function createTask(ctx: ServerContext, viewer: Admin, input: CreateTaskInput): Promise<CreatedTask> {
  for (const c of input.counties) {
    const b = ctx.bureaus.get(c);
    if (b?.level !== 'county') throw new ServerError('TASK_INVALID', `${c} 不是县级单位，任务范围只能选县（市、区）`);
    if (!ctx.bureaus.isWithin(c, viewer.bureauId))
      throw new ServerError('FORBIDDEN_BUREAU', `${b.name}不在本单位管辖范围内，不能向其下达任务`);
  }
  const now = ctx.now();
  const today = chinaDate(now);
  if (input.periodFrom < today)
    throw new ServerError(
      'TASK_INVALID',
      `检查期间的开始日期（${input.periodFrom}）已经过去（今天是${today}），不能下达过去的任务`,
    );
  await refuseDuplicate(ctx, viewer, input);

  const counties = [...input.counties].sort();
  const seed = randomBytes(4).readUInt32BE(0);
  const id = ulid();
  let drawn: Picked[] = [];
  try {
    await inTransaction(ctx.pool, async (tx) => {
      await tx.query(sortMemory);
      await tx.query(
        `INSERT INTO field_tasks (id, submission_id, bureau_id, name, period_from, period_to, counties, rules, per_county, seed,
           directory_seq, created_by, created_at)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8::jsonb, $9, $10,
           (SELECT coalesce(max(ref_seq), 0) FROM directory_enterprises), $11, $12)`,
        [
          id,
          input.submissionId,
          viewer.bureauId,
          input.name,
          input.periodFrom,
          input.periodTo,
          counties,
          JSON.stringify(input.rules),
          input.perCounty,
          seed,
          viewer.id,
          now,
        ],
      );
      // What each county's draw is made from is worked out and kept inside PostgreSQL: a province's
      // 90,910 codes never travel to this process and back; the draw needs only each pool's size.
      const pools = (
        await tx.query<{ county_id: string; candidate_count: number; officers: string[] }>(
          `WITH cand AS (${candidatesSql}),
                off AS (${officersSql.replaceAll('$1', '$7').replaceAll('$2', '$8')})
           INSERT INTO field_task_pools (task_id, county_id, candidate_count, candidates, officers)
           SELECT $9, c, coalesce(cand.n, 0), coalesce(cand.k, ''), coalesce(off.o, '{}')
             FROM unnest($1::text[]) AS c LEFT JOIN cand ON cand.county_id = c LEFT JOIN off ON off.bureau_id = c
           RETURNING county_id, candidate_count, officers`,
          [...candidateParams(counties, input.rules, now), counties, input.periodTo, id],
        )
      ).rows;
      if (pools.every((p) => p.candidate_count === 0))
        throw new ServerError(
          'TASK_INVALID',
          '企业名录中没有符合抽取规则的企业，未创建任务；请放宽行业、重点排污单位或检查日期条件',
        );
      const short = pools
        .filter((p) => p.candidate_count > 0 && p.officers.length < 2)
        .sort((a, b) => (a.county_id < b.county_id ? -1 : 1));
      if (short.length)
        throw new ServerError(
          'TASK_INVALID',
          `${short.map((p) => `${ctx.bureaus.get(p.county_id)!.name}（${p.officers.length}名）`).join('、')}持有在${input.periodTo}前一直有效的执法证的执法人员不足两名，不能抽取；未创建任务`,
        );
      drawn = drawIndices(
        seed,
        input.perCounty,
        pools.map((p) => ({ countyId: p.county_id, size: p.candidate_count, officers: p.officers })),
      );
      await tx.query(
        `INSERT INTO field_assignments (id, task_id, county_id, position, uscc, enterprise_name, officer_ids)
         SELECT $1 || '-' || t.c || '-' || t.p, $1, t.c, t.p, u.uscc, d.name, ARRAY[t.o1, t.o2]
           FROM unnest($2::text[], $3::int[], $4::int[], $5::text[], $6::text[]) AS t(c, p, i, o1, o2)
           JOIN field_task_pools fp ON fp.task_id = $1 AND fp.county_id = t.c
           CROSS JOIN LATERAL (SELECT split_part(fp.candidates, ',', t.i + 1) AS uscc) u
           JOIN directory_enterprises d ON d.uscc = u.uscc`,
        [
          id,
          drawn.map((d) => d.countyId),
          drawn.map((d) => d.position),
          drawn.map((d) => d.index),
          drawn.map((d) => d.officers[0]),
          drawn.map((d) => d.officers[1]),
        ],
      );
    });
  } catch (e) {
    // Two submissions at once: the second meets the unique keys and is refused like a resubmission.
    if ((e as { code?: string }).code === '23505') await refuseDuplicate(ctx, viewer, input);
    throw e;
  }
  return { id, seed, drawn: drawn.length };
}
