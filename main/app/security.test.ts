import { describe, expect, it, vi } from 'vitest';
import {
  contentSecurityPolicy,
  hardenSession,
  hardenWebContents,
  isSameOrigin,
  navigationAllowed,
  windowOpenDecision,
  withCsp,
  type SessionLike,
  type WebContentsLike,
} from './security.js';

const app = 'app://anjuan';
const print = 'app://print';

describe('content security policy', () => {
  it('is the strict policy of docs/security.md', () => {
    expect(contentSecurityPolicy).toBe(
      "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; " +
        "font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; object-src 'none'; frame-src 'none'",
    );
    expect(contentSecurityPolicy).not.toMatch(/unsafe-eval|script-src[^;]*unsafe-inline|\*/);
  });

  it('replaces a policy the response carried, whatever the header case', () => {
    const out = withCsp({
      'content-security-policy': ['default-src *'],
      'CONTENT-SECURITY-POLICY': ['x'],
      'Content-Type': ['text/html'],
    });
    expect(out).toEqual({ 'Content-Type': ['text/html'], 'Content-Security-Policy': [contentSecurityPolicy] });
  });
});

describe('origins', () => {
  it('matches the app scheme by scheme and host only', () => {
    expect(isSameOrigin('app://anjuan/index.html', app)).toBe(true);
    expect(isSameOrigin('app://anjuan/cases/1?x=1#y', app)).toBe(true);
    expect(isSameOrigin('app://print/index.html', app)).toBe(false);
    expect(isSameOrigin('app://anjuan.evil.com/', app)).toBe(false);
    expect(isSameOrigin('app://anjuan@evil/', app)).toBe(false);
    expect(isSameOrigin('app://x:anjuan@evil/', app)).toBe(false);
    expect(isSameOrigin('file:///C:/anjuan/index.html', app)).toBe(false);
    expect(isSameOrigin('https://anjuan/', app)).toBe(false);
    expect(isSameOrigin('about:blank', app)).toBe(false);
    expect(isSameOrigin('', app)).toBe(false);
    expect(isSameOrigin(null, app)).toBe(false);
    expect(isSameOrigin('not a url', app)).toBe(false);
  });

  it('compares http(s) by full origin, port included', () => {
    expect(isSameOrigin('http://127.0.0.1:47800/x', 'http://127.0.0.1:47800')).toBe(true);
    expect(isSameOrigin('http://127.0.0.1:47801/x', 'http://127.0.0.1:47800')).toBe(false);
  });
});

describe('navigation', () => {
  const origins = [app, print];
  it('stays inside the origin the page already shows', () => {
    expect(navigationAllowed('app://anjuan/index.html#/cases', 'app://anjuan/index.html', origins)).toBe(true);
  });
  it('never leaves for a remote site, a file or another app origin', () => {
    for (const target of [
      'https://example.com/',
      'http://127.0.0.1/',
      'file:///etc/passwd',
      'app://print/index.html',
      'javascript:alert(1)',
      'data:text/html,<script>1</script>',
      'app://evil/',
      'chrome://settings',
    ]) {
      expect(navigationAllowed(target, 'app://anjuan/index.html', origins), target).toBe(false);
    }
  });
  it('refuses when the current page is not an app page (e.g. about:blank opener tricks)', () => {
    expect(navigationAllowed('app://anjuan/index.html', 'about:blank', origins)).toBe(false);
    expect(navigationAllowed('app://anjuan/index.html', 'https://evil.example/', origins)).toBe(false);
  });
});

describe('window.open', () => {
  it('denies everything when the allow-list is empty', () => {
    expect(windowOpenDecision('https://www.mee.gov.cn/', [])).toEqual({ action: 'deny' });
    expect(windowOpenDecision('app://anjuan/index.html', [])).toEqual({ action: 'deny' });
  });
  it('opens allow-listed https hosts externally, nothing else', () => {
    const hosts = ['www.mee.gov.cn'];
    expect(windowOpenDecision('https://www.mee.gov.cn/law', hosts)).toEqual({
      action: 'external',
      url: 'https://www.mee.gov.cn/law',
    });
    expect(windowOpenDecision('http://www.mee.gov.cn/law', hosts)).toEqual({ action: 'deny' });
    expect(windowOpenDecision('https://www.mee.gov.cn.evil.com/', hosts)).toEqual({ action: 'deny' });
    expect(windowOpenDecision('https://www.mee.gov.cn@evil.com/', hosts)).toEqual({ action: 'deny' });
    expect(windowOpenDecision('https://user@www.mee.gov.cn/', hosts)).toEqual({ action: 'deny' });
    expect(windowOpenDecision('file:///C:/Windows/system32/calc.exe', hosts)).toEqual({ action: 'deny' });
    expect(windowOpenDecision('::::', hosts)).toEqual({ action: 'deny' });
  });
});

