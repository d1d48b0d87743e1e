/** A failed operation as the UI sees it: the core's stable code and its Chinese message. */
import { errorCodes, type ErrorCode } from '#common/errors';

/** NETWORK: the core could not be reached at all (web host stopped, IPC channel gone). */
export type ApiErrorCode = ErrorCode | 'NETWORK';

export class ApiError extends Error {
  readonly code: ApiErrorCode;
  readonly details: unknown;
  constructor(code: ApiErrorCode, message: string, details?: unknown) {
    super(message);
    this.name = 'ApiError';
    this.code = code;
    this.details = details;
  }
}

/** The Chinese sentence to show for any failure. */
export function messageOf(e: unknown): string {
  if (e instanceof ApiError) return e.message;
  if (e instanceof Error && e.message) return `操作失败：${e.message}`;
  return errorCodes.INTERNAL;
}

/**
 * Field-level messages from a VALIDATION error ({path, message} issues) or from the keys a
 * FIELDS_REQUIRED error lists; the first message per field wins.
 */
export function fieldErrorsOf(e: unknown): Record<string, string> {
  const out: Record<string, string> = {};
  if (!(e instanceof ApiError) || !Array.isArray(e.details)) return out;
  for (const item of e.details as unknown[]) {
    if (typeof item === 'string') out[item] ??= '此项为必填';
    else if (item && typeof item === 'object' && 'path' in item && 'message' in item) {
      const { path, message } = item as { path: unknown; message: unknown };
      const key = String(path).split('.')[0] ?? '';
      if (key && typeof message === 'string') out[key] ??= message;
    }
  }
  return out;
}
