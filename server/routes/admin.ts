/** The administrator's requests: login, enrolment codes, users, revocation, reference data, the cases of its bureaus. */
import { referenceProblem } from '#common/sync/reference.js';
import type { FastifyInstance } from 'fastify';
import {
  adminLoginInput,
  createUserInput,
  deviceIdParam,
  enrolmentCodeInput,
  publishReferenceInput,
} from '#common/sync/enrolment.js';
import { caseListQuery } from '#common/sync/pull.js';
import { login, requireAdmin, requireWithin } from '../auth/admin.js';
import { issueCode, revokeDevice } from '../auth/enrolment.js';
import { createUser } from '../auth/users.js';
import { provinceCode } from '../db/bureaus.js';
import { storeDirectory } from '../tasks/directory.js';
import { addProcedures, checkedProcedures, isProcedureKind } from '../sync/publishedProcedures.js';
import { parseWith, ServerError } from '../http/errors.js';
import type { ServerContext } from '../http/context.js';

export function adminRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.post('/api/admin/login', async (req) => {
    const input = parseWith(adminLoginInput, req.body);
    const { token, admin } = await login(ctx, input.username, input.password);
    return {
      token,
      user: {
        id: admin.id,
        username: admin.username,
        name: admin.name,
        roles: admin.roles,
        bureau: ctx.bureaus.get(admin.bureauId)!,
      },
    };
  });

  app.post('/api/admin/enrolment-codes', async (req, reply) => {
    const admin = await requireAdmin(ctx, req);
    const input = parseWith(enrolmentCodeInput, req.body);
    reply.status(201);
    return issueCode(ctx, admin, input.bureauId, input.validHours);
  });

  app.post('/api/admin/users', async (req, reply) => {
    const admin = await requireAdmin(ctx, req);
    const input = parseWith(createUserInput, req.body);
    requireWithin(ctx, admin, input.bureauId);
    const id = await createUser(ctx.pool, input, ctx.now());
    reply.status(201);
    return { id, username: input.username, bureauId: input.bureauId };
  });

  app.post('/api/devices/:id/revoke', async (req) => {
    const admin = await requireAdmin(ctx, req);
    const { id } = parseWith(deviceIdParam, req.params);
    return revokeDevice(ctx, admin, id);
  });

  // Reference data is the province's: only its administrators publish a version.
  app.post('/api/admin/reference', async (req, reply) => {
    const admin = await requireAdmin(ctx, req);
    if (admin.bureauId !== provinceCode) throw new ServerError('FORBIDDEN_BUREAU', '只有省级管理员可以发布参考数据');
    const input = parseWith(publishReferenceInput, req.body);
    const problem = referenceProblem(input.kind, input.version, input.payload);
    if (problem) throw new ServerError('REFERENCE_INVALID', `${problem}；未发布`);
    // A procedure version is checked by the domain as the workstations will check it, then known here.
    const procedures = isProcedureKind(input.kind)
      ? checkedProcedures(ctx.procedures, input.version, input.payload)
      : [];
    const r = await ctx.pool.query<{ seq: string }>(
      'INSERT INTO reference_data (kind, version, payload, published_at) VALUES ($1, $2, $3::jsonb, $4) ON CONFLICT (kind, version) DO NOTHING RETURNING seq',
      [input.kind, input.version, JSON.stringify(input.payload), ctx.now()],
    );
    if (!r.rows[0])
      throw new ServerError(
        'VALIDATION',
        `${input.kind} 的版本 ${input.version} 已经发布，发布后不能修改；请使用新的版本号`,
      );
    if (input.kind === 'enterprises') await storeDirectory(ctx.pool, Number(r.rows[0].seq), input.payload); // 双随机 draws from it
    addProcedures(ctx.procedures, procedures); // cases opened under it are pushed here
    ctx.rules.add(input.kind, input.version, input.payload, ctx.now()); // a calendar or benchmark: pushes are judged by it
    reply.status(201);
    return { seq: Number(r.rows[0].seq), kind: input.kind, version: input.version };
  });

  app.get('/api/cases', async (req) => {
    const admin = await requireAdmin(ctx, req);
    const q = parseWith(caseListQuery, req.query);
    if (q.bureauId) requireWithin(ctx, admin, q.bureauId);
    const bureaus = ctx.bureaus.subtree(q.bureauId ?? admin.bureauId);
    const rows = (
      await ctx.pool.query<{
        id: string;
        bureau_id: string;
        number: string | null;
        head_seq: number;
        head_hash: string;
        updated_at: Date;
      }>(
        'SELECT id, bureau_id, number, head_seq, head_hash, updated_at FROM cases WHERE bureau_id = ANY($1) AND id > $2 ORDER BY id LIMIT $3',
        [bureaus, q.after ?? '', q.limit + 1],
      )
    ).rows;
    const page = rows.slice(0, q.limit);
    return {
      cases: page.map((r) => ({
        id: r.id,
        bureauId: r.bureau_id,
        number: r.number,
        events: r.head_seq,
        headHash: r.head_hash,
        updatedAt: r.updated_at.toISOString(),
      })),
      next: rows.length > q.limit ? page.at(-1)!.id : null,
    };
  });
}
