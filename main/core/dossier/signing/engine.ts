/**
 * pkijs runs its cryptography through an engine; Node's own WebCrypto (`globalThis.crypto`) is it, so no
 * JavaScript implementation of RSA or ECDSA is involved. Set once, for this process, before any use.
 */
import { CryptoEngine, setEngine } from 'pkijs';

let engine: CryptoEngine | null = null;

export function pkiEngine(): CryptoEngine {
  if (!engine) {
    engine = new CryptoEngine({ name: 'node-webcrypto', crypto: globalThis.crypto });
    setEngine('node-webcrypto', engine);
  }
  return engine;
}
