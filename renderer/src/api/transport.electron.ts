import type { AnjuanBridge } from '../../../common/bridge';
import type { Transport } from './transport';

export function electronTransport(bridge: AnjuanBridge): Transport {
  return { kind: 'electron', send: (envelope) => bridge.send(envelope) };
}
