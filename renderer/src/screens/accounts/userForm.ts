/**
 * 用户管理: the 新建用户 and 修改角色 forms' drafts and their checks, in the words the core
 * uses (common/userRules.ts, common/passwordPolicy.ts), so the administrator sees each problem by its
 * field before anything is sent. The core checks all of it again.
 */
import type { Role } from '#common/roles';
import { passwordProblems } from '#common/passwordPolicy';
import { accountRoleProblems } from '#common/userRules';

export interface UserDraft {
  username: string;
  name: string;
  roles: Role[];
  certificateNo: string;
  certificateValidUntil: string;
  temporaryPassword: string;
}

export const emptyUserDraft: UserDraft = {
  username: '',
  name: '',
  roles: [],
  certificateNo: '',
  certificateValidUntil: '',
  temporaryPassword: '',
};

const usernamePattern = /^[A-Za-z][A-Za-z0-9_.-]{2,31}$/;

/** A certificate is asked for an officer, and may be given by a head or reviewer who holds one. */
export const asksCertificate = (roles: readonly Role[]): boolean =>
  roles.some((r) => r === 'officer' || r === 'head' || r === 'reviewer');

/** Problems by field; empty when the draft may be sent. `today`: YYYY-MM-DD. */
export function newUserProblems(d: UserDraft, today: string): Record<string, string> {
  const out: Record<string, string> = {};
  if (!usernamePattern.test(d.username.trim()))
    out.username = '用户名为3至32位的字母、数字、下划线、点或连字符，以字母开头';
  const name = d.name.trim();
  if (name.length < 2) out.name = '请填写姓名';
  else if (name.length > 20) out.name = '姓名不能超过20个字';
  const certificate = certificateOf(d);
  Object.assign(out, accountRoleProblems({ roles: d.roles, ...certificate }, true, today));
  // A head or reviewer may leave the certificate out, but not half of it.
  if (
    !d.roles.includes('officer') &&
    Boolean(certificate.certificateNo) !== Boolean(certificate.certificateValidUntil)
  ) {
    out[certificate.certificateNo ? 'certificateValidUntil' : 'certificateNo'] = '执法证号和有效期须同时填写';
  }
  const problems = passwordProblems(d.temporaryPassword, d.username);
  if (!d.temporaryPassword) out.temporaryPassword = '请设置临时密码';
  else if (problems.length) out.temporaryPassword = problems.join('；');
  return out;
}

/** The certificate fields to send: only when given, trimmed. */
export function certificateOf(d: Pick<UserDraft, 'certificateNo' | 'certificateValidUntil'>): {
  certificateNo?: string;
  certificateValidUntil?: string;
} {
  const no = d.certificateNo.trim();
  return {
    ...(no ? { certificateNo: no } : {}),
    ...(d.certificateValidUntil ? { certificateValidUntil: d.certificateValidUntil } : {}),
  };
}
