/**
 * The typed client every front end uses: `send(op, input)` over whichever transport it has.
 * Results come back as a tagged value so that a failure carries its code and Chinese message.
 */
import type { ErrorValue } from './errors.js';
import type { OpInput, OpName, OpOutput } from './operations.js';

export type Reply<T> = { ok: true; value: T } | { ok: false; error: ErrorValue };

/** One request as it crosses any transport. */
export interface Envelope {
  op: string;
  input: unknown;
  token?: string | null;
}

export type Send = <N extends OpName>(op: N, input: OpInput<N>) => Promise<OpOutput<N>>;
