/**
 * Users on the server: created by an administrator (or the bootstrap), with the workstation's
 * password policy and hash format, so the hash a workstation caches verifies offline there.
 */
import type pg from 'pg';
import { ulid } from 'ulid';
import type { z } from 'zod';
import { passwordProblems } from '#common/passwordPolicy.js';
import type { createUserInput } from '#common/sync/enrolment.js';
import { hashPassword } from '#core/store/passwords.js';
import { ServerError } from '../http/errors.js';

export type NewUser = z.infer<typeof createUserInput>;

export async function createUser(pool: pg.Pool | pg.PoolClient, u: NewUser, now: Date): Promise<string> {
  const problems = passwordProblems(u.password, u.username);
  if (problems.length) throw new ServerError('VALIDATION', `密码不符合要求：${problems.join('；')}`);
  if (u.certificateValidUntil && !u.certificateNo)
    throw new ServerError('VALIDATION', '填写执法证有效期时须同时填写执法证号');
  const id = ulid(now.getTime());
  try {
    await pool.query(
      `INSERT INTO users (id, bureau_id, username, name, roles, certificate_no, certificate_valid_until, password_hash, created_at)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
      [
        id,
        u.bureauId,
        u.username,
        u.name,
        [...new Set(u.roles)],
        u.certificateNo ?? null,
        u.certificateValidUntil ?? null,
        hashPassword(u.password),
        now,
      ],
    );
  } catch (e) {
    const c = e as { code?: string; constraint?: string };
    if (c.code === '23505') {
      throw new ServerError(
        'VALIDATION',
        c.constraint?.includes('certificate')
          ? `执法证号 ${u.certificateNo} 已登记给其他用户`
          : `用户名 ${u.username} 已被使用`,
      );
    }
    if (c.code === '22008' || c.code === '22007') throw new ServerError('VALIDATION', '执法证有效期不是有效日期');
    throw e;
  }
  return id;
}
