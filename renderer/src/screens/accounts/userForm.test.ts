import { describe, expect, it } from 'vitest';
import { emptyUserDraft, newUserProblems } from './userForm';

const officer = {
  ...emptyUserDraft,
  username: 'chenjing',
  name: '陈静',
  roles: ['officer' as const],
  certificateNo: '贵环执字522627101',
  certificateValidUntil: '2029-12-31',
  temporaryPassword: 'Chen-temp-2026',
};

describe('新建用户: the problems shown by field before sending', () => {
  it('accepts a complete officer, and a reviewer without a certificate', () => {
    expect(newUserProblems(officer, '2026-12-07')).toEqual({});
    expect(
      newUserProblems({ ...officer, roles: ['reviewer'], certificateNo: '', certificateValidUntil: '' }, '2026-12-07'),
    ).toEqual({});
  });

  it('names each problem in Chinese by its field', () => {
    const p = newUserProblems(
      { ...emptyUserDraft, username: '1ab', name: '陈', temporaryPassword: 'short' },
      '2026-12-07',
    );
    expect(p.username).toContain('以字母开头');
    expect(p.name).toBe('请填写姓名');
    expect(p.roles).toBe('请至少选择一个角色');
    expect(p.temporaryPassword).toContain('密码至少10位');
    expect(newUserProblems({ ...officer, certificateNo: '' }, '2026-12-07')).toEqual({
      certificateNo: '办案人员须填写执法证号',
    });
    expect(newUserProblems({ ...officer, certificateValidUntil: '2026-12-01' }, '2026-12-07')).toEqual({
      certificateValidUntil: '执法证已于2026-12-01到期，过期证件不能用于办案',
    });
    expect(newUserProblems({ ...officer, roles: ['admin', 'officer'] }, '2026-12-07').roles).toContain('三员分立');
    expect(newUserProblems({ ...officer, temporaryPassword: 'chenjing123' }, '2026-12-07').temporaryPassword).toContain(
      '不能与用户名相同或包含用户名',
    );
    expect(newUserProblems({ ...officer, roles: ['head'], certificateValidUntil: '' }, '2026-12-07')).toEqual({
      certificateValidUntil: '执法证号和有效期须同时填写',
    });
  });
});
