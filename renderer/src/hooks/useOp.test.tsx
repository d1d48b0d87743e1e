// @vitest-environment jsdom
/**
 * useOp: an older answer never replaces a newer one, the core's message is shown, a reference list
 * is asked once and asked again after a write that changes it; useMutation reports its failure.
 */
import { act, useState } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { cleanup, renderWithSession } from '../testing/renderWithSession';

const calls: Array<{ op: string; input: unknown; settle: Deferred }> = [];
interface Deferred {
  resolve(v: unknown): void;
  reject(e: unknown): void;
}
vi.mock('../api/send', () => ({
  send: vi.fn(
    (op: string, input: unknown) =>
      new Promise((resolve, reject) => {
        calls.push({ op, input, settle: { resolve, reject } });
      }),
  ),
}));

const { useOp, useMutation } = await import('./useOp');
const { invalidate, invalidateAfter } = await import('../api/opCache');
const { ApiError } = await import('../api/errors');

/** Lets the promise callbacks run inside act. */
const settle = async (fn: () => void): Promise<void> => {
  await act(async () => {
    fn();
    await Promise.resolve();
  });
};

let setQuery: (q: string) => void = () => {};
function Search() {
  const [query, set] = useState('甲');
  setQuery = set;
  const { data, loading, error } = useOp('laws.search', { query, limit: 1 });
  return (
    <div>
      <span data-testid="total">{data ? String(data.total) : '-'}</span>
      <span data-testid="loading">{String(loading)}</span>
      <span data-testid="error">{error ?? ''}</span>
    </div>
  );
}

function Templates({ id }: { id: string }) {
  const { data, loading } = useOp('templates.list', {});
  return <span data-testid={id}>{loading ? 'loading' : (data?.map((t) => t.name).join(',') ?? '')}</span>;
}

function Idle() {
  const { loading } = useOp('laws.search', null);
  return <span data-testid="idle">{String(loading)}</span>;
}

let mutation: ReturnType<typeof useMutation<'users.disable'>> | null = null;
function Disable() {
  mutation = useMutation('users.disable');
  return <span data-testid="m">{`${mutation.pending}|${mutation.error ?? ''}`}</span>;
}

const text = (el: HTMLElement, id: string): string | null | undefined =>
  el.querySelector(`[data-testid="${id}"]`)?.textContent;

beforeEach(() => {
  calls.length = 0;
  invalidate('all');
});
afterEach(cleanup);

describe('useOp', () => {
  it('drops the answer to an older request that arrives after the newer one', async () => {
    const el = renderWithSession(<Search />);
    act(() => setQuery('乙'));
    expect(calls.map((c) => (c.input as { query: string }).query)).toEqual(['甲', '乙']);
    await settle(() => calls[1]!.settle.resolve({ total: 2, rows: [] }));
    expect(text(el, 'total')).toBe('2');
    await settle(() => calls[0]!.settle.resolve({ total: 1, rows: [] }));
    expect(text(el, 'total')).toBe('2');
    expect(text(el, 'loading')).toBe('false');
  });

  it("shows the core's Chinese message when the operation fails, and clears it on the next answer", async () => {
    const el = renderWithSession(<Search />);
    await settle(() => calls[0]!.settle.reject(new ApiError('VALIDATION', '检索词过长：最多100个字')));
    expect(text(el, 'error')).toBe('检索词过长：最多100个字');
    expect(text(el, 'loading')).toBe('false');
    act(() => setQuery('乙'));
    await settle(() => calls[1]!.settle.resolve({ total: 3, rows: [] }));
    expect(text(el, 'error')).toBe('');
    expect(text(el, 'total')).toBe('3');
  });

  it('sets nothing once the screen is gone', async () => {
    const errors = vi.spyOn(console, 'error').mockImplementation(() => {});
    renderWithSession(<Search />);
    cleanup();
    await settle(() => calls[0]!.settle.resolve({ total: 1, rows: [] }));
    expect(errors).not.toHaveBeenCalled();
    errors.mockRestore();
  });

  it('asks for a reference list once: a second screen shows it at once, without loading', async () => {
    const first = renderWithSession(<Templates id="a" />);
    expect(text(first, 'a')).toBe('loading');
    await settle(() => calls[0]!.settle.resolve([{ name: '立案审批表' }]));
    expect(text(first, 'a')).toBe('立案审批表');
    const second = renderWithSession(<Templates id="b" />);
    expect(text(second, 'b')).toBe('立案审批表');
    expect(calls).toHaveLength(1);
  });

  it('asks again after a write that changes the list, and every screen showing it gets the new one', async () => {
    const el = renderWithSession(
      <>
        <Templates id="a" />
        <Templates id="b" />
      </>,
    );
    expect(calls).toHaveLength(1);
    await settle(() => calls[0]!.settle.resolve([{ name: '立案审批表' }]));
    // A write that changes something else leaves the list alone.
    act(() => invalidateAfter('cases.act'));
    expect(calls).toHaveLength(1);
    act(() => invalidateAfter('templates.import'));
    expect(calls).toHaveLength(2);
    await settle(() => calls[1]!.settle.resolve([{ name: '立案审批表' }, { name: '现场检查（勘察）笔录' }]));
    expect(text(el, 'a')).toBe('立案审批表,现场检查（勘察）笔录');
    expect(text(el, 'b')).toBe('立案审批表,现场检查（勘察）笔录');
  });

  it('does not ask while the input is null', () => {
    const el = renderWithSession(<Idle />);
    expect(calls).toHaveLength(0);
    expect(text(el, 'idle')).toBe('false');
  });
});

describe('useMutation', () => {
  it('is pending while the call runs and gives the message when it fails', async () => {
    const el = renderWithSession(<Disable />);
    let answer: Promise<unknown> = Promise.resolve();
    act(() => {
      answer = mutation!.run({ userId: 'u2' });
    });
    expect(text(el, 'm')).toBe('true|');
    await settle(() => calls[0]!.settle.reject(new ApiError('VALIDATION', '不能停用自己的账号')));
    await expect(answer).resolves.toBeUndefined();
    expect(text(el, 'm')).toBe('false|不能停用自己的账号');
  });
});
