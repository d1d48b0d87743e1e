/**
 * GET /api/sync/users with an ETag, over real HTTP and PostgreSQL: 304 with no body while nothing in
 * the list changed, a new tag and the full list after any change a workstation must take (password,
 * new user, disabled, roles, 执法证), none after changes the list does not carry (a failed admin login),
 * none for another bureau's change, and the same tag from a second API process on the same database.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPassword, hashPassword } from '#core/store/passwords.js';
import { buildServer } from '../app.js';
import { startTestServer, type TestServer } from '../testing/testServer.js';
import { addUser, adminToken, enrolDevice } from '../testing/fixtures.js';
import { ifNoneMatchHits } from './userList.js';

let s: TestServer;
let province: string;
let credential: string;
const county = '520102';

beforeAll(async () => {
  s = await startTestServer();
  province = await adminToken(s);
  await addUser(s, province, county, 'nm.officer', ['officer'], '52010201');
  credential = (await enrolDevice(s, province, county)).credential;
}, 120_000);
afterAll(async () => {
  await s?.close();
});

async function users(ifNoneMatch?: string, base = s.url, token = credential) {
  const res = await fetch(`${base}/api/sync/users`, {
    headers: {
      authorization: `Bearer ${token}`,
      ...(ifNoneMatch !== undefined ? { 'if-none-match': ifNoneMatch } : {}),
    },
  });
  const text = await res.text();
  return { status: res.status, etag: res.headers.get('etag'), text, body: text ? JSON.parse(text) : null };
}

const userOf = (body: { users: Array<{ username: string }> }, username: string) =>
  body.users.find((u) => u.username === username) as Record<string, unknown> | undefined;

describe('the users list with an ETag', () => {
  it('answers 304 with no body to the tag it gave, and the full list to a wrong or garbage one', async () => {
    const first = await users();
    expect(first.status).toBe(200);
    expect(first.etag).toMatch(/^"u1-[0-9a-f-]{36}-[0-9a-f]{12}"$/);
    expect(userOf(first.body, 'nm.officer')).toBeDefined();
    const again = await users(first.etag!);
    expect(again).toMatchObject({ status: 304, text: '', etag: first.etag });
    // The weak form and a list naming it match too (RFC 9110 If-None-Match).
    expect((await users(`W/${first.etag}`)).status).toBe(304);
    expect((await users(`"x", ${first.etag}`)).status).toBe(304);
    for (const wrong of ['"u1-garbage"', 'garbage', '*', '', first.etag!.slice(0, -2), `"${'9'.repeat(3000)}"`]) {
      const r = await users(wrong);
      expect(r.status, wrong).toBe(200);
      expect(r.etag).toBe(first.etag);
      expect(userOf(r.body, 'nm.officer')).toBeDefined();
    }
  });

  it('gives a new tag and the full list after each change a workstation must take', async () => {
    const id = (await s.pool.query("SELECT id FROM users WHERE username = 'nm.officer'")).rows[0].id as string;
    const changes: Array<[string, () => Promise<unknown>, (body: { users: Array<{ username: string }> }) => void]> = [
      [
        'password',
        () => s.pool.query('UPDATE users SET password_hash = $2 WHERE id = $1', [id, hashPassword('Xin-mima-2026-a')]),
        (b) => expect(checkPassword('Xin-mima-2026-a', String(userOf(b, 'nm.officer')!.passwordHash))).toBe(true),
      ],
      [
        'new user',
        () => addUser(s, province, county, 'nm.new', ['officer']),
        (b) => expect(userOf(b, 'nm.new')).toBeDefined(),
      ],
      [
        'disabled',
        () => s.pool.query('UPDATE users SET disabled_at = now() WHERE id = $1', [id]),
        (b) => expect(userOf(b, 'nm.officer')!.disabled).toBe(true),
      ],
      [
        'roles',
        () => s.pool.query(`UPDATE users SET roles = '{officer,reviewer}' WHERE id = $1`, [id]),
        (b) => expect(userOf(b, 'nm.officer')!.roles).toEqual(['officer', 'reviewer']),
      ],
      [
        'certificate',
        () => s.pool.query(`UPDATE users SET certificate_valid_until = '2031-06-30' WHERE id = $1`, [id]),
        (b) => expect(userOf(b, 'nm.officer')!.certificateValidUntil).toBe('2031-06-30'),
      ],
    ];
    let tag = (await users()).etag!;
    for (const [what, change, check] of changes) {
      await change();
      const r = await users(tag);
      expect(r.status, what).toBe(200);
      expect(r.etag, what).not.toBe(tag);
      check(r.body);
      tag = r.etag!;
      expect((await users(tag)).status, what).toBe(304);
    }
  });

  it('keeps the tag for what the list does not carry, and for another bureau’s users', async () => {
    const tag = (await users()).etag!;
    // A failed login writes the throttle columns of the user's row only.
    await addUser(s, province, county, 'nm.admin', ['admin']);
    const tag2 = (await users()).etag!;
    expect(tag2).not.toBe(tag);
    expect(
      (await s.request('POST', '/api/admin/login', { body: { username: 'nm.admin', password: 'wrong-1' } })).status,
    ).toBe(401);
    expect(
      (await s.pool.query("SELECT login_failures FROM users WHERE username = 'nm.admin'")).rows[0].login_failures,
    ).toBe(1);
    await addUser(s, province, '520103', 'yy.officer', ['officer']);
    await s.pool.query("UPDATE users SET name = '云岩改名' WHERE username = 'yy.officer'");
    expect((await users(tag2)).status).toBe(304);
  });

  it('gives a second API process on the same database the same tag, and sees a change made through the first', async () => {
    const second = await buildServer({ pool: s.pool });
    await second.listen({ port: 0, host: '127.0.0.1' });
    try {
      const addr = second.server.address();
      const url = `http://127.0.0.1:${addr && typeof addr === 'object' ? addr.port : 0}`;
      const tag = (await users()).etag!;
      expect(await users(tag, url)).toMatchObject({ status: 304, etag: tag });
      await addUser(s, province, county, 'nm.third', ['officer']);
      const r = await users(tag, url);
      expect(r.status).toBe(200);
      expect(userOf(r.body, 'nm.third')).toBeDefined();
      expect((await users(r.etag!)).status).toBe(304);
    } finally {
      await second.close();
    }
  });
});

describe('ifNoneMatchHits', () => {
  it('matches the tag itself, its weak form and a list naming it; nothing else', () => {
    const t = '"u1-a-b"';
    expect([t, `W/${t}`, `"z" , ${t}`, [`"z"`, t]].map((h) => ifNoneMatchHits(h, t))).toEqual([true, true, true, true]);
    expect(
      [undefined, '', '*', '"u1-a"', 'u1-a-b', `"${'x'.repeat(2001)}", ${t}`].map((h) => ifNoneMatchHits(h, t)),
    ).toEqual([false, false, false, false, false, false]);
  });
});
