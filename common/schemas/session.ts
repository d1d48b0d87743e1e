import { z } from 'zod';
import { roles } from '../roles.js';

export const userView = z.object({
  id: z.string(),
  username: z.string(),
  name: z.string(),
  roles: z.array(z.enum(roles)),
  officerId: z.string().nullable(),
});
export type UserView = z.infer<typeof userView>;

export const loginInput = z.object({ username: z.string().min(1, '请输入用户名'), password: z.string().min(1, '请输入密码') });
export const loginOutput = z.object({ token: z.string(), user: userView });

export const appInfo = z.object({
  version: z.string(),
  bureau: z.object({ id: z.string(), name: z.string(), abbreviation: z.string() }),
  demo: z.boolean(),
  demoUsers: z.array(z.object({ username: z.string(), password: z.string(), name: z.string(), role: z.string() })),
  pdfEngines: z.array(z.string()),
  dataDir: z.string(),
});
export type AppInfo = z.infer<typeof appInfo>;
