/**
 * The one entry point every transport calls: checks the operation, the caller's session and role,
 * validates the input against the contract, runs the handler and turns every failure into an
 * error value with a Chinese message. Nothing a caller sends can crash the core.
 */
import { z } from 'zod';
import { AppError, errorCodes, type ErrorValue } from '../../../common/errors.js';
import type { Envelope, Reply } from '../../../common/client.js';
import { isOpName, operations, type OpName } from '../../../common/operations.js';
import type { Services } from '../services.js';
import type { HandlerMap } from './types.js';

z.config(z.locales.zhCN());

export function toErrorValue(e: unknown): ErrorValue {
  if (e instanceof AppError) return e.toValue();
  const code = (e as { code?: string } | null)?.code;
  // SQLITE_FULL: the database could not grow; ENOSPC: a file could not be written.
  if (code === 'SQLITE_FULL' || code === 'ENOSPC') return new AppError('DISK_FULL').toValue();
  if (code === 'SQLITE_BUSY' || code === 'SQLITE_LOCKED') return new AppError('BUSY').toValue();
  if (e instanceof z.ZodError) return validationError(e);
  console.error('[anjuan] internal error:', e);
  return { code: 'INTERNAL', message: errorCodes.INTERNAL };
}

function validationError(e: z.ZodError): ErrorValue {
  const issues = e.issues.map((i) => ({ path: i.path.join('.'), message: i.message }));
  const first = issues[0];
  return { code: 'VALIDATION', message: first ? `${first.path ? `${first.path}：` : ''}${first.message}` : errorCodes.VALIDATION, details: issues };
}

export function createDispatcher(services: Services, handlers: HandlerMap) {
  return async function dispatch(envelope: Envelope): Promise<Reply<unknown>> {
    try {
      if (!envelope || typeof envelope.op !== 'string' || !isOpName(envelope.op)) {
        throw new AppError('UNKNOWN_OPERATION', `未知的操作：${String(envelope?.op)}`);
      }
      const name: OpName = envelope.op;
      const spec = operations[name];
      const token = typeof envelope.token === 'string' ? envelope.token : null;
      const user = token ? services.directory.sessionUser(token) : null;
      if (spec.access !== 'public') {
        if (!user) throw new AppError('NOT_AUTHENTICATED');
        if (spec.access !== 'any' && !spec.access.some((r) => user.roles.includes(r))) throw new AppError('FORBIDDEN_ROLE');
      }
      const parsed = spec.input.safeParse(envelope.input ?? {});
      if (!parsed.success) return { ok: false, error: validationError(parsed.error) };
      const handler = handlers[name] as (input: unknown, ctx: unknown) => unknown;
      const value = await handler(parsed.data, { services, user, token });
      return { ok: true, value };
    } catch (e) {
      return { ok: false, error: toErrorValue(e) };
    }
  };
}
