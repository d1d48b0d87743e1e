/**
 * The renderer's one way to read from the core: `useOp(op, input)` calls the operation through the
 * app's client and gives the answer, whether it is loading, and the core's Chinese message on
 * failure. An answer to an older request (the input changed, or a reload) never overwrites a newer
 * one, and nothing is set after the screen is gone. Reference lists come from `api/opCache.ts` until
 * a write changes them. `useMutation` is the same for a button that calls an operation.
 * Why not TanStack Query: docs/decisions.md.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { OpInput, OpName, OpOutput } from '#common/operations';
import { send } from '../api/send';
import { messageOf } from '../api/errors';
import { cachedRead, keyOf, onInvalidate, peek } from '../api/opCache';

export interface OpState<T> {
  /** The latest answer; kept while a newer request is under way (the screen does not blink). */
  data: T | undefined;
  loading: boolean;
  /** The core's message for the user, or null. */
  error: string | null;
  /** The error itself (for `fieldErrorsOf`, the notifier), or null. */
  failure: unknown;
  /** Asks the core again (a reference list too); resolves once the answer is shown. */
  reload(): Promise<void>;
  /** Shows a value an operation returned instead (e.g. the settings after settings.update). */
  set(value: T): void;
}

interface Options {
  /** Any value: the operation is called again whenever it changes (e.g. the case's version). */
  refresh?: unknown;
  /** Called with each failure of the latest request, e.g. to show it in the notifier. */
  onError?: (e: unknown) => void;
}

interface Shown<T> {
  data: T | undefined;
  loading: boolean;
  error: string | null;
  failure: unknown;
}

/** True while the component is mounted (set again when StrictMode mounts it a second time). */
function useMounted(): { current: boolean } {
  const mounted = useRef(false);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);
  return mounted;
}

/** `input` null: nothing to ask yet (no query typed, no case chosen). */
export function useOp<N extends OpName>(op: N, input: OpInput<N> | null, options: Options = {}): OpState<OpOutput<N>> {
  type T = OpOutput<N>;
  const key = input === null ? null : keyOf(op, input);
  const [shown, setShown] = useState<Shown<T>>(() => {
    const hit = input === null ? undefined : peek(op, input);
    return { data: hit?.v, loading: input !== null && !hit, error: null, failure: null };
  });
  const mounted = useMounted();
  // Each request takes the next number; only the newest may show its answer.
  const latest = useRef(0);
  const current = useRef({ input, onError: options.onError });
  current.current = { input, onError: options.onError };

  const run = useCallback(
    async (fresh: boolean): Promise<void> => {
      const mine = ++latest.current;
      const input = current.current.input;
      if (input === null) {
        setShown((s) => (s.loading ? { ...s, loading: false } : s));
        return;
      }
      const hit = fresh ? undefined : peek(op, input);
      if (hit) {
        setShown((s) =>
          s.data === hit.v && !s.loading && !s.error ? s : { data: hit.v, loading: false, error: null, failure: null },
        );
        return;
      }
      setShown((s) => ({ ...s, loading: true, error: null, failure: null }));
      try {
        const data = await cachedRead(op, input, send, fresh);
        if (mounted.current && mine === latest.current) setShown({ data, loading: false, error: null, failure: null });
      } catch (e) {
        if (!mounted.current || mine !== latest.current) return;
        setShown((s) => ({ ...s, loading: false, error: messageOf(e), failure: e }));
        current.current.onError?.(e);
      }
    },
    [op, mounted],
  );

  useEffect(() => {
    void run(false);
  }, [key, options.refresh, run]);

  useEffect(() => onInvalidate((ops) => ops.includes(op) && void run(false)), [op, run]);

  const reload = useCallback(() => run(true), [run]);
  const set = useCallback((data: T) => {
    latest.current += 1;
    setShown({ data, loading: false, error: null, failure: null });
  }, []);
  return { ...shown, reload, set };
}

export interface Mutation<N extends OpName> {
  pending: boolean;
  error: string | null;
  failure: unknown;
  /** Calls the operation: its answer, or undefined when it failed (then `error` says why). */
  run(input: OpInput<N>): Promise<OpOutput<N> | undefined>;
  /** Clears the error (a dialog opened again). */
  clear(): void;
}

export function useMutation<N extends OpName>(op: N): Mutation<N> {
  const [state, setState] = useState<{ pending: boolean; error: string | null; failure: unknown }>({
    pending: false,
    error: null,
    failure: null,
  });
  const mounted = useMounted();
  const run = useCallback(
    async (input: OpInput<N>): Promise<OpOutput<N> | undefined> => {
      setState({ pending: true, error: null, failure: null });
      try {
        const value = await send(op, input);
        if (mounted.current) setState({ pending: false, error: null, failure: null });
        return value;
      } catch (e) {
        if (mounted.current) setState({ pending: false, error: messageOf(e), failure: e });
        return undefined;
      }
    },
    [op, mounted],
  );
  const clear = useCallback(() => setState((s) => (s.error ? { ...s, error: null, failure: null } : s)), []);
  return { ...state, run, clear };
}
