import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { request as httpRequest, type Server } from 'node:http';
import { isAllowedHost, isAllowedOrigin, maxBodyBytes } from './webHost.js';
import { startTestWebHost } from './testWebHost.js';
import { createTestCore, type TestCore } from '#core/testing/testCore.js';

let t: TestCore;
let server: Server;
let url: string;

beforeAll(async () => {
  t = await createTestCore();
  ({ server, url } = await startTestWebHost(t));
});
afterAll(async () => {
  server.close();
  await t.close();
});

const post = (body: string | Uint8Array, headers: Record<string, string> = {}) =>
  fetch(`${url}api`, { method: 'POST', body, headers: { 'Content-Type': 'application/json', ...headers } });
interface ErrorReply {
  ok: false;
  error: { code: string; message: string };
}

/** A raw request (fetch would normalise the path or refuse the body). */
function raw(opts: {
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: () => AsyncIterable<Buffer> | Buffer;
}): Promise<{ status: number; body: string; headers: Record<string, unknown> }> {
  return new Promise((resolve, reject) => {
    const u = new URL(url);
    const req = httpRequest(
      { host: u.hostname, port: u.port, method: opts.method, path: opts.path, headers: opts.headers },
      (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString('utf8'), headers: res.headers }),
        );
        res.on('error', reject);
      },
    );
    // The host may answer and close before the whole body is sent: that is the point of the test.
    req.on('error', (e) => {
      if (!(req as unknown as { res?: unknown }).res) reject(e);
    });
    void (async () => {
      const b = opts.body?.();
      if (!b) return req.end();
      if (Buffer.isBuffer(b)) return req.end(b);
      try {
        for await (const chunk of b) if (!req.write(chunk)) await new Promise((r) => req.once('drain', r));
        req.end();
      } catch {
        /* the host closed the connection once it had answered */
      }
    })();
  });
}

