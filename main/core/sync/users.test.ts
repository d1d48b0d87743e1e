/**
 * The users cache against the real provincial server: a round where nothing changed is answered 304 and
 * leaves the cache as it is; a password changed, a user added, disabled, or given another role on the
 * server comes with a new ETag and is applied (the new password logs in offline); an ETag the server
 * does not know, or one forgotten after a local change to the accounts, brings the full list again.
 * A role the server gives that this desk's version does not know never stops the round: the user keeps
 * the roles known here, one left with none cannot log in here, and the sync report says so.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hashPassword } from '#core/store/passwords.js';
import { startTestServer, type TestServer } from '../../../server/testing/testServer.js';
import { addUser, adminToken, userPassword } from '../../../server/testing/fixtures.js';
import { createTestCore, expectFailure, type TestCore } from '../testing/testCore.js';
import type { FetchFn } from './http.js';
import { enrolWithServer } from '../../../server/testing/enrolWithServer.js';

const county = '522627'; // 天柱县: the demo bureau's county
let server: TestServer;
let t: TestCore;
let officerId: string;
/** The status of each users request this desk made, and the If-None-Match it sent. */
const seen: Array<{ status: number; sent: string | null }> = [];

const recording: FetchFn = async (url, init) => {
  const res = await fetch(url, init);
  if (url.endsWith('/api/sync/users'))
    seen.push({ status: res.status, sent: (init.headers as Record<string, string>)['if-none-match'] ?? null });
  return res;
};

async function round(): Promise<{ status: number; sent: string | null }> {
  const before = seen.length;
  const out = await t.core.services.sync.round();
  expect(out.error).toBeNull();
  expect(seen.length).toBe(before + 1);
  return seen.at(-1)!;
}

const enrolment = () => t.core.services.sync.store.enrolment()!;

beforeAll(async () => {
  server = await startTestServer();
  const province = await adminToken(server);
  officerId = await addUser(server, province, county, 'wu.officer', ['officer'], '贵环执字522627301');
  t = await createTestCore({ today: '2026-12-07', core: { sync: { fetch: recording } } });
  await enrolWithServer(t, server, province, '执法二科');
}, 120_000);

afterAll(async () => {
  await t?.close();
  await server?.close();
});

