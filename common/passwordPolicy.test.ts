import { describe, expect, it } from 'vitest';
import { passwordProblems, passwordPolicyText } from './passwordPolicy.js';

describe('password policy', () => {
  it('accepts ≥ 10 characters with letters and digits, not the username, not a known password', () => {
    expect(passwordProblems('Tianzhu2026x', 'officer')).toEqual([]);
    expect(passwordProblems('abc123', 'officer')).toEqual(['密码至少10位']);
    expect(passwordProblems('abcdefghijk', 'officer')).toEqual(['密码须同时包含字母和数字']);
    expect(passwordProblems('12345678901', 'officer')).toEqual(['密码须同时包含字母和数字']);
    expect(passwordProblems('Officer2026x', 'officer')).toEqual(['密码不能与用户名相同或包含用户名']);
    expect(passwordProblems('officer123', 'zhang')).toEqual(['不能使用演示账号的公开密码或常见弱密码']);
    expect(passwordProblems('Reviewer123', 'zhang')).toEqual(['不能使用演示账号的公开密码或常见弱密码']);
    expect(passwordProblems(`a1${'x'.repeat(200)}`, 'zhang')).toEqual(['密码不能超过128位']);
  });

  it('is stated in Chinese', () => {
    expect(passwordPolicyText).toBe(
      '密码至少10位（最多128位），须同时包含字母和数字；不能与用户名相同或包含用户名；不能使用演示账号的公开密码或常见弱密码。',
    );
  });
});
