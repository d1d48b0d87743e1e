/**
 * The typed client every front end uses: `send(op, input)` over whichever transport it has.
 * Results come back as a tagged value so that a failure carries its code and Chinese message.
 */
import type { ErrorValue } from './errors.js';
import type { OpInput, OpName, OpOutput } from './operations.js';

export type Reply<T> = { ok: true; value: T } | { ok: false; error: ErrorValue };

/**
 * Which transport carried a request. Set by the transport itself — the CLI says 'cli',
 * the web host and the IPC relay overwrite whatever the page sent with 'web' / 'ipc' — so a page
 * can never claim to be the CLI. Only the CLI may name files on this PC (`{path}` imports).
 */
export type Transport = 'cli' | 'web' | 'ipc';
export const transports: readonly Transport[] = ['cli', 'web', 'ipc'];

/** One request as it crosses any transport. */
export interface Envelope {
  op: string;
  input: unknown;
  token?: string | null;
  /** Set by the transport, never by the caller; absent (scripts, tests calling the core directly) counts as none of them. */
  transport?: Transport;
}

/** The envelope as a transport hands it to the core: its own name stamped over anything the caller put there. */
export function stampTransport(raw: unknown, transport: Transport): Envelope {
  const fields = typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? (raw as Record<string, unknown>) : {};
  return { ...fields, transport } as Envelope;
}

export type Send = <N extends OpName>(op: N, input: OpInput<N>) => Promise<OpOutput<N>>;
