/** Tests only: the AppError a call throws (or a promise rejects with); anything else fails the test. */
import { AppError } from '#common/errors.js';

export function thrownAppError(fn: () => unknown): AppError {
  try {
    fn();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected an AppError');
}

export async function rejectedAppError(p: Promise<unknown> | (() => unknown)): Promise<AppError> {
  const e = await (typeof p === 'function' ? Promise.resolve().then(p) : p).then(
    () => null,
    (x: unknown) => x,
  );
  if (e instanceof AppError) return e;
  throw new Error(`expected an AppError, got ${String(e)}`);
}
