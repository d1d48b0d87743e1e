/**
 * The local accounts' cache of the bureau's users on the provincial server (GET /api/sync/users), so
 * that they log in at this workstation offline and their actions carry the ids the server knows.
 * Keyed by the server's user id; the password hash is the server's (same scrypt format); an officer's
 * 执法证 becomes a row of the officer directory with an id derived from the user's (`off-<id>`), the
 * same on every workstation, so a case opened on one desk names the same officers on the others.
 * Accounts are never deleted: one disabled on the server is disabled here and its sessions end.
 * A local account whose username a server user also has is left alone and reported.
 * A user with no role (none this desk knows, sync/userRoles.ts) gets no login here: not added, and an
 * account already cached is disabled with its roles cleared, so it keeps none the server took away.
 */
import type { Db } from './db.js';
import type { Role } from '#common/roles.js';

export interface CachedUser {
  id: string;
  username: string;
  name: string;
  roles: Role[];
  certificateNo: string | null;
  certificateValidUntil: string | null;
  passwordHash: string;
  disabled: boolean;
}

export interface UserCacheResult {
  added: string[];
  updated: number;
  /** Chinese reasons for users not taken (a local account with the same name, a 执法证 taken locally). */
  skipped: string[];
}

export const officerIdOf = (userId: string): string => `off-${userId}`;

export function cacheServerUsers(db: Db, bureauId: string, users: readonly CachedUser[], now: string): UserCacheResult {
  const result: UserCacheResult = { added: [], updated: 0, skipped: [] };
  const byId = db.prepare('SELECT id, username FROM users WHERE id = ?');
  const byName = db.prepare('SELECT id FROM users WHERE lower(username) = lower(?)');
  const certTaken = db.prepare('SELECT id FROM officers WHERE certificate_no = ? AND id <> ?');
  const upsertOfficer = db.prepare(`INSERT INTO officers (id, bureau_id, name, certificate_no, certificate_valid_until)
    VALUES (?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET name = excluded.name, certificate_no = excluded.certificate_no,
    certificate_valid_until = excluded.certificate_valid_until`);
  const insert = db.prepare(`INSERT INTO users (id, bureau_id, username, name, roles, password_hash, officer_id,
    must_change_password, password_changed_at, disabled_at) VALUES (?, ?, ?, ?, ?, ?, ?, 0, ?, ?)`);
  const update =
    db.prepare(`UPDATE users SET name = ?, roles = ?, password_hash = ?, officer_id = COALESCE(?, officer_id),
    disabled_at = CASE WHEN ? THEN COALESCE(disabled_at, ?) ELSE NULL END WHERE id = ?`);
  const endSessions = db.prepare('DELETE FROM sessions WHERE user_id = ?');
  db.transaction(() => {
    for (const u of users) {
      const existing = byId.get(u.id) as { id: string; username: string } | undefined;
      const noRole = u.roles.length === 0;
      if (!existing && noRole) continue;
      const disabled = u.disabled || noRole;
      if (!existing && byName.get(u.username)) {
        result.skipped.push(`本机已有用户名为“${u.username}”的本地账号，服务器上的同名用户未同步到本机`);
        continue;
      }
      let officerId: string | null = null;
      if (u.certificateNo && u.certificateValidUntil) {
        const id = officerIdOf(u.id);
        if (certTaken.get(u.certificateNo, id)) {
          result.skipped.push(`执法证号${u.certificateNo}在本机已登记给其他执法人员，${u.name}的执法证未同步`);
        } else {
          upsertOfficer.run(id, bureauId, u.name, u.certificateNo, u.certificateValidUntil);
          officerId = id;
        }
      }
      const roles = JSON.stringify(u.roles);
      if (existing) {
        update.run(u.name, roles, u.passwordHash, officerId, disabled ? 1 : 0, now, u.id);
        result.updated++;
      } else {
        insert.run(u.id, bureauId, u.username, u.name, roles, u.passwordHash, officerId, now, disabled ? now : null);
        result.added.push(u.name);
      }
      if (disabled) endSessions.run(u.id);
    }
  }).immediate();
  return result;
}