describe('users with an ETag', () => {
  it('asks with the ETag of the list it applied and is answered 304; the cache stays as it is', async () => {
    expect(seen[0]).toEqual({ status: 200, sent: null });
    const tag = enrolment().usersEtag;
    expect(tag).toMatch(/^"u1-/);
    const users = enrolment().usersSeen;
    expect(await round()).toEqual({ status: 304, sent: tag });
    expect(enrolment()).toMatchObject({ usersEtag: tag, usersSeen: users, lastError: null });
    await t.login('wu.officer', userPassword);
  });

  it('takes each change on the server with its new ETag: password, new user, disabled, roles', async () => {
    const newPassword = 'Xin-mima-2026-wu';
    const province = await adminToken(server);
    const steps: Array<[string, () => Promise<unknown>, () => Promise<void>]> = [
      [
        'password',
        () =>
          server.pool.query('UPDATE users SET password_hash = $2 WHERE id = $1', [
            officerId,
            hashPassword(newPassword),
          ]),
        async () => {
          await t.login('wu.officer', newPassword); // offline: checked against the cached hash
          expect((await expectFailure(t.login('wu.officer', userPassword))).code).toBe('BAD_CREDENTIALS');
        },
      ],
      [
        'new user',
        () => addUser(server, province, county, 'zhao.officer', ['officer']),
        async () => {
          await t.login('zhao.officer', userPassword);
        },
      ],
      [
        'roles',
        () => server.pool.query(`UPDATE users SET roles = '{officer,reviewer}' WHERE id = $1`, [officerId]),
        async () => expect(t.core.services.directory.user(officerId)!.roles).toEqual(['officer', 'reviewer']),
      ],
      [
        'disabled',
        () => server.pool.query('UPDATE users SET disabled_at = now() WHERE id = $1', [officerId]),
        async () => expect((await expectFailure(t.login('wu.officer', newPassword))).message).toContain('停用'),
      ],
    ];
    for (const [what, change, check] of steps) {
      const before = enrolment().usersEtag;
      await change();
      expect((await round()).status, what).toBe(200);
      const after = enrolment().usersEtag;
      expect(after, what).toMatch(/^"u1-/);
      expect(after, what).not.toBe(before);
      await check();
      expect((await round()).status, what).toBe(304);
    }
  });

  it('takes the full list for an ETag the server does not know, or after a local change forgot it', async () => {
    t.core.services.db.prepare(`UPDATE sync_enrolment SET users_etag = '"u1-garbage"'`).run();
    expect(await round()).toEqual({ status: 200, sent: '"u1-garbage"' });
    expect(enrolment().usersEtag).toMatch(/^"u1-[0-9a-f-]{36}-/);
    // A local change to a cached user (here its password hash) forgets the tag: the server's hash comes back.
    const { password_hash: serverHash } = t.core.services.db
      .prepare("SELECT password_hash FROM users WHERE username = 'zhao.officer'")
      .get() as { password_hash: string };
    t.core.services.db
      .prepare("UPDATE users SET password_hash = ? WHERE username = 'zhao.officer'")
      .run(hashPassword('Bendi-mima-2026'));
    expect(enrolment().usersEtag).toBeNull();
    expect(await round()).toEqual({ status: 200, sent: null });
    expect(t.core.services.db.prepare("SELECT password_hash FROM users WHERE username = 'zhao.officer'").get()).toEqual(
      { password_hash: serverHash },
    );
    expect((await round()).status).toBe(304);
  });
});

describe('a role this version does not know', () => {
  const db = () => t.core.services.db;
  const idOf = async (username: string) =>
    (await server.pool.query<{ id: string }>('SELECT id FROM users WHERE username = $1', [username])).rows[0]!.id;
  const setRoles = (username: string, roles: string) =>
    server.pool.query('UPDATE users SET roles = $2 WHERE username = $1', [username, roles]);
  const sessionsOf = (id: string) =>
    (db().prepare('SELECT COUNT(*) AS n FROM sessions WHERE user_id = ?').get(id) as { n: number }).n;

  it('is dropped for its user, who keeps the known ones; the round goes on and says so', async () => {
    const zhao = await idOf('zhao.officer');
    await setRoles('zhao.officer', '{officer,auditor}');
    await addUser(server, await adminToken(server), county, 'sun.officer', ['officer']);
    expect((await round()).status).toBe(200);
    expect(t.core.services.directory.user(zhao)!.roles).toEqual(['officer']);
    await t.login('zhao.officer', userPassword);
    await t.login('sun.officer', userPassword); // the rest of the list is taken as usual
    expect(enrolment().changes).toContain(
      '用户“zhao.officer”的角色“auditor”本机版本不认识，已忽略，其他角色照常使用；请将本机更新到最新版本',
    );
    expect(enrolment().changes).toContain('新增用户：sun.officer');
    // No tag for a reply read only in part: once this desk is updated it must take the list again, not a 304.
    expect(enrolment().usersEtag).toBeNull();
    expect(await round()).toEqual({ status: 200, sent: null });
  });

  it('leaves a user with none of its roles known without a login here; the others are updated', async () => {
    const zhao = await idOf('zhao.officer');
    await t.login('zhao.officer', userPassword);
    expect(sessionsOf(zhao)).toBeGreaterThan(0);
    const province = await adminToken(server);
    await setRoles('zhao.officer', '{auditor}'); // cached here: disabled, its officer role gone
    await addUser(server, province, county, 'zhou.head', ['head']);
    await setRoles('zhou.head', '{auditor}'); // new to this desk: not added
    await addUser(server, province, county, 'qian.reviewer', ['reviewer']);
    expect((await round()).status).toBe(200);

    expect(t.core.services.directory.user(zhao)!.roles).toEqual([]);
    expect(sessionsOf(zhao)).toBe(0);
    expect((await expectFailure(t.login('zhao.officer', userPassword))).code).toBe('ACCOUNT_DISABLED');
    expect(t.core.services.directory.userByUsername('zhou.head')).toBeNull();
    expect((await expectFailure(t.login('zhou.head', userPassword))).code).toBe('BAD_CREDENTIALS');
    await t.login('qian.reviewer', userPassword);
    expect(enrolment().changes).toEqual(
      expect.arrayContaining([
        '新增用户：qian.reviewer',
        '用户“zhao.officer”的角色“auditor”本机版本不认识，该用户暂不能在本机登录；请将本机更新到最新版本',
        '用户“zhou.head”的角色“auditor”本机版本不认识，该用户暂不能在本机登录；请将本机更新到最新版本',
      ]),
    );
    expect(enrolment().usersEtag).toBeNull();

    // Roles this desk knows again (as after an update): both users log in with them, and the tag is kept.
    await setRoles('zhao.officer', '{officer}');
    await setRoles('zhou.head', '{head}');
    expect((await round()).status).toBe(200);
    expect(t.core.services.directory.user(zhao)!.roles).toEqual(['officer']);
    await t.login('zhao.officer', userPassword);
    await t.login('zhou.head', userPassword);
    expect(enrolment().usersEtag).toMatch(/^"u1-/);
    expect((await round()).status).toBe(304);
  });
});
