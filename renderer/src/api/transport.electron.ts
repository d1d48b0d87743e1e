import type { AnjuanBridge } from '#common/bridge';
import type { Transport } from './transport';

export function electronTransport(bridge: AnjuanBridge): Transport {
  return {
    kind: 'electron',
    send: (envelope) => bridge.send(envelope),
    async readFile(request, token) {
      const r = await bridge.readFile(request, token);
      // The bytes came over IPC as an ArrayBuffer: wrapped as they are, never through Base64.
      return r.ok
        ? { ok: true, value: new Blob([r.value.bytes as Uint8Array<ArrayBuffer>], { type: r.value.mimeType }) }
        : r;
    },
  };
}