describe('local web host', () => {
  it('answers operations posted to /api', async () => {
    const r = (await (await post(JSON.stringify({ op: 'app.info', input: {} }))).json()) as {
      ok: boolean;
      value: { bureau: { name: string } };
    };
    expect(r.ok).toBe(true);
    expect(r.value.bureau.name).toMatch(/生态环境局/);
  });
  it('turns a malformed body into a Chinese error value', async () => {
    const res = await post('{not json');
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { message: string } }).error.message).toMatch(/请求格式错误/);
  });
  it('serves the app with a strict CSP, and falls back to index.html for client routes', async () => {
    const res = await fetch(`${url}cases/123`);
    expect(res.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
    expect(await res.text()).toContain('案卷');
  });
  it('refuses a request from another site (Origin), and a body that is not JSON (a cross-site form post)', async () => {
    const evil = await post(JSON.stringify({ op: 'app.info', input: {} }), { Origin: 'http://evil.example' });
    expect(evil.status).toBe(403);
    expect(((await evil.json()) as ErrorReply).error.message).toMatch(/不接受来自其他网站的请求/);
    const nullOrigin = await post(JSON.stringify({ op: 'app.info', input: {} }), { Origin: 'null' });
    expect(nullOrigin.status).toBe(403);
    // Another port on the same machine is another origin.
    const port = new URL(url).port;
    expect(
      (await post(JSON.stringify({ op: 'app.info', input: {} }), { Origin: `http://127.0.0.1:${Number(port) + 1}` }))
        .status,
    ).toBe(403);
    // The page the host serves, and scripts (no Origin), are answered.
    const own = await post(JSON.stringify({ op: 'app.info', input: {} }), { Origin: `http://127.0.0.1:${port}` });
    expect(((await own.json()) as { ok: boolean }).ok).toBe(true);
    // A form can post text/plain or urlencoded bodies across sites without a preflight: refused.
    for (const type of ['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x']) {
      const form = await fetch(`${url}api`, {
        method: 'POST',
        body: JSON.stringify({ op: 'app.info', input: {} }),
        headers: { 'Content-Type': type },
      });
      expect(form.status).toBe(415);
      expect(((await form.json()) as ErrorReply).error.message).toMatch(/application\/json/);
    }
    expect(
      (await post(JSON.stringify({ op: 'app.info', input: {} }), { 'Content-Type': 'application/json; charset=utf-8' }))
        .status,
    ).toBe(200);
  });
  it('answers a malformed URL with a Chinese 400, never a 500 or a stack', async () => {
    for (const path of ['/%E0%A4%A', '/%', '/cases/%E0%A4%A?x=1', '/%00']) {
      const r = await raw({ method: 'GET', path });
      expect(r.status, path).toBe(400);
      const body = JSON.parse(r.body) as ErrorReply;
      expect(body.error.code).toBe('VALIDATION');
      expect(body.error.message).toMatch(/网址格式不正确/);
      expect(r.body).not.toMatch(/at |Error|\.ts/);
    }
  });
  it('answers a body over the limit with a Chinese 413 naming the limit, not a reset', async () => {
    expect(maxBodyBytes).toBe(64 * 1024 * 1024);
    const headers = { 'Content-Type': 'application/json', Host: new URL(url).host };
    // Announced by Content-Length: answered before the body is read.
    const big = Buffer.alloc(maxBodyBytes + 1, 0x20);
    const res = await raw({
      method: 'POST',
      path: '/api',
      headers: { ...headers, 'Content-Length': String(big.length) },
      body: () => big,
    });
    expect(res.status).toBe(413);
    expect((JSON.parse(res.body) as ErrorReply).error.message).toMatch(/请求内容过大（不超过64MB）/);
    // Chunked, no length: read incrementally and answered once over the limit.
    async function* chunks() {
      for (let sent = 0; sent <= maxBodyBytes + (1 << 20); sent += 1 << 20) yield Buffer.alloc(1 << 20, 0x20);
    }
    const chunked = await raw({ method: 'POST', path: '/api', headers, body: chunks });
    expect(chunked.status).toBe(413);
    expect((JSON.parse(chunked.body) as ErrorReply).error.code).toBe('REQUEST_TOO_LARGE');
    // The host still answers afterwards.
    expect(((await (await post(JSON.stringify({ op: 'app.info', input: {} }))).json()) as { ok: boolean }).ok).toBe(
      true,
    );
  });
  it('answers laws.search with a NUL byte as a VALIDATION error', async () => {
    const login = (await (
      await post(JSON.stringify({ op: 'session.login', input: { username: 'officer', password: 'officer123' } }))
    ).json()) as { value: { token: string } };
    const r = (await (
      await post(JSON.stringify({ op: 'laws.search', input: { query: '污染\u0000防治' }, token: login.value.token }))
    ).json()) as ErrorReply;
    expect(r.error.code).toBe('VALIDATION');
    expect(r.error.message).toMatch(/控制字符/);
  });
  it('accepts only its own origin', () => {
    expect(isAllowedOrigin(undefined, 4000)).toBe(true);
    expect(isAllowedOrigin('http://127.0.0.1:4000', 4000)).toBe(true);
    expect(isAllowedOrigin('http://localhost:4000', 4000)).toBe(true);
    expect(isAllowedOrigin('http://127.0.0.1:4001', 4000)).toBe(false);
    expect(isAllowedOrigin('https://127.0.0.1:4000', 4000)).toBe(false);
    expect(isAllowedOrigin('null', 4000)).toBe(false);
    expect(isAllowedOrigin('', 4000)).toBe(false);
  });
  it('accepts only its own host name (no DNS rebinding)', () => {
    expect(isAllowedHost('127.0.0.1:4000', 4000)).toBe(true);
    expect(isAllowedHost('localhost:4000', 4000)).toBe(true);
    expect(isAllowedHost('evil.example:4000', 4000)).toBe(false);
    expect(isAllowedHost(undefined, 4000)).toBe(false);
  });
});
