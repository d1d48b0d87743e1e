import { z } from 'zod';
import { roles } from '../roles.js';

export const userView = z.object({
  id: z.string(),
  username: z.string(),
  name: z.string(),
  roles: z.array(z.enum(roles)),
  officerId: z.string().nullable(),
  /** After an administrator's reset: the user must choose a new password before doing anything else. */
  mustChangePassword: z.boolean(),
});
export type UserView = z.infer<typeof userView>;

export const loginInput = z.object({
  username: z.string().min(1, '请输入用户名').max(64, '用户名或密码错误'),
  password: z.string().min(1, '请输入密码').max(1024, '用户名或密码错误'),
});
export const loginOutput = z.object({ token: z.string(), user: userView });

export const appInfo = z.object({
  version: z.string(),
  /** Null until the first-run setup has named the bureau. */
  bureau: z.object({ id: z.string(), name: z.string(), abbreviation: z.string() }).nullable(),
  /** True on a new installation: only the setup (setup.run) and app.info answer until it is done. */
  setupRequired: z.boolean(),
  /** The counties a bureau can be set up in (resources/regions), while the setup is required; else empty. */
  counties: z.array(z.object({ code: z.string(), name: z.string(), prefecture: z.string() })),
  demo: z.boolean(),
  demoUsers: z.array(z.object({ username: z.string(), password: z.string(), name: z.string(), role: z.string() })),
  pdfEngines: z.array(z.string()),
  dataDir: z.string(),
});
export type AppInfo = z.infer<typeof appInfo>;
