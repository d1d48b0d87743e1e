import { describe, expect, it } from 'vitest';
import type { SyncUser } from '#common/sync/enrolment.js';
import { withKnownRoles } from './userRoles.js';

const user = (name: string, roles: string[], disabled = false): SyncUser => ({
  id: `id-${name}`,
  username: name,
  name,
  roles,
  certificateNo: null,
  certificateValidUntil: null,
  passwordHash: 'scrypt$x',
  disabled,
});

describe('the roles of server users that this desk knows', () => {
  it('leaves a reply of known roles as it is, with no notice', () => {
    const r = withKnownRoles([user('王五', ['officer', 'head']), user('李四', ['admin'])]);
    expect(r).toEqual({
      users: [user('王五', ['officer', 'head']), user('李四', ['admin'])],
      notices: [],
      dropped: false,
    });
  });

  it('drops an unknown role and keeps the known ones, once each; says so', () => {
    const r = withKnownRoles([user('王五', ['officer', 'auditor', 'officer', 'auditor', 'x.y'])]);
    expect(r.users[0]!.roles).toEqual(['officer']);
    expect(r.dropped).toBe(true);
    expect(r.notices).toEqual([
      '用户“王五”的角色“auditor”、“x.y”本机版本不认识，已忽略，其他角色照常使用；请将本机更新到最新版本',
    ]);
  });

  it('leaves a user with only unknown roles none, and says that user cannot log in here', () => {
    const r = withKnownRoles([user('赵六', ['auditor']), user('王五', ['officer'])]);
    expect(r.users.map((u) => u.roles)).toEqual([[], ['officer']]);
    expect(r.notices).toEqual([
      '用户“赵六”的角色“auditor”本机版本不认识，该用户暂不能在本机登录；请将本机更新到最新版本',
    ]);
  });

  it('says nothing of a user disabled on the server, yet drops the role all the same', () => {
    const r = withKnownRoles([user('钱七', ['auditor'], true)]);
    expect(r).toMatchObject({ users: [{ roles: [], disabled: true }], notices: [], dropped: true });
  });

  it('names five users and sums up the rest in one line', () => {
    const many = Array.from({ length: 8 }, (_, i) =>
      user(`用户${i + 1}`, i < 6 ? ['officer', 'auditor'] : ['auditor']),
    );
    const r = withKnownRoles(many);
    expect(r.notices).toHaveLength(6);
    expect(r.notices[4]).toContain('用户“用户5”');
    expect(r.notices[5]).toBe('另有3个用户带有本机版本不认识的角色（其中2个暂不能在本机登录）；请将本机更新到最新版本');
  });
});
