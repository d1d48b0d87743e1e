/**
 * Errors as the server answers them: `{ error: { code, message, details? } }`, a Chinese message,
 * an HTTP status by code. Nothing of a stack, a SQL statement or a path ever reaches the client, and
 * no error echoes a long input back (messages and details are cut).
 */
import { z } from 'zod';
import { syncErrorCodes, type SyncErrorBody, type SyncErrorCode } from '#common/sync/errors.js';

export const statusOf: Record<SyncErrorCode, number> = {
  VALIDATION: 400,
  REQUEST_TOO_LARGE: 413,
  UNSUPPORTED_MEDIA_TYPE: 415,
  NOT_FOUND: 404,
  NOT_AUTHENTICATED: 401,
  BAD_CREDENTIALS: 401,
  ACCOUNT_LOCKED: 429,
  SESSION_ENDED: 401,
  FORBIDDEN_ROLE: 403,
  FORBIDDEN_BUREAU: 403,
  DEVICE_UNKNOWN: 401,
  DEVICE_REVOKED: 401,
  ENROLMENT_CODE_INVALID: 400,
  ENROLMENT_CODE_USED: 409,
  ENROLMENT_CODE_EXPIRED: 410,
  FORBIDDEN_CASE: 403,
  MUTATION_GAP: 409,
  EVENT_INVALID: 422,
  HASH_MISMATCH: 422,
  HASH_CHAIN: 422,
  EVENT_ID_REUSED: 409,
  CLOCK_DRIFT: 422,
  PROCEDURE_VIOLATION: 422,
  DUPLICATE_NUMBER: 409,
  NUMBER_NOT_RESERVED: 422,
  FILE_HASH_MISMATCH: 422,
  REFERENCE_INVALID: 422,
  TASK_INVALID: 422,
  DUPLICATE_TASK: 409,
  DATABASE_UNAVAILABLE: 503,
  INTERNAL: 500,
};

export class ServerError extends Error {
  constructor(
    readonly code: SyncErrorCode,
    message?: string,
    readonly details?: unknown,
  ) {
    super(message ?? syncErrorCodes[code]);
  }
}

export function clip(s: string, max: number): string {
  return s.length > max ? `${s.slice(0, max)}…（已截断，共${s.length}字）` : s;
}

function clipDeep(v: unknown, depth = 0): unknown {
  if (typeof v === 'string') return clip(v, 500);
  if (depth > 6 || v === null || typeof v !== 'object') return v;
  if (Array.isArray(v)) return v.slice(0, 100).map((x) => clipDeep(x, depth + 1));
  return Object.fromEntries(
    Object.entries(v)
      .slice(0, 100)
      .map(([k, x]) => [clip(k, 100), clipDeep(x, depth + 1)]),
  );
}

export function errorBody(code: SyncErrorCode, message: string, details?: unknown): SyncErrorBody {
  return {
    error: { code, message: clip(message, 1000), ...(details === undefined ? {} : { details: clipDeep(details) }) },
  };
}

/** The first problems of a zod error, as the Chinese message and the details (path, message). */
export function validationError(e: z.ZodError, where = ''): ServerError {
  const issues = e.issues.slice(0, 20).map((i) => ({ path: i.path.map(String).join('.'), message: i.message }));
  const first = issues[0];
  const message = first ? `${where}${first.path ? `${first.path}：` : ''}${first.message}` : syncErrorCodes.VALIDATION;
  return new ServerError('VALIDATION', message, issues);
}

/** Validates a request part with a contract schema; a failure is a 400 with a Chinese message. */
export function parseWith<T extends z.ZodType>(schema: T, value: unknown, where = ''): z.infer<T> {
  const r = schema.safeParse(value);
  if (!r.success) throw validationError(r.error, where);
  return r.data;
}

/** Connection failures of node-postgres (the database stopped or unreachable). */
const connectionCodes = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  '57P01',
  '57P02',
  '57P03',
  '08000',
  '08003',
  '08006',
]);

/** Fastify's own errors (body parser, limits) and everything thrown, as an answer. */
export function toReply(e: unknown): { status: number; body: SyncErrorBody } {
  if (e instanceof ServerError) return { status: statusOf[e.code], body: errorBody(e.code, e.message, e.details) };
  if (e instanceof z.ZodError) {
    const v = validationError(e);
    return { status: 400, body: errorBody('VALIDATION', v.message, v.details) };
  }
  const err = e as { code?: string; statusCode?: number; message?: string } | null;
  const code = err?.code ?? '';
  if (code === 'FST_ERR_CTP_BODY_TOO_LARGE')
    return { status: 413, body: errorBody('REQUEST_TOO_LARGE', '请求内容过大（不超过16MB）') };
  if (code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE')
    return { status: 415, body: errorBody('UNSUPPORTED_MEDIA_TYPE', syncErrorCodes.UNSUPPORTED_MEDIA_TYPE) };
  if (code === 'FST_ERR_CTP_EMPTY_JSON_BODY') return { status: 400, body: errorBody('VALIDATION', '请求内容为空') };
  if (code === 'FST_ERR_CTP_INVALID_CONTENT_LENGTH')
    return { status: 400, body: errorBody('VALIDATION', '请求长度与内容不符') };
  if (
    err?.statusCode === 400 &&
    (e instanceof SyntaxError ||
      code === 'FST_ERR_CTP_INVALID_JSON_BODY' ||
      /JSON|__proto__|constructor/i.test(err.message ?? ''))
  ) {
    return { status: 400, body: errorBody('VALIDATION', '请求内容不是有效的 JSON') };
  }
  // A NUL or an invalid character that slipped past the schemas: PostgreSQL refuses it, and so do we.
  if (code === '22021' || code === '22P05')
    return { status: 400, body: errorBody('VALIDATION', '请求内容含有不允许的字符') };
  if (connectionCodes.has(code))
    return { status: 503, body: errorBody('DATABASE_UNAVAILABLE', syncErrorCodes.DATABASE_UNAVAILABLE) };
  if (err?.statusCode && err.statusCode >= 400 && err.statusCode < 500)
    return { status: err.statusCode, body: errorBody('VALIDATION', syncErrorCodes.VALIDATION) };
  console.error('[anjuan-server] 内部错误：', e);
  return { status: 500, body: errorBody('INTERNAL', syncErrorCodes.INTERNAL) };
}
