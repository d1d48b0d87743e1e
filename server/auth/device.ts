/**
 * Device credentials: 32 random bytes handed out once at enrolment, kept as their SHA-256 (nothing to
 * guess, so no KDF). A revoked device is refused with its own message, so the clerk knows why.
 */
import type { FastifyRequest } from 'fastify';
import { tokenHash } from '#core/store/passwords.js';
import { ServerError } from '../http/errors.js';
import type { ServerContext } from '../http/context.js';
import { bearerToken } from './admin.js';

export interface Device {
  id: string;
  bureauId: string;
  name: string;
}

export async function requireDevice(ctx: ServerContext, req: FastifyRequest): Promise<Device> {
  const credential = bearerToken(req);
  if (!credential) throw new ServerError('DEVICE_UNKNOWN');
  const r = await ctx.pool.query<{ id: string; bureau_id: string; name: string; revoked_at: Date | null }>(
    'UPDATE devices SET last_seen_at = $2 WHERE credential_hash = $1 RETURNING id, bureau_id, name, revoked_at',
    [tokenHash(credential), ctx.now()],
  );
  const row = r.rows[0];
  if (!row) throw new ServerError('DEVICE_UNKNOWN');
  if (row.revoked_at) throw new ServerError('DEVICE_REVOKED');
  return { id: row.id, bureauId: row.bureau_id, name: row.name };
}
