/**
 * Accounts: first-run setup, password change and reset, the users an administrator
 * manages, and the audit log of logins and password events.
 */
import { z } from 'zod';
import { roles } from '../roles.js';
import { passwordPolicy } from '../passwordPolicy.js';
import { accountRoleProblems, certificateNoMaxLength } from '../userRules.js';
import { hasControlChars, isoDate } from './primitives.js';

export const username = z
  .string()
  .trim()
  .regex(/^[A-Za-z][A-Za-z0-9_.-]{2,31}$/, '用户名为3至32位的字母、数字、下划线、点或连字符，以字母开头');
/** The policy itself (length, letters and digits, not the username, not a known password) is checked by the core. */
const newPassword = z
  .string()
  .min(1, '请输入密码')
  .max(passwordPolicy.maxLength, `密码不能超过${passwordPolicy.maxLength}位`);

/** 初始设置: the bureau and its administrator, once, on a workstation with no bureau. */
export const setupInput = z.object({
  bureauName: z.string().trim().min(4, '请填写单位全称').max(60, '单位全称不能超过60个字'),
  abbreviation: z.string().trim().min(2, '请填写单位简称（用于案号、文号）').max(12, '单位简称不能超过12个字'),
  county: z.string().regex(/^\d{6}$/, '请选择所在区县'),
  username,
  name: z.string().trim().min(2, '请填写管理员姓名').max(20, '姓名不能超过20个字'),
  password: newPassword,
});
export const setupOutput = z.object({
  bureau: z.object({ id: z.string(), name: z.string(), abbreviation: z.string(), county: z.string() }),
  username: z.string(),
});

export const changePasswordInput = z.object({
  oldPassword: z.string().min(1, '请输入原密码').max(passwordPolicy.maxLength, '原密码不正确'),
  newPassword,
});

export const resetPasswordInput = z.object({
  userId: z.string().min(1).max(64),
  /** Given to the user by the administrator; the user must replace it at the next login. */
  temporaryPassword: newPassword,
});

// 用户管理: an administrator adds users, changes their roles, disables them (never deletes:
// their names stand in case histories). Role and certificate rules: common/userRules.ts.
const roleList = z.array(z.enum(roles)).max(roles.length, '角色重复');
const personName = z
  .string()
  .trim()
  .min(2, '请填写姓名')
  .max(20, '姓名不能超过20个字')
  .refine((s) => !hasControlChars(s), '姓名含有不允许的控制字符');
const certificateNo = z.string().trim().max(certificateNoMaxLength, `执法证号不超过${certificateNoMaxLength}个字符`);
const userId = z.string().min(1).max(64);

function roleIssues(
  v: {
    roles: Array<(typeof roles)[number]>;
    certificateNo?: string | undefined;
    certificateValidUntil?: string | undefined;
  },
  ctx: z.RefinementCtx,
  needsCertificate: boolean,
): void {
  for (const [path, message] of Object.entries(accountRoleProblems(v, needsCertificate)))
    ctx.addIssue({ code: 'custom', path: [path], message });
}

export const createUserInput = z
  .object({
    username,
    name: personName,
    roles: roleList,
    /** Required for a 办案人员 (处罚法 art. 42); a head or reviewer who holds one may give it too. */
    certificateNo: certificateNo.optional(),
    certificateValidUntil: isoDate.optional(),
    /** Given to the user by the administrator; the user must replace it at the first login. */
    temporaryPassword: newPassword,
  })
  .superRefine((v, ctx) => roleIssues(v, ctx, true));

/** A certificate is asked only when the account becomes an officer without one on file (checked by the core). */
export const setRolesInput = z
  .object({
    userId,
    roles: roleList,
    certificateNo: certificateNo.optional(),
    certificateValidUntil: isoDate.optional(),
  })
  .superRefine((v, ctx) => roleIssues(v, ctx, false));

export const userRefInput = z.object({ userId });

export const accountRow = z.object({
  id: z.string(),
  username: z.string(),
  name: z.string(),
  roles: z.array(z.enum(roles)),
  mustChangePassword: z.boolean(),
  /** While the account is locked after repeated failures: until when (ISO instant). */
  lockedUntil: z.string().nullable(),
  /** Failures since the last successful login or lockout. */
  failures: z.number().int(),
  lastLoginAt: z.string().nullable(),
  passwordChangedAt: z.string().nullable(),
  /** 停用: when; a disabled account cannot log in and is never deleted. */
  disabledAt: z.string().nullable(),
  /** The officer of the directory the account is (办案人员, or a head or reviewer who holds a 执法证). */
  officerId: z.string().nullable(),
  certificateNo: z.string().nullable(),
  certificateValidUntil: z.string().nullable(),
});
export type AccountRow = z.infer<typeof accountRow>;

export const auditEvents = [
  'setup',
  'login',
  'logout',
  'lockout',
  'passwordChange',
  'passwordReset',
  'userCreate',
  'userRoles',
  'userDisable',
  'userEnable',
] as const;
export type AuditEvent = (typeof auditEvents)[number];
export const auditEventNames: Record<AuditEvent, string> = {
  setup: '初始设置',
  login: '登录',
  logout: '退出',
  lockout: '账号锁定',
  passwordChange: '修改密码',
  passwordReset: '重置密码',
  userCreate: '新建用户',
  userRoles: '修改角色',
  userDisable: '停用账号',
  userEnable: '启用账号',
};
export const auditOutcomes = ['ok', 'failed', 'locked', 'refused'] as const;
export type AuditOutcome = (typeof auditOutcomes)[number];
export const auditOutcomeNames: Record<AuditOutcome, string> = {
  ok: '成功',
  failed: '失败',
  locked: '已锁定',
  refused: '拒绝',
};

export const auditListInput = z.object({
  offset: z.number().int().min(0).default(0),
  limit: z.number().int().min(1).max(200).default(50),
  username: z.string().trim().max(64).optional(),
  event: z.enum(auditEvents).optional(),
});
export const auditRow = z.object({
  id: z.number().int(),
  at: z.string(),
  event: z.enum(auditEvents),
  outcome: z.enum(auditOutcomes),
  /** The account concerned, as typed at the login (an unknown name too). */
  username: z.string(),
  userId: z.string().nullable(),
  /** Who did it, when not the account itself (an administrator's reset). */
  actorName: z.string().nullable(),
  /** The workstation (its device id). */
  device: z.string(),
  detail: z.string(),
});
export type AuditRow = z.infer<typeof auditRow>;
/** As the screen reads it: whether this workstation wrote it, so a clerk reads 本机, not a device id. */
export const auditRowView = auditRow.extend({ thisWorkstation: z.boolean() });
export const auditListOutput = z.object({ total: z.number().int(), rows: z.array(auditRowView) });
