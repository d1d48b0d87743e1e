/**
 * Enrolment and the administrator's requests to the provincial server (docs/server.md): an
 * administrator logs in, issues a one-time code for a county bureau, and a workstation exchanges
 * the code for a device credential bound to that bureau.
 */
import { z } from 'zod';
import { roles } from '../roles.js';
import { key, plainText } from '../schemas/primitives.js';
import { hasNulChar } from './events.js';

export const adminLoginInput = z
  .object({
    username: z.string().min(1, '请输入用户名').max(64, '用户名或密码错误'),
    password: z.string().min(1, '请输入密码').max(1024, '用户名或密码错误'),
  })
  .strict();

export const bureauView = z.object({
  id: z.string(),
  name: z.string(),
  level: z.enum(['province', 'prefecture', 'county']),
  parentId: z.string().nullable(),
});
export type BureauView = z.infer<typeof bureauView>;

export const adminLoginOutput = z.object({
  token: z.string(),
  user: z.object({
    id: z.string(),
    username: z.string(),
    name: z.string(),
    roles: z.array(z.enum(roles)),
    bureau: bureauView,
  }),
});

export const enrolmentCodeInput = z
  .object({
    /** The county bureau (GB/T 2260 code) the workstation will belong to. */
    bureauId: z.string().regex(/^\d{6}$/, '单位代码应为6位行政区划代码'),
    /** How long the code stays valid: 10 minutes to 7 days, 24 hours by default. */
    validHours: z
      .number()
      .min(1 / 6, '有效期至少10分钟')
      .max(168, '有效期不超过7天')
      .default(24),
  })
  .strict();

export const enrolmentCodeOutput = z.object({
  /** Shown once: the server keeps only its SHA-256. */
  code: z.string(),
  bureau: bureauView,
  expiresAt: z.string(),
});

export const enrolInput = z
  .object({
    code: z.string().trim().min(1, '请输入登记码').max(64, '登记码无效，请核对后重新输入'),
    deviceName: plainText(100, '工作站名称').trim().min(1, '请填写工作站名称'),
  })
  .strict();

export const enrolOutput = z.object({
  deviceId: z.string(),
  /** 32 random bytes, hex: sent as `Authorization: Bearer <credential>`; the server keeps its SHA-256. */
  credential: z.string(),
  bureau: bureauView,
});

export const deviceIdParam = z
  .object({ id: key(64, '工作站编号').regex(/^[0-9A-HJKMNP-TV-Z]{26}$/, '工作站编号不正确') })
  .strict();

/**
 * A user as a workstation caches it for offline login: the password hash is in the workstation's
 * own format (main/core/store/passwords.ts, scrypt), so the workstation verifies it without the server.
 * Roles are read as names, not as this version's list: a province may add a role before every county
 * desk is updated, and one unknown role must not refuse the whole reply (the desk keeps the roles it
 * knows, main/core/sync/userRoles.ts). Everything else stays strict: a user without an id, a role that
 * is not a name, a missing field is a server this desk cannot read, and guessing there could hand out
 * a login, so such a reply is refused whole as before.
 */
export const syncUser = z.object({
  id: z.string(),
  username: z.string(),
  name: z.string(),
  roles: z.array(plainText(64, '角色').min(1)).max(64),
  certificateNo: z.string().nullable(),
  certificateValidUntil: z.string().nullable(),
  passwordHash: z.string(),
  disabled: z.boolean(),
});
export type SyncUser = z.infer<typeof syncUser>;
export const syncUsersOutput = z.object({ bureau: bureauView, users: z.array(syncUser) });

/** An administrator adds a user to its bureau or one below it (the workstations receive it at their next sync). */
export const createUserInput = z
  .object({
    bureauId: z.string().regex(/^\d{6}$/, '单位代码应为6位行政区划代码'),
    username: z
      .string()
      .trim()
      .min(2, '用户名至少2个字符')
      .max(32, '用户名不超过32个字符')
      .regex(/^[A-Za-z0-9_.-]+$/, '用户名只能由字母、数字、下划线、点和连字符组成'),
    name: plainText(32, '姓名').trim().min(1, '请填写姓名'),
    roles: z
      .array(z.enum(roles, { error: '未知的角色' }))
      .min(1, '至少选择一个角色')
      .max(roles.length),
    /** 执法证号, with its validity: officers who act in cases hold one. */
    certificateNo: plainText(40, '执法证号').trim().min(1).optional(),
    certificateValidUntil: z
      .string()
      .regex(/^\d{4}-\d{2}-\d{2}$/, '执法证有效期格式应为 YYYY-MM-DD')
      .optional(),
    password: z.string().max(1024, '密码过长'),
  })
  .strict();

export const createUserOutput = z.object({ id: z.string(), username: z.string(), bureauId: z.string() });

/** The province publishes a version of one kind of reference data; workstations receive it at their next pull. */
export const publishReferenceInput = z
  .object({
    kind: z
      .string()
      .min(1)
      .max(40)
      .regex(/^[a-z][a-zA-Z0-9.-]*$/, '种类只能由字母、数字、点和连字符组成'),
    version: z
      .string()
      .min(1)
      .max(40)
      .regex(/^[0-9A-Za-z.-]+$/, '版本号只能由字母、数字、点和连字符组成'),
    payload: z
      .unknown()
      .refine((v) => v !== undefined, '缺少内容')
      .refine((v) => !hasNulChar(v), '内容含有不允许的空字符'),
  })
  .strict();
