/**
 * Device credentials: 32 random bytes handed out once at enrolment, kept as their SHA-256 (nothing to
 * guess, so no KDF). A revoked device is refused with its own message, so the clerk knows why.
 *
 * A workstation's round is three requests within a second or two (users, push, pull), and 500 of them
 * may come at once: each looked its device up with an UPDATE of `last_seen_at` — a write and a commit per
 * request. A device found is now remembered for `rememberMs` by its credential's hash, so a round costs one
 * lookup, and `last_seen_at` is written at most once per that time. A revocation through this process
 * forgets the device at once; push re-reads the device row (FOR UPDATE) in its own transaction anyway, so
 * a device revoked through another process can at most read for `rememberMs` more, never write.
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

export const rememberMs = 10_000;
/** Enough for every workstation of a province; past it the expired entries are dropped first. */
const maxRemembered = 20_000;

interface Remembered {
  device: Device;
  until: number;
}

const remembered = new WeakMap<ServerContext, Map<string, Remembered>>();

function cacheOf(ctx: ServerContext): Map<string, Remembered> {
  let m = remembered.get(ctx);
  if (!m) {
    m = new Map();
    remembered.set(ctx, m);
  }
  return m;
}

export async function requireDevice(ctx: ServerContext, req: FastifyRequest): Promise<Device> {
  const credential = bearerToken(req);
  if (!credential) throw new ServerError('DEVICE_UNKNOWN');
  const hash = tokenHash(credential);
  const cache = cacheOf(ctx);
  const now = performance.now();
  const hit = cache.get(hash);
  if (hit && hit.until > now) return hit.device;
  const r = await ctx.pool.query<{ id: string; bureau_id: string; name: string; revoked_at: Date | null }>(
    'UPDATE devices SET last_seen_at = $2 WHERE credential_hash = $1 RETURNING id, bureau_id, name, revoked_at',
    [hash, ctx.now()],
  );
  const row = r.rows[0];
  if (!row) throw new ServerError('DEVICE_UNKNOWN');
  if (row.revoked_at) {
    cache.delete(hash);
    throw new ServerError('DEVICE_REVOKED');
  }
  const device = { id: row.id, bureauId: row.bureau_id, name: row.name };
  if (cache.size >= maxRemembered) {
    for (const [k, v] of cache) if (v.until <= now) cache.delete(k);
    if (cache.size >= maxRemembered) cache.clear();
  }
  cache.set(hash, { device, until: now + rememberMs });
  return device;
}

/** A revoked device is refused from its next request on (this process). */
export function forgetDevice(ctx: ServerContext, deviceId: string): void {
  const cache = remembered.get(ctx);
  if (!cache) return;
  for (const [k, v] of cache) if (v.device.id === deviceId) cache.delete(k);
}
