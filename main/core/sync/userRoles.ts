/**
 * The roles of the server's users as this desk can hold them. A province may give users a role that
 * this version does not know yet (a newer server, a county PC not updated): that role is dropped for
 * the user, who keeps the roles known here, so nobody gains a role and nobody loses one they hold. A
 * user left with no known role gets no login here (store/syncUsers.ts: not added, or disabled if
 * cached). Each such user is reported in Chinese so the administrator knows to update the desk.
 */
import { isRole } from '#common/roles.js';
import type { SyncUser } from '#common/sync/enrolment.js';
import type { CachedUser } from '#core/store/syncUsers.js';

/** Users named one by one in the report; more are summed up in one line, so they do not push out the rest. */
const namedAtMost = 5;
const updateHint = '请将本机更新到最新版本';

export interface KnownRolesResult {
  users: CachedUser[];
  /** Chinese notices for the sync report, empty when every role was known. */
  notices: string[];
  /** Whether any role was dropped: then the reply is not the server's list as it is, only this desk's reading of it. */
  dropped: boolean;
}

export function withKnownRoles(users: readonly SyncUser[]): KnownRolesResult {
  const out: CachedUser[] = [];
  const affected: Array<{ name: string; unknown: string[]; noLogin: boolean }> = [];
  for (const u of users) {
    const known = [...new Set(u.roles.filter(isRole))];
    const unknown = [...new Set(u.roles.filter((r) => !isRole(r)))];
    out.push({ ...u, roles: known });
    // A user disabled on the server cannot log in anyway: no notice to act on.
    if (unknown.length && !u.disabled) affected.push({ name: u.name, unknown, noLogin: known.length === 0 });
  }
  const notices = affected.slice(0, namedAtMost).map((a) => {
    const which = a.unknown.map((r) => `“${r}”`).join('、');
    return a.noLogin
      ? `用户“${a.name}”的角色${which}本机版本不认识，该用户暂不能在本机登录；${updateHint}`
      : `用户“${a.name}”的角色${which}本机版本不认识，已忽略，其他角色照常使用；${updateHint}`;
  });
  const rest = affected.slice(namedAtMost);
  if (rest.length) {
    const noLogin = rest.filter((a) => a.noLogin).length;
    notices.push(
      `另有${rest.length}个用户带有本机版本不认识的角色${noLogin ? `（其中${noLogin}个暂不能在本机登录）` : ''}；${updateHint}`,
    );
  }
  return { users: out, notices, dropped: users.some((u) => u.roles.some((r) => !isRole(r))) };
}
