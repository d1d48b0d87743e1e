/**
 * The bureau's users from the server (GET /api/sync/users) into the local accounts' cache
 * (store/syncUsers.ts), so they log in here offline. A list far shorter than the last one (none, or
 * fewer than half) looks like an emptied server: refused, the cache left as it is. The request carries
 * the ETag of the last reply applied here, so a round where nothing changed is answered 304 with no body.
 * A role this version does not know is dropped for its user and reported (userRoles.ts), never a
 * reason to stop the round: a newer server must not stop an older desk.
 */
import { syncUsersOutput } from '#common/sync/enrolment.js';
import { cacheServerUsers } from '#core/store/syncUsers.js';
import { SyncFailure, type SyncHttp } from './http.js';
import type { SyncParts } from './integrate.js';
import { withKnownRoles } from './userRoles.js';

export async function refreshUsers(parts: SyncParts, http: SyncHttp, now: string): Promise<string[]> {
  const { usersSeen: seen, usersEtag } = parts.store.enrolment()!;
  const reply = await http.getIfChanged('/api/sync/users', syncUsersOutput, usersEtag);
  // 304: nothing changed on the server since the reply applied here, and nothing here since (a local
  // change to the accounts forgets the tag, migration 20261208T0410_sync_users_etag).
  if (!reply) return [];
  const r = reply.data;
  if (seen > 0 && r.users.length * 2 < seen) {
    throw new SyncFailure(
      'stop',
      'SERVER_WENT_BACK',
      `服务器上本单位的用户只有${r.users.length}个，上次同步时有${seen}个：服务器数据可能被重置。为免误停用账号，本机账号未作更改，同步已停止，请联系管理员`,
    );
  }
  const known = withKnownRoles(r.users);
  const res = cacheServerUsers(parts.services.db, parts.services.bureau().id, known.users, now);
  // The tag is kept only now that the reply is applied: a failure above leaves the old one, so the next round asks again.
  // A reply with roles dropped is kept without its tag: the server's list has not changed when this desk is
  // updated to know them, so a tag would have it answered 304 and the dropped roles never taken.
  parts.store.setUsersSeen(r.users.length, known.dropped ? null : reply.etag);
  return [...(res.added.length ? [`新增用户：${res.added.join('、')}`] : []), ...res.skipped, ...known.notices];
}
