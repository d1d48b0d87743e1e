/**
 * "Published demo accounts on every install": first-run setup, the demo only on request,
 * password change and reset under the policy, lockout with back-off, equal timing for unknown users,
 * hashed and expiring sessions, and the audit log.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { Database } from '../store/sqlite.js';
import { createTestCore, expectFailure, FakeClock, type TestCore } from '../testing/testCore.js';
import { migrations } from '../store/migrations/index.js';
import { passwordPolicyText } from '#common/passwordPolicy.js';

const opened: TestCore[] = [];
afterEach(async () => {
  while (opened.length) await opened.pop()!.close();
});

/** The real-time clock of logins and sessions (authClock), separate from the case date. */
class AuthClock extends FakeClock {
  advance(ms: number): void {
    this.set(new Date(this.now().getTime() + ms).toISOString());
  }
}

async function core(opts: { demo?: boolean; dir?: string; auth?: AuthClock } = {}): Promise<TestCore> {
  const t = await createTestCore({
    dir: opts.dir,
    core: { demo: opts.demo ?? true, ...(opts.auth ? { authClock: opts.auth } : {}) },
  });
  opened.push(t);
  return t;
}

const setupInput = {
  bureauName: '铜仁市生态环境局江口分局',
  abbreviation: '铜环江',
  county: '520621',
  username: 'zhangadmin',
  name: '张敏',
  password: 'Jiangkou2026ok',
};

const count = (t: TestCore, sql: string): number => (t.core.services.db.prepare(sql).get() as { n: number }).n;

describe('an installed workstation (no ANJUAN_DEMO) starts with the first-run setup', () => {
  it('gets no demo users and app.info publishes no password', async () => {
    const t = await core({ demo: false });
    const info = await t.call(null, 'app.info', {});
    expect(info).toMatchObject({ setupRequired: true, bureau: null, demo: false, demoUsers: [] });
    expect(info.counties).toContainEqual({ code: '522627', name: '天柱县', prefecture: '黔东南苗族侗族自治州' });
    expect(count(t, 'SELECT COUNT(*) AS n FROM users')).toBe(0);
    expect(count(t, 'SELECT COUNT(*) AS n FROM enterprises')).toBe(0);
  });

  it('the demo is off unless asked for (createCore without `demo`)', async () => {
    const t = await createTestCore({ core: { demo: undefined } });
    opened.push(t);
    expect((await t.call(null, 'app.info', {})).setupRequired).toBe(true);
    expect(count(t, 'SELECT COUNT(*) AS n FROM users')).toBe(0);
  });

  it('answers only app.info and setup.run until set up', async () => {
    const t = await core({ demo: false });
    const ops = [
      ['session.login', { username: 'officer', password: 'officer123' }],
      ['officers.list', {}],
      ['cases.list', {}],
      ['audit.list', {}],
    ] as const;
    for (const [op, input] of ops) {
      const r = await t.core.dispatch({ op, input, token: null });
      expect(r.ok, op).toBe(false);
      if (!r.ok) {
        expect(r.error.code, op).toBe('SETUP_REQUIRED');
        expect(r.error.message).toMatch(/尚未完成初始设置/);
      }
    }
  });

  it('refuses an administrator password against the policy, each rule in Chinese', async () => {
    const t = await core({ demo: false });
    const cases: Array<[string, RegExp]> = [
      ['abc12345', /至少10位/],
      ['abcdefghijkl', /同时包含字母和数字/],
      ['zhangadmin2026', /不能与用户名相同或包含用户名/],
      ['officer123', /演示账号的公开密码/],
      ['Password123', /常见弱密码/],
    ];
    for (const [password, message] of cases) {
      const err = await expectFailure(t.call(null, 'setup.run', { ...setupInput, password }));
      expect(err.code, password).toBe('WEAK_PASSWORD');
      expect(err.message, password).toMatch(message);
    }
    expect((await t.call(null, 'app.info', {})).setupRequired).toBe(true);
    expect(passwordPolicyText).toMatch(/至少10位.*字母和数字.*用户名.*演示账号/);
  });

  it('refuses a county not in the regions table', async () => {
    const t = await core({ demo: false });
    expect((await expectFailure(t.call(null, 'setup.run', { ...setupInput, county: '529999' }))).code).toBe(
      'VALIDATION',
    );
  });

  it('sets up once: the bureau and its administrator, then the login; a second setup is refused', async () => {
    const t = await core({ demo: false });
    const done = await t.call(null, 'setup.run', setupInput);
    expect(done).toEqual({
      bureau: { id: 'bureau-520621', name: setupInput.bureauName, abbreviation: '铜环江', county: '520621' },
      username: 'zhangadmin',
    });
    const info = await t.call(null, 'app.info', {});
    expect(info).toMatchObject({
      setupRequired: false,
      bureau: { name: setupInput.bureauName },
      counties: [],
      demo: false,
      demoUsers: [],
    });
    const { user } = await t.call(null, 'session.login', { username: 'zhangadmin', password: setupInput.password });
    expect(user).toMatchObject({ username: 'zhangadmin', name: '张敏', roles: ['admin'], mustChangePassword: false });
    const again = await expectFailure(
      t.call(null, 'setup.run', { ...setupInput, bureauName: '另一个生态环境局', username: 'intruder' }),
    );
    expect(again.code).toBe('ALREADY_SET_UP');
    expect(t.core.services.bureau().name).toBe(setupInput.bureauName);
    expect(count(t, "SELECT COUNT(*) AS n FROM users WHERE username = 'intruder'")).toBe(0);
  });

  it('a set-up data directory never gets the demo users, even when a core is started with the demo', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'anjuan-installed-'));
    try {
      const first = await createTestCore({ dir, core: { demo: false } });
      await first.call(null, 'setup.run', setupInput);
      await first.close();
      const second = await createTestCore({ dir, core: { demo: true } });
      try {
        expect((await second.call(null, 'app.info', {})).demoUsers).toEqual([]);
        expect(
          (await expectFailure(second.call(null, 'session.login', { username: 'officer', password: 'officer123' })))
            .code,
        ).toBe('BAD_CREDENTIALS');
        expect(count(second, 'SELECT COUNT(*) AS n FROM users')).toBe(1);
      } finally {
        await second.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a demo data directory (ANJUAN_DEMO=1) shows its published accounts', async () => {
    const t = await core({ demo: true });
    const info = await t.call(null, 'app.info', {});
    expect(info.demo).toBe(true);
    expect(info.demoUsers.map((u) => `${u.username}/${u.password}`)).toEqual(
      expect.arrayContaining(['officer/officer123', 'admin/admin123']),
    );
  });
});

