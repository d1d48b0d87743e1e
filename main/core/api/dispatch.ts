/**
 * The one entry point every transport calls: checks the operation, the caller's session and role,
 * validates the input against the contract, runs the handler and turns every failure into an
 * error value with a Chinese message. Nothing a caller sends can crash the core.
 */
import { z } from 'zod';
import { AppError } from '#common/errors.js';
import { toErrorValue } from '../errorValue.js';
import { transports, type Envelope, type Reply, type Transport } from '#common/client.js';
import { isOpName, operations, type OpName } from '#common/operations.js';
import type { Services } from '../services.js';
import type { HandlerMap } from './types.js';
import { callerOf } from './sessionGate.js';
import { checkCaseAccess } from '#core/application/caseAccess.js';

z.config(z.locales.zhCN());

/** The transport the envelope names, when it is one we know (set by the transport, see common/client.ts). */
function transportOf(envelope: Envelope): Transport | null {
  const t = (envelope as { transport?: unknown }).transport;
  return typeof t === 'string' && (transports as readonly string[]).includes(t) ? (t as Transport) : null;
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
      // first-run setup, session expiry, a reset password changed first (api/sessionGate.ts).
      const user = callerOf(services, name, spec.access !== 'public', token);
      if (user && spec.access !== 'public' && spec.access !== 'any' && !spec.access.some((r) => user.roles.includes(r)))
        throw new AppError('FORBIDDEN_ROLE');
      const parsed = spec.input.safeParse(envelope.input ?? {});
      if (!parsed.success) return { ok: false, error: toErrorValue(parsed.error) };
      // an operation on a case only for its officers and the bureau's reviewers and heads (api/caseAccess.ts).
      checkCaseAccess(services, user, parsed.data);
      const handler = handlers[name] as (input: unknown, ctx: unknown) => unknown;
      const value = await handler(parsed.data, { services, user, token, transport: transportOf(envelope) });
      return { ok: true, value };
    } catch (e) {
      return { ok: false, error: toErrorValue(e) };
    }
  };
}
