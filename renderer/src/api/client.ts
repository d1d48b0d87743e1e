/**
 * The typed client over any transport: `send(op, input)` with input and output types taken from
 * the operations table (common/operations.ts). Throws ApiError on `{ ok: false }`. It also
 *  - keeps the session token (set by session.login, cleared by session.logout or when the core
 *    says the session is gone),
 *  - counts pending long operations (documents, PDFs, dossier) for the global progress bar.
 */
import type { Envelope, Reply } from '#common/client';
import type { FileRequest } from '#common/files';
import { operations, type OpInput, type OpName, type OpOutput } from '#common/operations';
import { ApiError, type ApiErrorCode } from './errors';
import type { Transport } from './transport';
import type { TokenStore } from './tokenStore';

type Listener = () => void;

export interface Client {
  send<N extends OpName>(op: N, input: OpInput<N>): Promise<OpOutput<N>>;
  /** A stored file as a Blob (bytes over the transport, never Base64); throws ApiError like `send`. */
  file(request: FileRequest): Promise<Blob>;
  token(): string | null;
  /** Number of long operations under way. */
  pendingLong(): number;
  onPendingChange(fn: Listener): () => void;
  /** Called when the core no longer knows the session (expired, core restarted with a new database). */
  onSessionLost(fn: Listener): () => void;
  forgetToken(): void;
}

export function createClient(transport: Transport, tokens: TokenStore): Client {
  let pending = 0;
  const pendingListeners = new Set<Listener>();
  const lostListeners = new Set<Listener>();
  const notify = (set: Set<Listener>): void => {
    for (const fn of set) fn();
  };

  async function send<N extends OpName>(op: N, input: OpInput<N>): Promise<OpOutput<N>> {
    const envelope: Envelope = { op, input, token: tokens.get() };
    const long = Boolean((operations[op] as { long?: boolean }).long);
    if (long) {
      pending += 1;
      notify(pendingListeners);
    }
    try {
      const value = unwrap(await transport.send(envelope), op !== 'session.login') as OpOutput<N>;
      if (op === 'session.login') tokens.set((value as OpOutput<'session.login'>).token);
      if (op === 'session.logout') tokens.set(null);
      return value;
    } finally {
      if (long) {
        pending -= 1;
        notify(pendingListeners);
      }
    }
  }

  /** The value, or the error thrown as ApiError; a session the core no longer knows is forgotten. */
  function unwrap<T>(reply: Reply<T>, sessionMatters: boolean): T {
    if (reply.ok) return reply.value;
    if (reply.error.code === 'NOT_AUTHENTICATED' && sessionMatters && tokens.get()) {
      tokens.set(null);
      notify(lostListeners);
    }
    throw new ApiError(reply.error.code as ApiErrorCode, reply.error.message, reply.error.details);
  }

  async function file(request: FileRequest): Promise<Blob> {
    return unwrap(await transport.readFile(request, tokens.get()), true);
  }

  return {
    send,
    file,
    token: () => tokens.get(),
    pendingLong: () => pending,
    onPendingChange(fn) {
      pendingListeners.add(fn);
      return () => pendingListeners.delete(fn);
    },
    onSessionLost(fn) {
      lostListeners.add(fn);
      return () => lostListeners.delete(fn);
    },
    forgetToken: () => tokens.set(null),
  };
}