describe('passwords: change with the old one, reset by an administrator, both under the policy', () => {
  it('any user changes their own password with the old one; their other sessions end', async () => {
    const t = await core();
    const here = await t.login('officer');
    const elsewhere = await t.login('officer');
    const wrongOld = await expectFailure(
      t.call(here, 'session.changePassword', { oldPassword: 'nope', newPassword: 'Tianzhu2026x' }),
    );
    expect(wrongOld).toMatchObject({ code: 'BAD_CREDENTIALS', message: '原密码不正确' });
    const weak = await expectFailure(
      t.call(here, 'session.changePassword', { oldPassword: 'officer123', newPassword: 'reviewer123' }),
    );
    expect(weak.code).toBe('WEAK_PASSWORD');
    expect(weak.message).toMatch(/演示账号的公开密码/);
    expect(
      (
        await expectFailure(
          t.call(here, 'session.changePassword', { oldPassword: 'officer123', newPassword: 'officer' }),
        )
      ).code,
    ).toBe('WEAK_PASSWORD');

    const me = await t.call(here, 'session.changePassword', { oldPassword: 'officer123', newPassword: 'Tianzhu2026x' });
    expect(me.mustChangePassword).toBe(false);
    expect(await t.call(here, 'session.me', {})).toMatchObject({ username: 'officer' });
    expect((await expectFailure(t.call(elsewhere, 'session.me', {}))).code).toBe('NOT_AUTHENTICATED');
    expect((await expectFailure(t.login('officer', 'officer123'))).code).toBe('BAD_CREDENTIALS');
    expect(await t.login('officer', 'Tianzhu2026x')).toMatch(/^[0-9a-f]{64}$/);
    const same = await expectFailure(
      t.call(here, 'session.changePassword', { oldPassword: 'Tianzhu2026x', newPassword: 'Tianzhu2026x' }),
    );
    expect(same.message).toMatch(/新密码不能与原密码相同/);
  });

  it('an administrator resets a password to a temporary one the user must change at the next login', async () => {
    const t = await core();
    const admin = await t.login('admin');
    const officerBefore = await t.login('officer');
    expect(
      (
        await expectFailure(
          t.call(await t.login('head'), 'users.resetPassword', {
            userId: 'user-officer',
            temporaryPassword: 'Temp2026reset',
          }),
        )
      ).code,
    ).toBe('FORBIDDEN_ROLE');
    expect(
      (
        await expectFailure(
          t.call(admin, 'users.resetPassword', { userId: 'user-officer', temporaryPassword: 'short1' }),
        )
      ).code,
    ).toBe('WEAK_PASSWORD');
    expect(
      (
        await expectFailure(
          t.call(admin, 'users.resetPassword', { userId: 'user-admin', temporaryPassword: 'Temp2026reset' }),
        )
      ).message,
    ).toMatch(/不能重置自己的密码/);
    expect(
      (
        await expectFailure(
          t.call(admin, 'users.resetPassword', { userId: 'nobody', temporaryPassword: 'Temp2026reset' }),
        )
      ).code,
    ).toBe('NOT_FOUND');

    await t.call(admin, 'users.resetPassword', { userId: 'user-officer', temporaryPassword: 'Temp2026reset' });
    expect((await expectFailure(t.call(officerBefore, 'cases.list', {}))).code).toBe('NOT_AUTHENTICATED');
    const { token, user } = await t.call(null, 'session.login', { username: 'officer', password: 'Temp2026reset' });
    expect(user.mustChangePassword).toBe(true);
    const blocked = await expectFailure(t.call(token, 'cases.list', {}));
    expect(blocked).toMatchObject({ code: 'PASSWORD_CHANGE_REQUIRED', message: '管理员已重置您的密码，请先修改密码' });
    expect((await t.call(token, 'session.me', {})).mustChangePassword).toBe(true);
    expect(
      (
        await expectFailure(
          t.call(token, 'session.changePassword', { oldPassword: 'Temp2026reset', newPassword: 'Temp2026reset' }),
        )
      ).code,
    ).toBe('WEAK_PASSWORD');
    await t.call(token, 'session.changePassword', { oldPassword: 'Temp2026reset', newPassword: 'Mine2026pass' });
    expect((await t.call(token, 'cases.list', {})).total).toBe(0);
    expect((await t.call(admin, 'users.list', {})).find((u) => u.username === 'officer')).toMatchObject({
      mustChangePassword: false,
    });
  });

  it('stores passwords with scrypt, never in clear', async () => {
    const t = await core();
    const hashes = t.core.services.db.prepare('SELECT password_hash AS h FROM users').all() as Array<{ h: string }>;
    for (const { h } of hashes) expect(h).toMatch(/^scrypt\$[0-9a-f]{32}\$[0-9a-f]{64}$/);
  });
});

