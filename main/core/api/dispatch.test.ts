/** an error value never carries a caller's long input back (a 10 MB string came back twice). */
import { describe, expect, it } from 'vitest';
import { AppError } from '#common/errors.js';
import { generateInput } from '#common/schemas/documents.js';
import { createDispatcher } from './dispatch.js';
import { toErrorValue } from '../errorValue.js';
import type { Services } from '../services.js';
import type { HandlerMap } from './types.js';

const big = 'x'.repeat(10 * 1024 * 1024);
const size = (v: unknown): number => JSON.stringify(v).length;

describe('error values are short whatever the input', () => {
  it('cuts a message and the strings in details that echo an input', () => {
    const v = toErrorValue(new AppError('NOT_FOUND', `找不到：${big}`, { id: big, list: [big, { nested: big }] }));
    expect(size(v)).toBeLessThan(10_000);
    expect(v.message).toMatch(/^找不到：x+…（已截断，共\d+字）$/);
    expect(v.code).toBe('NOT_FOUND');
  });

  it('cuts a validation error whose path holds a 10 MB key', () => {
    const parsed = generateInput.safeParse({ caseId: 'c', type: 't', fields: { [big]: 'a' } });
    expect(parsed.success).toBe(false);
    const v = toErrorValue(parsed.error);
    expect(v.code).toBe('VALIDATION');
    expect(size(v)).toBeLessThan(5000);
  });

  it('answers an unknown 10 MB operation name with a short error', async () => {
    const dispatch = createDispatcher({} as Services, {} as HandlerMap);
    const r = await dispatch({ op: big, input: {} } as never);
    expect(r.ok).toBe(false);
    expect(size(r)).toBeLessThan(5000);
    if (!r.ok) expect(r.error.code).toBe('UNKNOWN_OPERATION');
  });

  it('keeps ordinary messages and details as they are', () => {
    const v = toErrorValue(
      new AppError('GUARD_FAILED', '不满足法定条件', [{ rule: 'twoOfficers', article: '《行政处罚法》第四十二条' }]),
    );
    expect(v).toEqual({
      code: 'GUARD_FAILED',
      message: '不满足法定条件',
      details: [{ rule: 'twoOfficers', article: '《行政处罚法》第四十二条' }],
    });
  });
});
