/**
 * Administrators of the server: login with the throttle of the workstation's account rules
 * (main/core/domain/accountRules.ts), sessions kept as the SHA-256 of a random token with the same
 * idle and absolute expiry. An administrator manages its own bureau and the bureaus below it.
 */
import type { FastifyRequest } from 'fastify';
import type { Role } from '#common/roles.js';
import {
  afterFailure,
  freshThrottle,
  lockedMessage,
  lockRemaining,
  sessionEnded,
  sessionEndedMessage,
  sessionTouchMs,
} from '#core/domain/accountRules.js';
import { checkPassword, dummyHash, newToken, tokenHash } from '#core/store/passwords.js';
import { ServerError } from '../http/errors.js';
import type { ServerContext } from '../http/context.js';

export interface Admin {
  id: string;
  username: string;
  name: string;
  roles: Role[];
  bureauId: string;
}

interface UserRow {
  id: string;
  username: string;
  name: string;
  roles: Role[];
  bureau_id: string;
  password_hash: string;
  disabled_at: Date | null;
  login_failures: number;
  login_lockouts: number;
  locked_until: Date | null;
}

const toAdmin = (r: UserRow): Admin => ({
  id: r.id,
  username: r.username,
  name: r.name,
  roles: r.roles,
  bureauId: r.bureau_id,
});

/** `allowed`: the roles that may hold a session here (the supervision portal also admits 负责人). */
export async function login(
  ctx: ServerContext,
  username: string,
  password: string,
  allowed: readonly Role[] = ['admin'],
): Promise<{ token: string; admin: Admin }> {
  const now = ctx.now();
  const r = await ctx.pool.query<UserRow>('SELECT * FROM users WHERE username = $1', [username.trim()]);
  const row = r.rows[0];
  // An unknown name costs the same scrypt as a wrong password: nobody learns which names exist.
  if (!row) {
    checkPassword(password, dummyHash);
    throw new ServerError('BAD_CREDENTIALS');
  }
  const throttle = {
    failures: row.login_failures,
    lockouts: row.login_lockouts,
    lockedUntil: row.locked_until?.getTime() ?? null,
  };
  const locked = lockRemaining(throttle, now.getTime());
  if (locked) throw new ServerError('ACCOUNT_LOCKED', lockedMessage(locked));
  if (!checkPassword(password, row.password_hash)) {
    const { next, locked: nowLocked } = afterFailure(throttle, now.getTime());
    await ctx.pool.query('UPDATE users SET login_failures = $2, login_lockouts = $3, locked_until = $4 WHERE id = $1', [
      row.id,
      next.failures,
      next.lockouts,
      next.lockedUntil === null ? null : new Date(next.lockedUntil),
    ]);
    if (nowLocked) throw new ServerError('ACCOUNT_LOCKED', lockedMessage(next.lockedUntil! - now.getTime()));
    throw new ServerError('BAD_CREDENTIALS');
  }
  if (row.disabled_at) throw new ServerError('BAD_CREDENTIALS', '该账号已停用');
  if (!row.roles.some((r) => allowed.includes(r)))
    throw new ServerError(
      'FORBIDDEN_ROLE',
      allowed.includes('head') ? '只有负责人或系统管理员可以登录监督平台' : '只有系统管理员可以登录服务器管理',
    );
  const token = newToken();
  await ctx.pool.query('UPDATE users SET login_failures = $2, login_lockouts = $3, locked_until = NULL WHERE id = $1', [
    row.id,
    freshThrottle.failures,
    freshThrottle.lockouts,
  ]);
  await ctx.pool.query(
    'INSERT INTO admin_sessions (token_hash, user_id, created_at, last_seen_at) VALUES ($1, $2, $3, $3)',
    [tokenHash(token), row.id, now],
  );
  return { token, admin: toAdmin(row) };
}

export function bearerToken(req: FastifyRequest): string | null {
  const h = req.headers.authorization;
  const m = typeof h === 'string' ? /^Bearer ([0-9a-f]{64})$/i.exec(h.trim()) : null;
  return m ? m[1]!.toLowerCase() : null;
}

/** The administrator behind the request's token, or a 401 with the reason. */
export function requireAdmin(ctx: ServerContext, req: FastifyRequest): Promise<Admin> {
  return requireSession(ctx, req, ['admin']);
}

/** The user behind the request's token if one of its roles is `allowed`, or a 401 with the reason. */
export async function requireSession(
  ctx: ServerContext,
  req: FastifyRequest,
  allowed: readonly Role[],
): Promise<Admin> {
  const token = bearerToken(req);
  if (!token) throw new ServerError('NOT_AUTHENTICATED');
  const now = ctx.now();
  const r = await ctx.pool.query<UserRow & { created_at: Date; last_seen_at: Date }>(
    `SELECT u.*, s.created_at, s.last_seen_at FROM admin_sessions s JOIN users u ON u.id = s.user_id WHERE s.token_hash = $1`,
    [tokenHash(token)],
  );
  const row = r.rows[0];
  if (!row || row.disabled_at || !row.roles.some((r) => allowed.includes(r)))
    throw new ServerError('NOT_AUTHENTICATED', '登录已失效，请重新登录');
  const ended = sessionEnded(row.created_at.getTime(), row.last_seen_at.getTime(), now.getTime());
  if (ended) {
    await ctx.pool.query('DELETE FROM admin_sessions WHERE token_hash = $1', [tokenHash(token)]);
    throw new ServerError('SESSION_ENDED', sessionEndedMessage[ended]);
  }
  if (now.getTime() - row.last_seen_at.getTime() >= sessionTouchMs) {
    await ctx.pool.query('UPDATE admin_sessions SET last_seen_at = $2 WHERE token_hash = $1', [tokenHash(token), now]);
  }
  return toAdmin(row);
}

/** An administrator acts on its own bureau and those below it, never on a neighbour's or a parent's. */
export function requireWithin(ctx: ServerContext, admin: Admin, bureauId: string): void {
  if (!ctx.bureaus.get(bureauId)) throw new ServerError('NOT_FOUND', `没有代码为 ${bureauId} 的单位`);
  if (!ctx.bureaus.isWithin(bureauId, admin.bureauId)) throw new ServerError('FORBIDDEN_BUREAU');
}