describe('lockout with back-off, per username, kept in SQLite', () => {
  it('five failures lock the name for a minute (stated with the time left), then two, doubling', async () => {
    const auth = new AuthClock(new Date('2026-03-02T02:00:00Z'));
    const t = await core({ auth });
    for (let i = 0; i < 4; i++)
      expect((await expectFailure(t.login('officer', `wrong-${i}`))).code).toBe('BAD_CREDENTIALS');
    const locked = await expectFailure(t.login('officer', 'wrong-4'));
    expect(locked.code).toBe('ACCOUNT_LOCKED');
    expect(locked.message).toMatch(/连续5次.*已暂时锁定，请1分钟后再试/);
    expect(locked.details).toEqual({ retryAfterSeconds: 60 });
    auth.advance(20_000);
    const still = await expectFailure(t.login('officer', 'officer123'));
    expect(still.code).toBe('ACCOUNT_LOCKED');
    expect(still.message).toMatch(/请40秒后再试/);
    expect(
      (await t.call(await t.login('admin'), 'users.list', {})).find((u) => u.username === 'officer')?.lockedUntil,
    ).toBe('2026-03-02T02:01:00.000Z');

    auth.advance(41_000);
    for (let i = 0; i < 4; i++) await expectFailure(t.login('officer', `again-${i}`));
    expect((await expectFailure(t.login('officer', 'again-4'))).message).toMatch(/请2分钟后再试/);
    auth.advance(121_000);
    expect(await t.login('officer')).toBeTruthy();
    // A success clears the back-off: the next lock is one minute again.
    for (let i = 0; i < 4; i++) await expectFailure(t.login('officer', `later-${i}`));
    expect((await expectFailure(t.login('officer', 'later-4'))).message).toMatch(/请1分钟后再试/);
  });

  it('a restart does not reset the lock', async () => {
    const auth = new AuthClock(new Date('2026-03-02T02:00:00Z'));
    const dir = mkdtempSync(join(tmpdir(), 'anjuan-lock-'));
    try {
      const first = await createTestCore({ dir, core: { demo: true, authClock: auth } });
      for (let i = 0; i < 5; i++) await expectFailure(first.login('head', `x${i}`));
      await first.close();
      const second = await createTestCore({ dir, core: { demo: true, authClock: auth } });
      try {
        expect((await expectFailure(second.login('head'))).code).toBe('ACCOUNT_LOCKED');
      } finally {
        await second.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('an unknown name locks the same way, so a lock tells nothing about who exists', async () => {
    const t = await core();
    for (let i = 0; i < 4; i++) expect((await expectFailure(t.login('ghost', `x${i}`))).code).toBe('BAD_CREDENTIALS');
    expect((await expectFailure(t.login('ghost', 'x4'))).code).toBe('ACCOUNT_LOCKED');
  });

  it("an administrator's reset lifts the lock", async () => {
    const t = await core();
    for (let i = 0; i < 5; i++) await expectFailure(t.login('reviewer', `x${i}`));
    await t.call(await t.login('admin'), 'users.resetPassword', {
      userId: 'user-reviewer',
      temporaryPassword: 'Unlock2026now',
    });
    expect(await t.login('reviewer', 'Unlock2026now')).toBeTruthy();
  });

  it('wrong old passwords on 修改密码 count too (a stolen session cannot guess the password)', async () => {
    const t = await core();
    const token = await t.login('officer2');
    for (let i = 0; i < 4; i++)
      await expectFailure(
        t.call(token, 'session.changePassword', { oldPassword: `x${i}`, newPassword: 'Whatever2026' }),
      );
    expect(
      (await expectFailure(t.call(token, 'session.changePassword', { oldPassword: 'x4', newPassword: 'Whatever2026' })))
        .code,
    ).toBe('ACCOUNT_LOCKED');
    expect(
      (
        await expectFailure(
          t.call(token, 'session.changePassword', { oldPassword: 'officer123', newPassword: 'Whatever2026' }),
        )
      ).code,
    ).toBe('ACCOUNT_LOCKED');
  });
});

describe('equal timing for unknown users', () => {
  it('an unknown name and a wrong password take comparable time and give the same code and message', async () => {
    const t = await core();
    const known = ['officer', 'officer2', 'reviewer', 'head', 'admin'];
    const timeOf = async (username: string): Promise<{ ms: number; code: string; message: string }> => {
      const t0 = performance.now();
      const err = await expectFailure(t.login(username, 'Wrong-password-1'));
      return { ms: performance.now() - t0, code: err.code, message: err.message };
    };
    const wrong: number[] = [];
    const unknown: number[] = [];
    for (let i = 0; i < 8; i++) {
      // At most two failures per known name: no lock interferes.
      const a = await timeOf(known[i % known.length]!);
      const b = await timeOf(`nobody-${i}`);
      expect(b.code).toBe(a.code);
      expect(b.message).toBe(a.message);
      expect(a.code).toBe('BAD_CREDENTIALS');
      wrong.push(a.ms);
      unknown.push(b.ms);
    }
    const median = (xs: number[]): number => [...xs].sort((x, y) => x - y)[Math.floor(xs.length / 2)]!;
    const ratio = median(unknown) / median(wrong);
    expect(
      ratio,
      `unknown ${median(unknown).toFixed(1)} ms, wrong password ${median(wrong).toFixed(1)} ms`,
    ).toBeGreaterThan(0.6);
    expect(ratio).toBeLessThan(1.6);
  });
});

describe('sessions: tokens stored hashed, idle and absolute expiry', () => {
  it('keeps only the SHA-256 of the token, nowhere the token itself', async () => {
    const t = await core();
    const token = await t.login('officer');
    const rows = t.core.services.db.prepare('SELECT * FROM sessions').all() as Array<Record<string, unknown>>;
    expect(rows).toHaveLength(1);
    expect(rows[0]!.token_hash).toBe(createHash('sha256').update(token).digest('hex'));
    expect(JSON.stringify(rows)).not.toContain(token);
    t.core.services.db.pragma('wal_checkpoint(TRUNCATE)');
    for (const f of ['anjuan.sqlite', 'anjuan.sqlite-wal']) {
      const file = join(t.dir, f);
      if (existsSync(file)) expect(readFileSync(file).includes(Buffer.from(token))).toBe(false);
    }
  });

  it('ends after 8 hours without a request, and 24 hours after the login however busy', async () => {
    const auth = new AuthClock(new Date('2026-03-02T00:30:00Z'));
    const t = await core({ auth });
    const token = await t.login('officer');
    auth.advance(7 * 3600_000);
    await t.call(token, 'session.me', {});
    auth.advance(7 * 3600_000); // 14 h after the login, 7 h after the last request
    await t.call(token, 'session.me', {});
    auth.advance(7 * 3600_000);
    await t.call(token, 'session.me', {});
    auth.advance(3 * 3600_000 + 1000); // 24 h after the login
    const absolute = await expectFailure(t.call(token, 'session.me', {}));
    expect(absolute).toMatchObject({ code: 'NOT_AUTHENTICATED', message: '登录已满24小时，请重新登录' });

    const next = await t.login('officer');
    auth.advance(8 * 3600_000);
    const idle = await expectFailure(t.call(next, 'cases.list', {}));
    expect(idle).toMatchObject({ code: 'NOT_AUTHENTICATED', message: '登录已超时（连续8小时未操作），请重新登录' });
    expect(count(t, 'SELECT COUNT(*) AS n FROM sessions')).toBe(0);
  });

  it('the case date moving by weeks (tests, e2e) does not end a session', async () => {
    const t = await core();
    const token = await t.login('officer');
    t.clock.setDate('2026-05-30');
    expect(await t.call(token, 'session.me', {})).toMatchObject({ username: 'officer' });
  });

  it('the upgrade invalidates the sessions stored with raw tokens', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'anjuan-upgrade-'));
    try {
      const db = new Database(join(dir, 'anjuan.sqlite'));
      db.exec('CREATE TABLE schema_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)');
      for (const m of migrations.slice(
        0,
        migrations.findIndex((x) => x.name === '20261207T1000_accounts'),
      )) {
        db.exec(m.sql);
        db.prepare('INSERT INTO schema_migrations (name, applied_at) VALUES (?, ?)').run(
          m.name,
          '2026-12-01T00:00:00Z',
        );
      }
      db.exec(`INSERT INTO bureaus (id, name, abbreviation) VALUES ('b', '某某生态环境局', '某环');
        INSERT INTO users (id, bureau_id, username, name, roles, password_hash) VALUES ('u', 'b', 'old', '旧用户', '["officer"]', 'scrypt$00$00');
        INSERT INTO sessions (token, user_id, created_at) VALUES ('raw-token-of-yesterday', 'u', '2026-12-01T00:00:00Z');`);
      db.close();
      const t = await createTestCore({ dir, core: { demo: false } });
      try {
        expect((await expectFailure(t.call('raw-token-of-yesterday', 'session.me', {}))).code).toBe(
          'NOT_AUTHENTICATED',
        );
        expect(count(t, 'SELECT COUNT(*) AS n FROM sessions')).toBe(0);
        expect(count(t, 'SELECT COUNT(*) AS n FROM users')).toBe(1);
      } finally {
        await t.close();
      }
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe('the audit log', () => {
  it('records logins, failures, locks, changes and resets (who, when, device, outcome), paged for an administrator', async () => {
    const auth = new AuthClock(new Date('2026-03-02T02:00:00Z'));
    const t = await core({ auth });
    await expectFailure(t.login('officer', 'bad'));
    await expectFailure(t.login('nobody', 'bad'));
    for (let i = 0; i < 5; i++) await expectFailure(t.login('officer2', `bad${i}`));
    const officer = await t.login('officer');
    await t.call(officer, 'session.changePassword', { oldPassword: 'officer123', newPassword: 'Tianzhu2026x' });
    await t.call(officer, 'session.logout', {});
    const admin = await t.login('admin');
    await t.call(admin, 'users.resetPassword', { userId: 'user-reviewer', temporaryPassword: 'Temp2026reset' });

    expect((await expectFailure(t.call(await t.login('head'), 'audit.list', {}))).code).toBe('FORBIDDEN_ROLE');
    const all = await t.call(admin, 'audit.list', { limit: 200 });
    const device = t.core.services.device;
    const seen = all.rows.map((r) => `${r.event}:${r.outcome}:${r.username}`);
    expect(seen).toEqual(
      expect.arrayContaining([
        'login:failed:officer',
        'login:failed:nobody',
        'lockout:locked:officer2',
        'login:ok:officer',
        'passwordChange:ok:officer',
        'logout:ok:officer',
        'passwordReset:ok:reviewer',
        'login:ok:admin',
      ]),
    );
    for (const r of all.rows) {
      expect(r.device).toBe(device);
      expect(r.thisWorkstation).toBe(true);
      expect(r.at).toBe('2026-03-02T02:00:00.000Z');
    }
    expect(all.rows.find((r) => r.event === 'passwordReset')).toMatchObject({
      actorName: '赵敏',
      userId: 'user-reviewer',
    });
    expect(all.rows.find((r) => r.event === 'lockout')!.detail).toMatch(/连续5次失败，锁定1分钟/);

    const page1 = await t.call(admin, 'audit.list', { offset: 0, limit: 3 });
    const page2 = await t.call(admin, 'audit.list', { offset: 3, limit: 3 });
    expect(page1.total).toBe(all.total);
    expect(page1.rows).toHaveLength(3);
    expect(page1.rows[0]!.id).toBeGreaterThan(page2.rows[0]!.id); // newest first
    expect(new Set([...page1.rows, ...page2.rows].map((r) => r.id)).size).toBe(6);
    const officer2 = await t.call(admin, 'audit.list', { username: 'officer2', event: 'login' });
    expect(officer2.total).toBe(5);

    // A row another workstation wrote (a database restored from another PC's backup) is not read as this one's.
    t.core.services.db
      .prepare(
        `INSERT INTO auth_audit (at, event, outcome, username, user_id, actor_id, device, detail)
         VALUES ('2026-03-02T02:00:00.000Z', 'login', 'ok', 'officer', NULL, NULL, 'ws-elsewhere', '')`,
      )
      .run();
    const newest = (await t.call(admin, 'audit.list', { limit: 1 })).rows[0]!;
    expect(newest).toMatchObject({ device: 'ws-elsewhere', thisWorkstation: false });
  });

  it('is append-only: no update, delete or INSERT OR REPLACE', async () => {
    const t = await core();
    await t.login('officer');
    const db = t.core.services.db;
    const id = (db.prepare('SELECT id FROM auth_audit LIMIT 1').get() as { id: number }).id;
    expect(() => db.prepare("UPDATE auth_audit SET outcome = 'failed'").run()).toThrow(/append-only/);
    expect(() => db.prepare('DELETE FROM auth_audit').run()).toThrow(/append-only/);
    expect(() =>
      db
        .prepare(
          `INSERT OR REPLACE INTO auth_audit (id, at, event, outcome, username, device, detail) VALUES (?, 'x', 'login', 'failed', 'officer', 'd', 'x')`,
        )
        .run(id),
    ).toThrow(/append-only/);
  });
});
