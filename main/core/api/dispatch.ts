/**
 * The one entry point every transport calls: checks the operation, the caller's session and role,
 * validates the input against the contract, runs the handler and turns every failure into an
 * error value with a Chinese message. Nothing a caller sends can crash the core.
 */
import { z } from 'zod';
import { AppError, errorCodes, type ErrorValue } from '#common/errors.js';
import { transports, type Envelope, type Reply, type Transport } from '#common/client.js';
import { isOpName, operations, type OpName } from '#common/operations.js';
import type { Services } from '../services.js';
import type { HandlerMap } from './types.js';
import { callerOf } from './sessionGate.js';
import { checkCaseAccess } from '#core/application/caseAccess.js';

z.config(z.locales.zhCN());

/*
 * an error never carries a caller's long input back (a 10 MB string came back twice, in the
 * message and in the details). Messages and every string in details are cut; a key of a map too.
 */
const maxMessageChars = 2000;
const maxDetailChars = 1000;
const maxDetailItems = 1000;
const maxIssues = 100;

export function clip(s: string, max: number): string {
  return s.length > max ? `${s.slice(0, max)}…（已截断，共${s.length}字）` : s;
}

function clipDeep(v: unknown, depth = 0): unknown {
  if (typeof v === 'string') return clip(v, maxDetailChars);
  if (depth > 8 || v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) return v.slice(0, maxDetailItems).map((x) => clipDeep(x, depth + 1));
  return Object.fromEntries(
    Object.entries(v)
      .slice(0, maxDetailItems)
      .map(([k, x]) => [clip(k, 200), clipDeep(x, depth + 1)]),
  );
}

function bounded(v: ErrorValue): ErrorValue {
  return {
    ...v,
    message: clip(v.message, maxMessageChars),
    ...(v.details === undefined ? {} : { details: clipDeep(v.details) }),
  };
}

export function toErrorValue(e: unknown): ErrorValue {
  return bounded(errorValueOf(e));
}

function errorValueOf(e: unknown): ErrorValue {
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
  const issues = e.issues
    .slice(0, maxIssues)
    .map((i) => ({ path: clip(i.path.map(String).join('.'), 200), message: clip(i.message, 500) }));
  const first = issues[0];
  return {
    code: 'VALIDATION',
    message: first ? `${first.path ? `${first.path}：` : ''}${first.message}` : errorCodes.VALIDATION,
    details: issues,
  };
}

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
