/**
 * The app's one client, over the transport this page has (picked at the edge: Electron's bridge or
 * the web host's POST /api), with the session token kept in memory and sessionStorage.
 */
import type { OpInput, OpName, OpOutput } from '#common/operations';
import { createClient, type Client } from './client';
import { pickTransport } from './pickTransport';
import { createTokenStore } from './tokenStore';
import { invalidate, invalidateAfter } from './opCache';
import { flushAllDrafts } from './draftRegistry';

function sessionStorageOrNull(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

export const client: Client = createClient(pickTransport(), createTokenStore(sessionStorageOrNull()));

/** Calls an operation; a write that succeeded drops the reference lists it changed (api/opCache.ts). */
export async function send<N extends OpName>(op: N, input: OpInput<N>): Promise<OpOutput<N>> {
  const value = await client.send(op, input);
  invalidateAfter(op);
  return value;
}

/** Logs out on the core (best effort) and forgets the token either way. */
export async function logout(): Promise<void> {
  // What was typed in the last half second is saved while the session still stands.
  await flushAllDrafts();
  try {
    await send('session.logout', {});
  } catch {
    /* forgotten below anyway: the user asked to leave */
  }
  client.forgetToken();
  invalidate('all');
}
