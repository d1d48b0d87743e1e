/**
 * Enrolment: an administrator issues a one-time code for a county bureau (shown once, kept as its
 * SHA-256, valid for hours); the workstation exchanges it for a device id and a credential bound to
 * that bureau. A code works once: the exchange locks its row, so two workstations racing with the
 * same code get one device between them.
 */
import { randomInt } from 'node:crypto';
import { ulid } from 'ulid';
import { newToken, tokenHash } from '#core/store/passwords.js';
import { inTransaction } from '../db/pool.js';
import { ServerError } from '../http/errors.js';
import type { ServerContext } from '../http/context.js';
import type { BureauView } from '#common/sync/enrolment.js';
import type { Admin } from './admin.js';
import { requireWithin } from './admin.js';
import { forgetDevice } from './device.js';

/** Typed by a clerk: no 0/O, 1/I/L; 16 characters of 32 = 80 bits, in groups of four. */
const codeAlphabet = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';

export function newEnrolmentCode(): string {
  const chars = Array.from({ length: 16 }, () => codeAlphabet[randomInt(codeAlphabet.length)]!);
  return [0, 4, 8, 12].map((i) => chars.slice(i, i + 4).join('')).join('-');
}

/** What the clerk typed, in the form that was hashed: case, spaces and dashes do not matter. */
export const normaliseCode = (code: string): string => code.toUpperCase().replace(/[\s-]/g, '');

export async function issueCode(
  ctx: ServerContext,
  admin: Admin,
  bureauId: string,
  validHours: number,
): Promise<{ code: string; bureau: BureauView; expiresAt: string }> {
  requireWithin(ctx, admin, bureauId);
  const bureau = ctx.bureaus.get(bureauId)!;
  if (bureau.level !== 'county')
    throw new ServerError('VALIDATION', `登记码只能为县级分局签发，${bureau.name}不是县级分局`);
  const code = newEnrolmentCode();
  const now = ctx.now();
  const expiresAt = new Date(now.getTime() + validHours * 3600_000);
  await ctx.pool.query(
    'INSERT INTO enrolment_codes (code_hash, bureau_id, issued_by, issued_at, expires_at) VALUES ($1, $2, $3, $4, $5)',
    [tokenHash(normaliseCode(code)), bureauId, admin.id, now, expiresAt],
  );
  return { code, bureau, expiresAt: expiresAt.toISOString() };
}

export async function enrol(
  ctx: ServerContext,
  code: string,
  deviceName: string,
): Promise<{ deviceId: string; credential: string; bureau: BureauView }> {
  const now = ctx.now();
  return inTransaction(ctx.pool, async (tx) => {
    const r = await tx.query<{ bureau_id: string; issued_by: string; expires_at: Date; used_at: Date | null }>(
      'SELECT bureau_id, issued_by, expires_at, used_at FROM enrolment_codes WHERE code_hash = $1 FOR UPDATE',
      [tokenHash(normaliseCode(code))],
    );
    const row = r.rows[0];
    if (!row) throw new ServerError('ENROLMENT_CODE_INVALID');
    if (row.used_at) throw new ServerError('ENROLMENT_CODE_USED');
    if (row.expires_at.getTime() <= now.getTime()) throw new ServerError('ENROLMENT_CODE_EXPIRED');
    const deviceId = ulid(now.getTime());
    const credential = newToken();
    await tx.query(
      'INSERT INTO devices (id, bureau_id, name, credential_hash, enrolled_at, enrolled_by) VALUES ($1, $2, $3, $4, $5, $6)',
      [deviceId, row.bureau_id, deviceName, tokenHash(credential), now, row.issued_by],
    );
    await tx.query('UPDATE enrolment_codes SET used_at = $2, device_id = $3 WHERE code_hash = $1', [
      tokenHash(normaliseCode(code)),
      now,
      deviceId,
    ]);
    return { deviceId, credential, bureau: ctx.bureaus.get(row.bureau_id)! };
  });
}

export async function revokeDevice(
  ctx: ServerContext,
  admin: Admin,
  deviceId: string,
): Promise<{ deviceId: string; revokedAt: string }> {
  const d = (
    await ctx.pool.query<{ bureau_id: string; revoked_at: Date | null }>(
      'SELECT bureau_id, revoked_at FROM devices WHERE id = $1',
      [deviceId],
    )
  ).rows[0];
  if (!d) throw new ServerError('NOT_FOUND', `没有编号为 ${deviceId} 的工作站`);
  requireWithin(ctx, admin, d.bureau_id);
  if (d.revoked_at) return { deviceId, revokedAt: d.revoked_at.toISOString() };
  const now = ctx.now();
  await ctx.pool.query('UPDATE devices SET revoked_at = $2, revoked_by = $3 WHERE id = $1', [deviceId, now, admin.id]);
  forgetDevice(ctx, deviceId);
  return { deviceId, revokedAt: now.toISOString() };
}
