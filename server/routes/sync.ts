/** A workstation's requests: enrolment, then (with its device credential) users, push, pull and number blocks. */
import type { FastifyInstance } from 'fastify';
import { enrolInput } from '#common/sync/enrolment.js';
import { pushInput } from '#common/sync/push.js';
import { pullQuery } from '#common/sync/pull.js';
import { numberBlockInput } from '#common/sync/numbers.js';
import { enrol } from '../auth/enrolment.js';
import { requireDevice } from '../auth/device.js';
import { parseWith } from '../http/errors.js';
import type { ServerContext } from '../http/context.js';
import { push } from '../sync/push.js';
import { pull } from '../sync/pull.js';
import { reserveBlock } from '../sync/numberBlocks.js';
import { ifNoneMatchHits, userListTag } from '../sync/userList.js';

export function syncRoutes(app: FastifyInstance, ctx: ServerContext): void {
  app.post('/api/enrol', async (req, reply) => {
    const input = parseWith(enrolInput, req.body);
    reply.status(201);
    return enrol(ctx, input.code, input.deviceName);
  });

  // The bureau's users with their password hashes: the workstation caches them so that login works offline.
  // The tag is read BEFORE the rows: a change in between gives new rows under the old tag (the next round
  // then takes them again), never old rows under the new tag (which a desk would then keep).
  app.get('/api/sync/users', async (req, reply) => {
    const device = await requireDevice(ctx, req);
    const bureau = ctx.bureaus.get(device.bureauId)!;
    const etag = await userListTag(ctx, bureau);
    if (etag) {
      void reply.header('ETag', etag);
      if (ifNoneMatchHits(req.headers['if-none-match'], etag)) return reply.code(304).send();
    }
    const rows = (
      await ctx.pool.query<{
        id: string;
        username: string;
        name: string;
        roles: string[];
        certificate_no: string | null;
        certificate_valid_until: string | null;
        password_hash: string;
        disabled_at: Date | null;
      }>(
        `SELECT id, username, name, roles, certificate_no, to_char(certificate_valid_until, 'YYYY-MM-DD') AS certificate_valid_until, password_hash, disabled_at
       FROM users WHERE bureau_id = $1 ORDER BY username`,
        [device.bureauId],
      )
    ).rows;
    return {
      bureau,
      users: rows.map((r) => ({
        id: r.id,
        username: r.username,
        name: r.name,
        roles: r.roles,
        certificateNo: r.certificate_no,
        certificateValidUntil: r.certificate_valid_until,
        passwordHash: r.password_hash,
        disabled: r.disabled_at !== null,
      })),
    };
  });

  app.post('/api/sync/push', async (req) => {
    const device = await requireDevice(ctx, req);
    return push(ctx, device, parseWith(pushInput, req.body));
  });

  app.get('/api/sync/pull', async (req) => {
    const device = await requireDevice(ctx, req);
    return pull(ctx, device, parseWith(pullQuery, req.query));
  });

  app.post('/api/sync/number-block', async (req, reply) => {
    const device = await requireDevice(ctx, req);
    const input = parseWith(numberBlockInput, req.body);
    reply.status(201);
    return reserveBlock(ctx, device, input);
  });
}
