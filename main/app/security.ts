/**
 * Window and session security (docs/security.md): a strict CSP, navigation kept inside the app's
 * own origins, window.open denied, permission requests denied. The decisions are pure functions
 * (tested in security.test.ts); the installers only attach them to Electron objects, which come in
 * as minimal interfaces so that this file never loads Electron at run time.
 */

/** Everything the page needs comes from the app itself; MUI/emotion inject <style>, hence 'unsafe-inline' for styles only. */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "frame-src 'none'",
].join('; ');

/** The origin of a URL, or null when it has none we can trust (opaque origins, bad URLs). */
export function originOf(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const origin = new URL(url).origin;
    return origin === 'null' ? null : origin;
  } catch {
    return null;
  }
}

// Electron reports custom standard schemes' origins as "app://anjuan"; URL.origin gives 'null'
// for non-special schemes in Node, so compare scheme + host ourselves.
function schemeHostOf(url: string | null | undefined): string | null {
  if (!url) return null;
  try {
    const u = new URL(url);
    if (u.username || u.password) return null; // "app://anjuan@evil" tricks
    if (u.protocol === 'http:' || u.protocol === 'https:') return originOf(url);
    if (!u.host) return null;
    return `${u.protocol}//${u.host}`;
  } catch {
    return null;
  }
}

/** True when `url` is a page of exactly `origin` (scheme + host + port). */
export function isSameOrigin(url: string | null | undefined, origin: string): boolean {
  return schemeHostOf(url) === origin;
}

/**
 * A page-initiated navigation is allowed only inside the origin the page is already showing, and
 * only when that origin is one of the app's own: a link or script can never take a window to a
 * remote site (which would then be trusted with the preload), nor hop from the print origin to the app.
 */
export function navigationAllowed(target: string, current: string, appOrigins: readonly string[]): boolean {
  const to = schemeHostOf(target);
  return to !== null && appOrigins.includes(to) && schemeHostOf(current) === to;
}

export type WindowOpenDecision = { action: 'deny' } | { action: 'external'; url: string };

/**
 * window.open and target=_blank never create an Electron window. An https link whose host is on the
 * allow-list opens in the system browser; everything else is dropped. The shipped list is empty
 * (the workstation is offline), so today every request is denied.
 */
export function windowOpenDecision(url: string, externalHosts: readonly string[]): WindowOpenDecision {
  try {
    const u = new URL(url);
    if (u.protocol === 'https:' && !u.username && !u.password && externalHosts.includes(u.hostname)) {
      return { action: 'external', url: u.href };
    }
  } catch {
    // not a URL: deny
  }
  return { action: 'deny' };
}

/** Sets our CSP on a response's headers, replacing any the response carried (whatever its case). */
export function withCsp(headers: Record<string, string | string[]>): Record<string, string | string[]> {
  const out: Record<string, string | string[]> = {};
  for (const [k, v] of Object.entries(headers)) {
    if (k.toLowerCase() !== 'content-security-policy') out[k] = v;
  }
  out['Content-Security-Policy'] = [contentSecurityPolicy];
  return out;
}

type Log = (message: string) => void;

export interface SessionLike {
  webRequest: {
    onHeadersReceived(
      listener: (
        details: { responseHeaders?: Record<string, string[]> },
        callback: (response: { responseHeaders: Record<string, string | string[]> }) => void,
      ) => void,
    ): void;
  };
  setPermissionRequestHandler(
    handler: (wc: unknown, permission: string, callback: (granted: boolean) => void) => void,
  ): void;
  setPermissionCheckHandler(handler: (wc: unknown, permission: string) => boolean): void;
  setDevicePermissionHandler(handler: () => boolean): void;
}

/** CSP on every response, and no permission (camera, geolocation, notifications, USB…) for anyone. */
export function hardenSession(ses: SessionLike, log: Log): void {
  ses.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: withCsp(details.responseHeaders ?? {}) });
  });
  ses.setPermissionRequestHandler((_wc, permission, callback) => {
    log(`已拒绝权限请求：${permission}`);
    callback(false);
  });
  ses.setPermissionCheckHandler(() => false);
  ses.setDevicePermissionHandler(() => false);
}

interface PreventableEvent {
  preventDefault(): void;
}
interface NavigationEvent extends PreventableEvent {
  url: string;
}

export interface WebContentsLike {
  getURL(): string;
  on(event: 'will-navigate', listener: (event: NavigationEvent) => void): unknown;
  on(event: 'will-redirect', listener: (event: NavigationEvent) => void): unknown;
  on(event: 'will-attach-webview', listener: (event: PreventableEvent) => void): unknown;
  setWindowOpenHandler(handler: (details: { url: string }) => { action: 'deny' }): void;
}

export interface HardenOptions {
  appOrigins: readonly string[];
  externalHosts: readonly string[];
  openExternal(url: string): Promise<void>;
  log: Log;
}

/** Attached to every webContents the app creates (app 'web-contents-created'), the print window included. */
export function hardenWebContents(wc: WebContentsLike, opts: HardenOptions): void {
  const guard = (event: NavigationEvent): void => {
    if (navigationAllowed(event.url, wc.getURL(), opts.appOrigins)) return;
    event.preventDefault();
    opts.log(`已阻止页面跳转：${event.url}`);
  };
  wc.on('will-navigate', guard);
  wc.on('will-redirect', guard);
  wc.on('will-attach-webview', (event) => event.preventDefault());
  wc.setWindowOpenHandler(({ url }) => {
    const decision = windowOpenDecision(url, opts.externalHosts);
    if (decision.action === 'external') {
      opts.openExternal(decision.url).catch((e: unknown) => opts.log(`无法在浏览器中打开链接：${String(e)}`));
    } else {
      opts.log(`已阻止打开新窗口：${url}`);
    }
    return { action: 'deny' };
  });
}
