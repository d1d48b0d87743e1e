import { beforeEach, describe, expect, it, vi } from 'vitest';
import { operations, type OpName } from '#common/operations';
import { cachedRead, changedBy, invalidate, peek, referenceOps } from './opCache';

beforeEach(() => invalidate('all'));

describe('the reference-list cache', () => {
  it('shares one request for a list and keeps its answer; other reads always go to the core', async () => {
    const load = vi.fn(async () => [{ id: 'o1' }]);
    const a = cachedRead('officers.list', {}, load as never);
    const b = cachedRead('officers.list', {}, load as never);
    expect(await a).toBe(await b);
    expect(peek('officers.list', {})?.v).toEqual([{ id: 'o1' }]);
    await cachedRead('cases.list', {} as never, load as never);
    await cachedRead('cases.list', {} as never, load as never);
    expect(load).toHaveBeenCalledTimes(3);
  });

  it('keys by input: the types of one day are not those of another', async () => {
    const load = vi.fn(async (_op: string, input: { on?: string }) => [{ id: input.on }]);
    await cachedRead('violations.list', { on: '2026-08-14' }, load as never);
    await cachedRead('violations.list', { on: '2026-08-15' }, load as never);
    expect(peek('violations.list', { on: '2026-08-15' })?.v).toEqual([{ id: '2026-08-15' }]);
    expect(load).toHaveBeenCalledTimes(2);
  });

  it('does not keep an answer that arrives after the list was invalidated, nor a failure', async () => {
    let resolve: (v: unknown) => void = () => {};
    const late = cachedRead('templates.list', {}, (() => new Promise((r) => (resolve = r))) as never);
    invalidate(['templates.list']);
    resolve([{ type: 'old' }]);
    await late;
    expect(peek('templates.list', {})).toBeUndefined();
    await expect(
      cachedRead('templates.list', {}, (async () => Promise.reject(new Error('断开'))) as never),
    ).rejects.toThrow('断开');
    expect(peek('templates.list', {})).toBeUndefined();
  });

  it('names only operations of the table, and each write changes only reference lists', () => {
    for (const op of referenceOps) expect(operations[op], op).toBeDefined();
    for (const [write, lists] of Object.entries(changedBy)) {
      expect(operations[write as OpName], write).toBeDefined();
      if (lists !== 'all') for (const l of lists) expect(referenceOps.has(l), `${write} → ${l}`).toBe(true);
    }
  });
});
