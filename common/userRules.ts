/**
 * What an account may hold, one rule set for the core (users.create, users.setRoles) and
 * the 用户管理 dialog, which shows the same sentences while the administrator types.
 *
 * - 三员分立 (等级保护: the 系统管理员 manages accounts and does not handle cases): an account that holds
 *   `admin` holds no case role, or one person could reset a head's password and approve in his name.
 * - A 办案人员 investigates under his 执法证 (处罚法 art. 42: 执法人员应当持有执法证件), so the account of
 *   an officer names its certificate: number and the day it runs to.
 *
 * The code holds no official numbering scheme for 执法证号 (provinces print their own prefixes, e.g.
 * 贵环执字522627001), so the number is checked for what any of them is: 4 to 32 characters of
 * 汉字, letters, digits and hyphens, with digits in it. Its uniqueness is checked by the core.
 */
import type { Role } from './roles.js';

export const certificateNoMaxLength = 32;

/** Chinese sentence when the 执法证号 cannot be one; null when it can. */
export function certificateNoProblem(certificateNo: string): string | null {
  const no = certificateNo.trim();
  if (!no) return '办案人员须填写执法证号';
  if (no.length < 4 || no.length > certificateNoMaxLength) return `执法证号应为4至${certificateNoMaxLength}个字符`;
  if (!/^[\p{Script=Han}A-Za-z0-9-]+$/u.test(no)) return '执法证号只能由汉字、字母、数字和连字符组成';
  if (!/\d/.test(no)) return '执法证号应包含数字';
  return null;
}

export interface AccountRolesDraft {
  roles: readonly Role[];
  /** Needed when `roles` has `officer` and the account has no certificate yet. */
  certificateNo?: string | undefined;
  certificateValidUntil?: string | undefined;
}

/**
 * Problems by field (`roles`, `certificateNo`, `certificateValidUntil`), each a Chinese sentence.
 * `needsCertificate`: false when the account already has one on file (a role change).
 * `today` (YYYY-MM-DD): when given, a certificate that has run out is refused.
 */
export function accountRoleProblems(
  d: AccountRolesDraft,
  needsCertificate = true,
  today?: string,
): Record<string, string> {
  const out: Record<string, string> = {};
  if (d.roles.length === 0) out.roles = '请至少选择一个角色';
  else if (d.roles.includes('admin') && d.roles.length > 1) {
    out.roles = '系统管理员不能同时担任办案人员、法制审核或负责人（三员分立：管理账号的人不办理案件）';
  }
  if (d.roles.includes('officer') && needsCertificate) {
    const p = certificateNoProblem(d.certificateNo ?? '');
    if (p) out.certificateNo = p;
    const until = d.certificateValidUntil ?? '';
    if (!until) out.certificateValidUntil = '请填写执法证有效期';
    else if (!/^\d{4}-\d{2}-\d{2}$/.test(until)) out.certificateValidUntil = '执法证有效期格式应为 YYYY-MM-DD';
    else if (today && until < today) out.certificateValidUntil = `执法证已于${until}到期，过期证件不能用于办案`;
  }
  return out;
}
