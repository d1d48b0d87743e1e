/**
 * The transport this page has, chosen once at the edge: the Electron preload's bridge when the page
 * runs in the app window, else the local web host's POST /api. Kept apart from the interface both
 * implement (transport.ts), so that the interface imports neither of them: no import circle.
 */
import type { Transport } from './transport';
import { electronTransport } from './transport.electron';
import { webTransport } from './transport.web';

export function pickTransport(): Transport {
  return window.anjuan ? electronTransport(window.anjuan) : webTransport(window.fetch.bind(window));
}
