import { describe, expect, it } from 'vitest';
import { syncUsersOutput } from './enrolment.js';

const bureau = { id: '522627', name: '天柱县', level: 'county', parentId: '522600' };
const user = {
  id: 'u1',
  username: 'wang.wu',
  name: '王五',
  roles: ['officer'],
  certificateNo: null,
  certificateValidUntil: null,
  passwordHash: 'scrypt$x',
  disabled: false,
};
const parse = (users: unknown[]) => syncUsersOutput.safeParse({ bureau, users });

describe('the users reply as a workstation reads it', () => {
  it('takes a role this version does not know as a name (the desk decides what to keep)', () => {
    const r = parse([user, { ...user, id: 'u2', username: 'li.si', roles: ['officer', 'auditor'] }]);
    expect(r.success).toBe(true);
    expect(r.data?.users[1]?.roles).toEqual(['officer', 'auditor']);
    expect(parse([{ ...user, roles: ['auditor'] }]).success).toBe(true);
  });

  it('still refuses the whole reply for anything else malformed', () => {
    const { id: _, ...noId } = user;
    expect(parse([user, noId]).success).toBe(false);
    expect(parse([{ ...user, roles: [7] }]).success).toBe(false);
    expect(parse([{ ...user, roles: [''] }]).success).toBe(false);
    expect(parse([{ ...user, roles: ['x'.repeat(65)] }]).success).toBe(false);
    expect(parse([{ ...user, roles: ['off\u0000icer'] }]).success).toBe(false);
    expect(parse([{ ...user, roles: 'officer' }]).success).toBe(false);
    expect(parse([{ ...user, disabled: 'no' }]).success).toBe(false);
  });
});
