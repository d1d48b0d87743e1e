/** Accounts (issue 11): the first-run setup, and what an administrator does with users and the audit log. */
import { AppError } from '../../../../common/errors.js';
import type { HandlerMap } from '../types.js';
import { requireUser } from '../types.js';

export const accountHandlers: HandlerMap<'setup.run' | 'users.list' | 'users.resetPassword' | 'audit.list'> = {
  'setup.run': (input, { services }) => {
    if (services.accounts.isSetUp()) return services.accounts.setup(input); // refused and recorded there
    if (!services.enterpriseData.regions.counties.has(input.county)) {
      throw new AppError('VALIDATION', 'county：请选择本单位所在的区县（行政区划代码表中的区县）', [{ path: 'county', message: '请选择本单位所在的区县' }]);
    }
    return services.accounts.setup(input);
  },
  'users.list': (_input, { services }) => services.accounts.list(),
  'users.resetPassword': ({ userId, temporaryPassword }, ctx) => {
    ctx.services.accounts.resetPassword(requireUser(ctx), userId, temporaryPassword);
    return { ok: true as const };
  },
  'audit.list': (input, { services }) => services.accounts.audit(input),
};
