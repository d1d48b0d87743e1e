/** Accounts: the first-run setup, and what an administrator does with users and the audit log. */
import { AppError } from '#common/errors.js';
import type { HandlerContext, HandlerMap } from '../types.js';
import { requireUser } from '../types.js';
import { UserAdmin } from '#core/store/userAdmin.js';
import { today } from '#core/application/caseView.js';

type AccountOps =
  | 'setup.run'
  | 'users.list'
  | 'users.resetPassword'
  | 'audit.list'
  | 'users.create'
  | 'users.setRoles'
  | 'users.disable'
  | 'users.enable';
const userAdmin = (ctx: HandlerContext): UserAdmin => new UserAdmin(ctx.services.db, ctx.services.accounts);

export const accountHandlers: HandlerMap<AccountOps> = {
  'setup.run': (input, { services }) => {
    if (services.accounts.isSetUp()) return services.accounts.setup(input); // refused and recorded there
    if (!services.enterpriseData.regions.counties.has(input.county)) {
      throw new AppError('VALIDATION', 'county：请选择本单位所在的区县（行政区划代码表中的区县）', [
        { path: 'county', message: '请选择本单位所在的区县' },
      ]);
    }
    return services.accounts.setup(input);
  },
  'users.list': (_input, { services }) => services.accounts.list(),
  'users.resetPassword': ({ userId, temporaryPassword }, ctx) => {
    ctx.services.accounts.resetPassword(requireUser(ctx), userId, temporaryPassword);
    return { ok: true as const };
  },
  'audit.list': (input, { services }) => {
    const page = services.accounts.audit(input);
    return { ...page, rows: page.rows.map((r) => ({ ...r, thisWorkstation: r.device === services.device })) };
  },
  // 用户管理 (store/userAdmin.ts): a certificate must still run on the workstation's date.
  'users.create': (input, ctx) => userAdmin(ctx).create(requireUser(ctx), input, today(ctx.services)),
  'users.setRoles': (input, ctx) => userAdmin(ctx).setRoles(requireUser(ctx), input, today(ctx.services)),
  'users.disable': ({ userId }, ctx) => userAdmin(ctx).disable(requireUser(ctx), userId),
  'users.enable': ({ userId }, ctx) => userAdmin(ctx).enable(requireUser(ctx), userId),
};
