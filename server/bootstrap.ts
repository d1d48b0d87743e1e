/**
 * The first start on an empty database creates the province's administrator (`admin`, 贵州省生态环境厅)
 * with the password from ANJUAN_SERVER_ADMIN_PASSWORD, or a random one printed once: never a
 * published default.
 */
import { randomInt } from 'node:crypto';
import type pg from 'pg';
import { provinceCode } from './db/bureaus.js';
import { createUser } from './auth/users.js';

export const bootstrapUsername = 'admin';

/** 16 characters from an alphabet without look-alikes (0/O, 1/l/I), always with letters and digits. */
export function randomPassword(): string {
  const letters = 'abcdefghjkmnpqrstuvwxyzABCDEFGHJKMNPQRSTUVWXYZ';
  const digits = '23456789';
  const all = letters + digits;
  const chars = Array.from({ length: 14 }, () => all[randomInt(all.length)]!);
  chars.push(letters[randomInt(letters.length)]!, digits[randomInt(digits.length)]!);
  for (let i = chars.length - 1; i > 0; i--) {
    const j = randomInt(i + 1);
    [chars[i], chars[j]] = [chars[j]!, chars[i]!];
  }
  return chars.join('');
}

/** Null when the database already has users; else the administrator created and its password if generated. */
export async function bootstrapAdmin(
  pool: pg.Pool,
  envPassword: string | undefined,
  now: Date,
): Promise<{ username: string; generatedPassword: string | null } | null> {
  const has = await pool.query('SELECT 1 FROM users LIMIT 1');
  if (has.rowCount) return null;
  const password = envPassword && envPassword.length > 0 ? envPassword : randomPassword();
  await createUser(
    pool,
    { bureauId: provinceCode, username: bootstrapUsername, name: '省级系统管理员', roles: ['admin'], password },
    now,
  );
  return { username: bootstrapUsername, generatedPassword: envPassword ? null : password };
}
