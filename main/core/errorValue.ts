/**
 * Any failure as the error value a transport sends back: the app's own errors as they are, a full
 * disk or a busy database in Chinese, a validation failure with its fields, anything else INTERNAL
 * (logged, never shown). Below the dispatcher so that the job runner and the restartable core, which
 * report failures of their own, need not reach up into the transport layer.
 */
import { z } from 'zod';
import { AppError, errorCodes, type ErrorValue } from '#common/errors.js';

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
