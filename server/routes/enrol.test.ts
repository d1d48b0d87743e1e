/** Enrolment, administrators, device credentials and hostile requests, over real HTTP and PostgreSQL. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkPassword } from '#core/store/passwords.js';
import { startTestServer, type TestServer } from '../testing/testServer.js';
import { addUser, adminToken, enrolDevice, userPassword } from '../testing/fixtures.js';

let s: TestServer;
let province: string;

beforeAll(async () => {
  s = await startTestServer();
  province = await adminToken(s);
});
afterAll(async () => {
  await s?.close();
});

const codeFor = async (bureauId: string, token = province, validHours?: number) =>
  s.request('POST', '/api/admin/enrolment-codes', { token, body: { bureauId, ...(validHours ? { validHours } : {}) } });

describe('administrators', () => {
  it('logs in with the bootstrap password only; a wrong one is refused in Chinese', async () => {
    const bad = await s.request('POST', '/api/admin/login', {
      body: { username: 'admin', password: 'wrong-password-1' },
    });
    expect(bad.status).toBe(401);
    expect(bad.body).toEqual({ error: { code: 'BAD_CREDENTIALS', message: '用户名或密码错误' } });
    const nobody = await s.request('POST', '/api/admin/login', { body: { username: 'nobody', password: 'x' } });
    expect(nobody.body.error.code).toBe('BAD_CREDENTIALS');
  });

  it('keeps an administrator to its own bureau and those below it', async () => {
    await addUser(s, province, '520100', 'gy-admin', ['admin']);
    const guiyang = await adminToken(s, 'gy-admin', userPassword);
    expect((await codeFor('520102', guiyang)).status).toBe(201); // 南明 is under 贵阳
    const zunyi = await codeFor('520302', guiyang); // 红花岗 is under 遵义
    expect(zunyi.status).toBe(403);
    expect(zunyi.body.error.code).toBe('FORBIDDEN_BUREAU');
    // Codes are for county branches only.
    const prefecture = await codeFor('520100');
    expect(prefecture.status).toBe(400);
    expect(prefecture.body.error.message).toContain('县级分局');
    const none = await s.request('POST', '/api/admin/enrolment-codes', { body: { bureauId: '520102' } });
    expect(none.status).toBe(401);
  });
});

describe('enrolment', () => {
  it('exchanges a code once for a credential bound to the bureau; the code then is spent', async () => {
    const code = await codeFor('520102');
    expect(code.status).toBe(201);
    expect(code.body.code).toMatch(/^[A-Z2-9]{4}(-[A-Z2-9]{4}){3}$/);
    // Kept as a hash only.
    expect(
      (await s.pool.query('SELECT count(*) AS n FROM enrolment_codes WHERE code_hash = $1', [code.body.code])).rows[0]
        .n,
    ).toBe('0');
    const typed = code.body.code.toLowerCase().replace(/-/g, ' ');
    const r = await s.request('POST', '/api/enrol', { body: { code: typed, deviceName: '南明分局执法一科' } });
    expect(r.status).toBe(201);
    expect(r.body.bureau).toMatchObject({
      id: '520102',
      name: '贵阳市生态环境局南明区分局',
      level: 'county',
      parentId: '520100',
    });
    expect(r.body.credential).toMatch(/^[0-9a-f]{64}$/);
    const stored = (await s.pool.query('SELECT credential_hash FROM devices WHERE id = $1', [r.body.deviceId])).rows[0]
      .credential_hash;
    expect(stored).not.toBe(r.body.credential);
    const twice = await s.request('POST', '/api/enrol', { body: { code: code.body.code, deviceName: '另一台' } });
    expect(twice.status).toBe(409);
    expect(twice.body.error).toMatchObject({ code: 'ENROLMENT_CODE_USED' });
    expect(twice.body.error.message).toContain('只能使用一次');
    const wrong = await s.request('POST', '/api/enrol', {
      body: { code: 'AAAA-BBBB-CCCC-DDDD', deviceName: '另一台' },
    });
    expect(wrong.body.error.code).toBe('ENROLMENT_CODE_INVALID');
    expect((await s.pool.query("SELECT count(*) AS n FROM devices WHERE name = '另一台'")).rows[0].n).toBe('0');
  });

  it('refuses an expired code', async () => {
    const code = await codeFor('520103', province, 0.5);
    s.clock.offsetMs = 31 * 60_000;
    try {
      const r = await s.request('POST', '/api/enrol', { body: { code: code.body.code, deviceName: '云岩分局' } });
      expect(r.status).toBe(410);
      expect(r.body.error.code).toBe('ENROLMENT_CODE_EXPIRED');
    } finally {
      s.clock.offsetMs = 0;
    }
  });

  it('hands the bureau its users with hashes a workstation verifies offline, and no other bureau’s', async () => {
    await addUser(s, province, '520102', 'nm-clerk', ['officer'], '52010299');
    await addUser(s, province, '520103', 'yy-clerk', ['officer']);
    const device = await enrolDevice(s, province, '520102');
    const r = await s.request('GET', '/api/sync/users', { token: device.credential });
    expect(r.status).toBe(200);
    const names = r.body.users.map((u: { username: string }) => u.username);
    expect(names).toContain('nm-clerk');
    expect(names).not.toContain('yy-clerk');
    expect(names).not.toContain('admin');
    const clerk = r.body.users.find((u: { username: string }) => u.username === 'nm-clerk');
    expect(clerk).toMatchObject({
      roles: ['officer'],
      certificateNo: '52010299',
      certificateValidUntil: '2030-12-31',
      disabled: false,
    });
    // The workstation's own check (main/core/store/passwords.ts) accepts the password and refuses another.
    expect(checkPassword(userPassword, clerk.passwordHash)).toBe(true);
    expect(checkPassword('Another-pass-2026', clerk.passwordHash)).toBe(false);
  });

  it('refuses a revoked credential and an unknown one, with their own messages', async () => {
    const device = await enrolDevice(s, province, '520102');
    expect((await s.request('GET', '/api/sync/pull', { token: device.credential })).status).toBe(200);
    const revoke = await s.request('POST', `/api/devices/${device.deviceId}/revoke`, { token: province });
    expect(revoke.status).toBe(200);
    for (const [method, path] of [
      ['GET', '/api/sync/pull'],
      ['GET', '/api/sync/users'],
      ['POST', '/api/sync/push'],
    ] as const) {
      const r = await s.request(method, path, {
        token: device.credential,
        ...(method === 'POST' ? { body: { mutations: [] } } : {}),
      });
      expect(r.status).toBe(401);
      expect(r.body.error.code).toBe('DEVICE_REVOKED');
      expect(r.body.error.message).toContain('已被管理员撤销');
    }
    const unknown = await s.request('GET', '/api/sync/pull', { token: 'a'.repeat(64) });
    expect(unknown.body.error.code).toBe('DEVICE_UNKNOWN');
    // A county administrator of another county cannot revoke 南明's devices.
    await addUser(s, province, '520103', 'yy-admin', ['admin']);
    const other = await enrolDevice(s, province, '520102');
    const yy = await adminToken(s, 'yy-admin', userPassword);
    const refused = await s.request('POST', `/api/devices/${other.deviceId}/revoke`, { token: yy });
    expect(refused.status).toBe(403);
    expect((await s.request('GET', '/api/sync/pull', { token: other.credential })).status).toBe(200);
  });
});

describe('hostile requests', () => {
  it('answers a huge body with 413 and a JSON error in Chinese', async () => {
    const r = await s.request('POST', '/api/enrol', {
      raw: `{"code":"${'A'.repeat(17 * 1024 * 1024)}","deviceName":"x"}`,
    });
    expect(r.status).toBe(413);
    expect(r.contentType).toMatch(/application\/json/);
    expect(r.body.error.code).toBe('REQUEST_TOO_LARGE');
    expect(r.body.error.message).toContain('请求内容过大');
  });

  it('answers wrong types, bad JSON, other media types and unknown paths with Chinese JSON errors and no stack', async () => {
    const types = await s.request('POST', '/api/enrol', { body: { code: 123, deviceName: ['x'] } });
    expect(types.status).toBe(400);
    expect(types.body.error.code).toBe('VALIDATION');
    expect(types.body.error.message).toMatch(/^code：.*[\u4e00-\u9fff]/);
    const json = await s.request('POST', '/api/enrol', { raw: '{"code": ' });
    expect(json.status).toBe(400);
    expect(json.body.error.message).toBe('请求内容不是有效的 JSON');
    const proto = await s.request('POST', '/api/enrol', {
      raw: '{"__proto__": {"x": 1}, "code": "A", "deviceName": "b"}',
    });
    expect(proto.status).toBe(400);
    const text = await s.request('POST', '/api/enrol', { raw: 'code=1', contentType: 'text/plain' });
    expect(text.status).toBe(415);
    expect(text.body.error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    const missing = await s.request('GET', '/api/nothing-here');
    expect(missing.status).toBe(404);
    expect(missing.body.error.message).toContain('没有这个地址');
    const cursor = await s.request('GET', '/api/sync/pull?cursor=-1', {
      token: (await enrolDevice(s, province, '520102')).credential,
    });
    expect(cursor.status).toBe(400);
    expect(cursor.body.error.message).toContain('游标不能为负数');
    for (const r of [types, json, proto, text, missing, cursor])
      expect(JSON.stringify(r.body)).not.toMatch(/at .+\.(ts|js):\d+|\/work\/|node_modules/);
  });
});
