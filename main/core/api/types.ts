import type { OpName, OpOutput, OpParsedInput } from '#common/operations.js';
import type { Services } from '../services.js';
import type { Transport } from '#common/client.js';
import type { UserRow } from '../store/directory.js';

export interface HandlerContext {
  services: Services;
  /** Null only for public operations. */
  user: UserRow | null;
  token: string | null;
  /** The transport that carried the request: only 'cli' may read files by path. Null when the core was called directly. */
  transport: Transport | null;
}

export type Handler<N extends OpName> = (
  input: OpParsedInput<N>,
  ctx: HandlerContext,
) => OpOutput<N> | Promise<OpOutput<N>>;
export type HandlerMap<K extends OpName = OpName> = { [N in K]: Handler<N> };

export function requireUser(ctx: HandlerContext): UserRow {
  if (!ctx.user) throw new Error('handler called without a user');
  return ctx.user;
}
