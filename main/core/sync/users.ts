/**
 * The bureau's users from the server (GET /api/sync/users) into the local accounts' cache
 * (store/syncUsers.ts), so they log in here offline. A list far shorter than the last one (none, or
 * fewer than half) looks like an emptied server: refused, the cache left as it is.
 */
import { syncUsersOutput } from '#common/sync/enrolment.js';
import { cacheServerUsers } from '#core/store/syncUsers.js';
import { SyncFailure, type SyncHttp } from './http.js';
import type { SyncParts } from './integrate.js';

export async function refreshUsers(parts: SyncParts, http: SyncHttp, now: string): Promise<string[]> {
  const r = await http.request('GET', '/api/sync/users', syncUsersOutput);
  const seen = parts.store.enrolment()!.usersSeen;
  if (seen > 0 && r.users.length * 2 < seen) {
    throw new SyncFailure(
      'stop',
      'SERVER_WENT_BACK',
      `服务器上本单位的用户只有${r.users.length}个，上次同步时有${seen}个：服务器数据可能被重置。为免误停用账号，本机账号未作更改，同步已停止，请联系管理员`,
    );
  }
  const res = cacheServerUsers(parts.services.db, parts.services.bureau().id, r.users, now);
  parts.store.setUsersSeen(r.users.length);
  return [...(res.added.length ? [`新增用户：${res.added.join('、')}`] : []), ...res.skipped];
}
