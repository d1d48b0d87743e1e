/**
 * The password policy, one rule set for the core (which enforces it at first-run setup,
 * on a change and on an administrator's reset) and the renderer (which shows it while typing).
 * The Chinese statement below is what the user reads; docs/security.md repeats it.
 */

export const passwordPolicy = {
  minLength: 10,
  /** scrypt reads any length, but an input of megabytes is no password: refused before hashing. */
  maxLength: 128,
} as const;

/** The policy as the user reads it (setup screen, 修改密码, 重置密码, docs/security.md). */
export const passwordPolicyText = `密码至少${passwordPolicy.minLength}位（最多${passwordPolicy.maxLength}位），须同时包含字母和数字；不能与用户名相同或包含用户名；不能使用演示账号的公开密码或常见弱密码。`;

/**
 * Passwords everybody knows: the demo accounts' published ones (README, the login screen of a demo
 * workstation) and the commonest weak ones that would otherwise pass the length and mix rules.
 */
export const knownPasswords: ReadonlySet<string> = new Set([
  'officer123',
  'reviewer123',
  'head123',
  'admin123',
  'password123',
  'password1234',
  'passw0rd123',
  'admin123456',
  'administrator1',
  'abc1234567',
  'abcd123456',
  'qwerty123456',
  'qwer123456',
  'a123456789',
  '1234567890a',
  '123456789a',
  'a1234567890',
  'aa12345678',
  'abc123456789',
  'woaini1314',
  'woaini520520',
  'anjuan123456',
  'anjuan2026',
  'huanbao123456',
]);

/** What is wrong with a password, each as a Chinese sentence; empty when it meets the policy. */
export function passwordProblems(password: string, username: string): string[] {
  const problems: string[] = [];
  if (password.length < passwordPolicy.minLength) problems.push(`密码至少${passwordPolicy.minLength}位`);
  if (password.length > passwordPolicy.maxLength) problems.push(`密码不能超过${passwordPolicy.maxLength}位`);
  if (!/[A-Za-z]/.test(password) || !/\d/.test(password)) problems.push('密码须同时包含字母和数字');
  const lower = password.toLowerCase();
  const user = username.trim().toLowerCase();
  if (user && (lower === user || (user.length >= 3 && lower.includes(user))))
    problems.push('密码不能与用户名相同或包含用户名');
  if (knownPasswords.has(lower)) problems.push('不能使用演示账号的公开密码或常见弱密码');
  return problems;
}
