/**
 * 用户管理 (store/userAdmin.ts): the administrator adds users with a temporary password,
 * changes roles, disables (never deletes); the last active administrator stays; every change is in
 * the audit log; a new officer can be put on a case.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestCore, expectFailure, type TestCore } from '../testing/testCore.js';
import { openCase } from '../testing/caseRunner.js';

let t: TestCore;
let admin: string, head: string;

beforeAll(async () => {
  t = await createTestCore({ today: '2026-12-07' });
  [admin, head] = (await Promise.all([t.login('admin'), t.login('head')])) as [string, string];
}, 60_000);
afterAll(async () => t?.close());

const officerInput = {
  username: 'chenjing',
  name: '陈静',
  roles: ['officer' as const],
  temporaryPassword: 'Chen-temp-2026',
  certificateNo: '贵环执字522627101',
  certificateValidUntil: '2029-12-31',
};

describe('users.create', () => {
  it('refuses what an account may not be, each in Chinese with its field, and creates nothing', async () => {
    const noCert = await expectFailure(
      t.call(admin, 'users.create', { ...officerInput, certificateNo: undefined, certificateValidUntil: undefined }),
    );
    expect(noCert.code).toBe('VALIDATION');
    expect(noCert.details).toEqual(
      expect.arrayContaining([
        { path: 'certificateNo', message: '办案人员须填写执法证号' },
        { path: 'certificateValidUntil', message: '请填写执法证有效期' },
      ]),
    );
    expect(
      (await expectFailure(t.call(admin, 'users.create', { ...officerInput, certificateNo: '执法证' }))).message,
    ).toContain('执法证号应');
    expect(
      (await expectFailure(t.call(admin, 'users.create', { ...officerInput, certificateNo: '贵环 001<script>' })))
        .message,
    ).toContain('只能由汉字、字母、数字和连字符组成');
    const expired = await expectFailure(
      t.call(admin, 'users.create', { ...officerInput, certificateValidUntil: '2026-11-30' }),
    );
    expect(expired.message).toBe('执法证已于2026-11-30到期，过期证件不能用于办案');
    const taken = await expectFailure(
      t.call(admin, 'users.create', { ...officerInput, certificateNo: '贵环执字522627001' }),
    );
    expect(taken.message).toBe('执法证号贵环执字522627001已登记在执法人员张伟名下');
    expect(
      (await expectFailure(t.call(admin, 'users.create', { ...officerInput, username: 'Officer' }))).message,
    ).toContain('已被使用');
    expect(
      (await expectFailure(t.call(admin, 'users.create', { ...officerInput, roles: ['admin', 'head'] }))).message,
    ).toContain('三员分立');
    expect((await expectFailure(t.call(admin, 'users.create', { ...officerInput, roles: [] }))).message).toContain(
      '请至少选择一个角色',
    );
    const weak = await expectFailure(
      t.call(admin, 'users.create', { ...officerInput, temporaryPassword: 'chenjing2026' }),
    );
    expect(weak.code).toBe('WEAK_PASSWORD');
    expect(weak.message).toContain('不能与用户名相同或包含用户名');
    expect((await expectFailure(t.call(head, 'users.create', officerInput))).code).toBe('FORBIDDEN_ROLE');
    expect((await t.call(admin, 'users.list', {})).some((u) => u.username === 'chenjing')).toBe(false);
    expect(t.core.services.directory.officers().some((o) => o.certificateNo === officerInput.certificateNo)).toBe(
      false,
    );
  });

  it('creates an officer who must change the password at the first login, then is selectable for a case', async () => {
    const row = await t.call(admin, 'users.create', officerInput);
    expect(row).toMatchObject({
      username: 'chenjing',
      name: '陈静',
      roles: ['officer'],
      mustChangePassword: true,
      disabledAt: null,
      certificateNo: '贵环执字522627101',
      certificateValidUntil: '2029-12-31',
    });
    const token = await t.login('chenjing', 'Chen-temp-2026');
    expect((await expectFailure(t.call(token, 'cases.list', {}))).code).toBe('PASSWORD_CHANGE_REQUIRED');
    await t.call(token, 'session.changePassword', { oldPassword: 'Chen-temp-2026', newPassword: 'Jing-own-pass-77' });
    expect((await t.call(token, 'session.me', {})).officerId).toBe(row.officerId);
    const officers = await t.call(head, 'officers.list', {});
    expect(officers.find((o) => o.id === row.officerId)).toMatchObject({ name: '陈静', userId: row.id });
    // He opens a case with himself among its officers and sees it.
    t.clock.setDate('2026-12-07');
    const c = await openCase(t, token, {
      officerIds: [row.officerId!, 'off-01'],
      discoveredOn: '2026-12-01',
      filedOn: '2026-12-07',
    });
    expect((await t.call(token, 'cases.list', {})).rows.map((r) => r.id)).toContain(c.state.id);
  });
});

describe('users.setRoles and users.disable', () => {
  it('the last active administrator keeps the role; with a second one it may go', async () => {
    const me = (await t.call(admin, 'users.list', {})).find((u) => u.username === 'admin')!;
    const e = await expectFailure(t.call(admin, 'users.setRoles', { userId: me.id, roles: ['head'] }));
    expect(e).toMatchObject({ code: 'LAST_ADMIN' });
    expect(e.message).toContain('唯一在用的系统管理员');
    expect((await expectFailure(t.call(admin, 'users.disable', { userId: me.id }))).message).toBe('不能停用自己的账号');
    const second = await t.call(admin, 'users.create', {
      username: 'admin2',
      name: '钱敏',
      roles: ['admin'],
      temporaryPassword: 'Qian-admin-2026',
    });
    expect(second.officerId).toBeNull();
    // A role change needs a certificate when the account becomes an officer without one.
    const noCert = await expectFailure(t.call(admin, 'users.setRoles', { userId: second.id, roles: ['officer'] }));
    expect(noCert.details).toEqual(
      expect.arrayContaining([{ path: 'certificateNo', message: '办案人员须填写执法证号' }]),
    );
    const admin2 = await t.login('admin2', 'Qian-admin-2026');
    await t.call(admin2, 'session.changePassword', { oldPassword: 'Qian-admin-2026', newPassword: 'Qian-own-pass-9' });
    // admin2 disables the first administrator: allowed, there is still one active.
    expect((await t.call(admin2, 'users.disable', { userId: me.id })).disabledAt).not.toBeNull();
    // admin2 is now the last: he cannot drop his own role.
    expect(
      (await expectFailure(t.call(admin2, 'users.setRoles', { userId: second.id, roles: ['reviewer'] }))).code,
    ).toBe('LAST_ADMIN');
    await t.call(admin2, 'users.enable', { userId: me.id });
    admin = await t.login('admin');
  });

  it('a disabled user cannot log in (a wrong password still says only 用户名或密码错误), his session ends, he is no longer offered for cases, his name stays in the history', async () => {
    const row = (await t.call(admin, 'users.list', {})).find((u) => u.username === 'chenjing')!;
    const token = await t.login('chenjing', 'Jing-own-pass-77');
    const caseId = (await t.call(token, 'cases.list', {})).rows[0]!.id;
    const disabled = await t.call(admin, 'users.disable', { userId: row.id });
    expect(disabled.disabledAt).not.toBeNull();
    expect((await expectFailure(t.call(token, 'cases.list', {}))).code).toBe('NOT_AUTHENTICATED');
    expect(await expectFailure(t.login('chenjing', 'Jing-own-pass-77'))).toMatchObject({
      code: 'ACCOUNT_DISABLED',
      message: '账号已停用，请联系系统管理员',
    });
    expect((await expectFailure(t.login('chenjing', 'wrong-password-1'))).code).toBe('BAD_CREDENTIALS');
    expect((await t.call(head, 'officers.list', {})).some((o) => o.id === row.officerId)).toBe(false);
    const history = await t.call(head, 'cases.history', { caseId });
    expect(history.entries[0]!.summary + JSON.stringify(history.entries[0])).toContain('陈静');
    // Never deleted: still listed, and can be enabled again.
    expect((await t.call(admin, 'users.list', {})).find((u) => u.id === row.id)!.disabledAt).not.toBeNull();
    expect((await t.call(admin, 'users.enable', { userId: row.id })).disabledAt).toBeNull();
    expect(await t.login('chenjing', 'Jing-own-pass-77')).toMatch(/./);
  });

  it('renews a certificate and adds a role; every change is in the audit log with the administrator', async () => {
    const row = (await t.call(admin, 'users.list', {})).find((u) => u.username === 'chenjing')!;
    const changed = await t.call(admin, 'users.setRoles', {
      userId: row.id,
      roles: ['officer', 'head'],
      certificateNo: '贵环执字522627102',
      certificateValidUntil: '2031-12-31',
    });
    expect(changed).toMatchObject({
      roles: ['officer', 'head'],
      officerId: row.officerId,
      certificateNo: '贵环执字522627102',
      certificateValidUntil: '2031-12-31',
    });
    const audit = await t.call(admin, 'audit.list', { username: 'chenjing', limit: 50 });
    const events = audit.rows.map((r) => `${r.event}:${r.outcome}`);
    expect(events).toEqual(
      expect.arrayContaining(['userCreate:ok', 'userDisable:ok', 'userEnable:ok', 'userRoles:ok', 'login:refused']),
    );
    const roles = audit.rows.find((r) => r.event === 'userRoles')!;
    expect(roles.actorName).toBe('赵敏');
    expect(roles.detail).toBe('角色：办案人员 → 办案人员、负责人；执法证号贵环执字522627102，有效期至2031-12-31');
  });
});
