/**
 * The update feed served by the server, read by the workstation's own gate (main/app/updateFeed.ts) over
 * real HTTP: a signed feed published in the server's folder is found and passes; a tampered index is
 * refused by the workstation — the server is not trusted, the signature is.
 */
import { generateKeyPairSync } from 'node:crypto';
import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FeedGate } from '../../main/app/updateFeed.js';
import { signFeed } from '../../scripts/release/signFeed.js';
import { startTestServer, type TestServer } from '../testing/testServer.js';

let s: TestServer;
const { privateKey, publicKey } = generateKeyPairSync('ed25519');
const index =
  'version: 0.3.0\nfiles:\n  - url: anjuan-0.3.0-setup-x64.exe\n    sha512: abc\n    size: 12\npath: anjuan-0.3.0-setup-x64.exe\nsha512: abc\n';

beforeAll(async () => {
  s = await startTestServer();
  mkdirSync(s.updatesDir, { recursive: true });
  writeFileSync(join(s.updatesDir, 'latest.yml'), index);
  writeFileSync(join(s.updatesDir, 'latest-linux.yml'), index.replaceAll('setup-x64.exe', 'amd64.deb'));
  writeFileSync(join(s.updatesDir, 'anjuan-0.3.0-setup-x64.exe'), 'MZ installer');
  signFeed(s.updatesDir, privateKey);
});
afterAll(async () => {
  await s?.close();
});

async function throughGate(name: string): Promise<{ status: number; text: string; refusal: string | null }> {
  const gate = new FeedGate({ publicKey, log: () => undefined });
  try {
    const base = await gate.use({ kind: 'url', location: `${s.url}/updates/` });
    const r = await fetch(new URL(name, base));
    return { status: r.status, text: await r.text(), refusal: gate.lastRefusal };
  } finally {
    await gate.close();
  }
}

describe('the update feed on the server', () => {
  it("is found and verified by the workstation's gate: the signed index and the installer", async () => {
    const idx = await throughGate('latest.yml');
    expect(idx).toMatchObject({ status: 200, text: index, refusal: null });
    const exe = await throughGate('anjuan-0.3.0-setup-x64.exe');
    expect(exe).toMatchObject({ status: 200, text: 'MZ installer' });
    const head = await fetch(`${s.url}/updates/latest.yml`, { method: 'HEAD' });
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe(String(Buffer.byteLength(index)));
  });

  it('serves a tampered index, and the workstation refuses it with the reason in Chinese', async () => {
    appendFileSync(join(s.updatesDir, 'latest-linux.yml'), 'path: evil.deb\n');
    const r = await throughGate('latest-linux.yml');
    expect(r.status).toBe(403);
    expect(r.refusal).toBe('更新文件 latest-linux.yml 的签名不符，可能被改动过，已拒绝');
  });

  it('serves plain file names of its folder only, with a Chinese refusal and no path', async () => {
    for (const path of ['/updates/..%2Fpg-password', '/updates/%2E%2E', '/updates/.sig', '/updates/nope.yml']) {
      const r = await s.request('GET', path);
      expect(r.status).toBe(404);
      expect(r.body.error.code).toBe('NOT_FOUND');
      expect(r.body.error.message).not.toContain(s.updatesDir);
    }
    expect((await s.request('GET', '/updates/')).status).toBe(404);
  });
});
