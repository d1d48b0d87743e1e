/**
 * How an envelope reaches the core: the one interface both platforms implement, the Electron
 * preload's bridge (transport.electron.ts) and the local web host's POST /api (transport.web.ts).
 * Which one a page uses is chosen once, at the edge (pickTransport.ts).
 */
import type { Envelope, Reply } from '#common/client';
import type { AnjuanBridge } from '#common/bridge';
import type { FileRequest } from '#common/files';

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
