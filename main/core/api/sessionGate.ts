/**
 * Who is calling, checked by `dispatch` before the role: on a workstation not yet set up
 * only `app.info` and `setup.run` answer; a session that ended (idle or absolute expiry) says so;
 * a user whose password an administrator reset may only change it (or log out) until they have.
 */
import { AppError } from '#common/errors.js';
import type { OpName } from '#common/operations.js';
import { sessionEndedMessage } from '../domain/accountRules.js';
import type { Services } from '../services.js';
import type { UserRow } from '../store/directory.js';

/** What answers before the first-run setup. */
export const beforeSetupOps: ReadonlySet<OpName> = new Set<OpName>(['app.info', 'setup.run']);
/** What a user with a temporary password may do. */
export const passwordChangeOps: ReadonlySet<OpName> = new Set<OpName>([
  'app.info',
  'session.me',
  'session.logout',
  'session.changePassword',
]);

export function callerOf(services: Services, op: OpName, needsLogin: boolean, token: string | null): UserRow | null {
  if (!beforeSetupOps.has(op) && !services.accounts.isSetUp()) throw new AppError('SETUP_REQUIRED');
  const { user, ended } = services.accounts.session(token);
  if (!needsLogin) return user;
  if (!user)
    throw new AppError(
      'NOT_AUTHENTICATED',
      ended ? sessionEndedMessage[ended] : undefined,
      ended ? { reason: ended } : undefined,
    );
  if (user.mustChangePassword && !passwordChangeOps.has(op)) throw new AppError('PASSWORD_CHANGE_REQUIRED');
  return user;
}
