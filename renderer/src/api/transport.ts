/**
 * How an envelope reaches the core. Chosen once, at the edge: the Electron preload's bridge when
 * the page runs in the app window, else the local web host's POST /api.
 */
import type { Envelope, Reply } from '#common/client';
import type { AnjuanBridge } from '#common/bridge';
import type { FileRequest } from '#common/files';
import { electronTransport } from './transport.electron';
import { webTransport } from './transport.web';

export interface Transport {
  readonly kind: 'electron' | 'web';
  send(envelope: Envelope): Promise<Reply<unknown>>;
  /** A stored file as bytes (common/files.ts): GET /files/… on the web host, the bridge's file channel in Electron. */
  readFile(request: FileRequest, token: string | null): Promise<Reply<Blob>>;
}

declare global {
  interface Window {
    /** Present only in the Electron window (preload/index.ts). */
    anjuan?: AnjuanBridge;
  }
}

export function pickTransport(): Transport {
  return window.anjuan ? electronTransport(window.anjuan) : webTransport(window.fetch.bind(window));
}