function fakeWebContents(url: string) {
  const listeners = new Map<string, (e: never) => void>();
  let openHandler: ((d: { url: string }) => { action: 'deny' }) | null = null;
  const wc: WebContentsLike = {
    getURL: () => url,
    on: ((event: string, l: (e: never) => void) => {
      listeners.set(event, l);
    }) as WebContentsLike['on'],
    setWindowOpenHandler: (h) => {
      openHandler = h;
    },
  };
  const fire = (event: string, target?: string): boolean => {
    const e = {
      url: target ?? '',
      prevented: false,
      preventDefault() {
        this.prevented = true;
      },
    };
    listeners.get(event)?.(e as never);
    return e.prevented;
  };
  return { wc, fire, open: (u: string) => openHandler!({ url: u }) };
}

describe('hardenWebContents', () => {
  it('blocks foreign navigation and redirects, webviews, and every window.open', async () => {
    const openExternal = vi.fn(async () => {});
    const log = vi.fn();
    const { wc, fire, open } = fakeWebContents('app://anjuan/index.html');
    hardenWebContents(wc, { appOrigins: [app, print], externalHosts: ['www.mee.gov.cn'], openExternal, log });
    expect(fire('will-navigate', 'https://evil.example/')).toBe(true);
    expect(fire('will-redirect', 'https://evil.example/')).toBe(true);
    expect(fire('will-navigate', 'app://anjuan/index.html#/x')).toBe(false);
    expect(fire('will-attach-webview')).toBe(true);
    expect(open('https://evil.example/')).toEqual({ action: 'deny' });
    expect(open('https://www.mee.gov.cn/a')).toEqual({ action: 'deny' });
    expect(openExternal).toHaveBeenCalledExactlyOnceWith('https://www.mee.gov.cn/a');
    expect(log).toHaveBeenCalled();
  });
});

describe('hardenSession', () => {
  it('sets the CSP on every response and denies every permission', () => {
    let headers:
      | ((
          d: { responseHeaders?: Record<string, string[]> },
          cb: (r: { responseHeaders: Record<string, string | string[]> }) => void,
        ) => void)
      | null = null;
    let request: ((wc: unknown, p: string, cb: (g: boolean) => void) => void) | null = null;
    let check: ((wc: unknown, p: string) => boolean) | null = null;
    let device: (() => boolean) | null = null;
    const ses: SessionLike = {
      webRequest: {
        onHeadersReceived: (l) => {
          headers = l;
        },
      },
      setPermissionRequestHandler: (h) => {
        request = h;
      },
      setPermissionCheckHandler: (h) => {
        check = h;
      },
      setDevicePermissionHandler: (h) => {
        device = h;
      },
    };
    hardenSession(ses, () => {});
    const got: Record<string, string | string[]>[] = [];
    headers!({ responseHeaders: { 'Content-Security-Policy': ['default-src *'] } }, (r) => got.push(r.responseHeaders));
    headers!({}, (r) => got.push(r.responseHeaders));
    expect(got).toEqual([
      { 'Content-Security-Policy': [contentSecurityPolicy] },
      { 'Content-Security-Policy': [contentSecurityPolicy] },
    ]);
    for (const p of ['media', 'geolocation', 'notifications', 'clipboard-read', 'openExternal', 'fullscreen']) {
      const cb = vi.fn();
      request!(null, p, cb);
      expect(cb).toHaveBeenCalledWith(false);
      expect(check!(null, p)).toBe(false);
    }
    expect(device!()).toBe(false);
  });
});
