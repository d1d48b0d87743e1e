import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Server } from 'node:http';
import { isAllowedHost, startWebHost } from './webHost.js';
import { createTestCore, type TestCore } from '../core/testing/testCore.js';

let t: TestCore;
let server: Server;
let url: string;

beforeAll(async () => {
  t = await createTestCore();
  const staticDir = mkdtempSync(join(tmpdir(), 'anjuan-static-'));
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>案卷</title>');
  ({ server, url } = await startWebHost({ port: 0, staticDir, dispatch: (e) => t.core.dispatch(e) }));
});
afterAll(async () => {
  server.close();
  await t.close();
});

const post = (body: string, headers: Record<string, string> = {}) => fetch(`${url}api`, { method: 'POST', body, headers });

describe('local web host', () => {
  it('answers operations posted to /api', async () => {
    const r = await (await post(JSON.stringify({ op: 'app.info', input: {} }))).json() as { ok: boolean; value: { bureau: { name: string } } };
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
  it('accepts only its own host name (no DNS rebinding)', () => {
    expect(isAllowedHost('127.0.0.1:4000', 4000)).toBe(true);
    expect(isAllowedHost('localhost:4000', 4000)).toBe(true);
    expect(isAllowedHost('evil.example:4000', 4000)).toBe(false);
    expect(isAllowedHost(undefined, 4000)).toBe(false);
  });
});
