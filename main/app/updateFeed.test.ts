/**
 * The feed gate: electron-updater reads the update folder or address through it, over
 * loopback HTTP, and it refuses an index (latest*.yml) whose Ed25519 signature is missing or wrong —
 * the signatures made by the release job's script (scripts/release/signFeed.ts).
 */
import { generateKeyPairSync, type KeyObject } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { FeedGate, folderOf, indexSignatureValid, isFeedIndex } from './updateFeed.js';
import { privateKeyFrom, signFeed, writePublicKey } from '../../scripts/release/signFeed.js';
import { createPublicKey } from 'node:crypto';

const index =
  'version: 0.2.0\nfiles:\n  - url: anjuan-0.2.0-setup-x64.exe\n    sha512: abc\n    size: 11\npath: anjuan-0.2.0-setup-x64.exe\nsha512: abc\n';

function keys() {
  const { privateKey, publicKey } = generateKeyPairSync('ed25519');
  return { privateKey, publicKey };
}

/** A feed folder as the release job leaves it: installer, index, and the index's signature. */
function feedFolder(privateKey: KeyObject | null): string {
  const dir = mkdtempSync(join(tmpdir(), 'anjuan-feed-'));
  writeFileSync(join(dir, 'latest.yml'), index);
  writeFileSync(join(dir, 'latest-linux-arm64.yml'), index.replaceAll('setup-x64.exe', 'arm64.deb'));
  writeFileSync(join(dir, 'anjuan-0.2.0-setup-x64.exe'), 'MZ installer');
  if (privateKey) signFeed(dir, privateKey);
  return dir;
}

const gates: FeedGate[] = [];
afterEach(async () => {
  await Promise.all(gates.splice(0).map((g) => g.close()));
});

function gate(publicKey: KeyObject | null, extra: { fetch?: typeof fetch } = {}) {
  const log = vi.fn();
  const g = new FeedGate({ publicKey, log, token: 'tok', ...extra });
  gates.push(g);
  return { g, log };
}

describe('the release script signs what the app checks', () => {
  it('signs every latest*.yml; the key comes from UPDATE_FEED_SIGNING_KEY and must be Ed25519', () => {
    const { privateKey, publicKey } = keys();
    const dir = feedFolder(null);
    const pem = privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
    expect(signFeed(dir, privateKeyFrom({ UPDATE_FEED_SIGNING_KEY: pem }))).toEqual([
      'latest-linux-arm64.yml',
      'latest.yml',
    ]);
    expect(
      indexSignatureValid(
        readFileSync(join(dir, 'latest.yml')),
        readFileSync(join(dir, 'latest.yml.sig'), 'utf8'),
        publicKey,
      ),
    ).toBe(true);
    expect(() => privateKeyFrom({})).toThrow(/UPDATE_FEED_SIGNING_KEY/);
    const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 })
      .privateKey.export({ type: 'pkcs8', format: 'pem' })
      .toString();
    expect(() => privateKeyFrom({ UPDATE_FEED_SIGNING_KEY: rsa })).toThrow(/Ed25519/);
    const out = join(dir, 'update-feed-key.pem');
    writePublicKey(out, privateKey);
    expect(createPublicKey(readFileSync(out, 'utf8')).equals(publicKey)).toBe(true);
  });

  it('a signature does not fit another index, nor another key', () => {
    const a = keys();
    const b = keys();
    const dir = feedFolder(a.privateKey);
    const sig = readFileSync(join(dir, 'latest.yml.sig'), 'utf8');
    expect(indexSignatureValid(Buffer.from(index.replace('0.2.0', '9.9.9')), sig, a.publicKey)).toBe(false);
    expect(indexSignatureValid(Buffer.from(index), sig, b.publicKey)).toBe(false);
    expect(indexSignatureValid(Buffer.from(index), 'not base64 at all', a.publicKey)).toBe(false);
  });
});

describe('FeedGate over a folder', () => {
  it('serves a signed index and the installers, on loopback under its random path', async () => {
    const { privateKey, publicKey } = keys();
    const { g } = gate(publicKey);
    const base = await g.use({ kind: 'folder', location: feedFolder(privateKey) });
    expect(base).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/tok\/$/);
    const yml = await fetch(`${base}latest.yml?noCache=1abc`);
    expect(yml.status).toBe(200);
    expect(await yml.text()).toBe(index);
    const exe = await fetch(`${base}anjuan-0.2.0-setup-x64.exe`);
    expect(exe.headers.get('content-length')).toBe('12');
    expect(await exe.text()).toBe('MZ installer');
    expect((await fetch(`${base}anjuan-0.1.0-setup-x64.exe`)).status).toBe(404);
    expect(g.lastRefusal).toBeNull();
  });

  it('refuses an index without a signature, or with a wrong one, and says why', async () => {
    const { privateKey, publicKey } = keys();
    const dir = feedFolder(null);
    const { g, log } = gate(publicKey);
    const base = await g.use({ kind: 'folder', location: dir });
    expect((await fetch(`${base}latest.yml`)).status).toBe(403);
    expect(g.lastRefusal).toBe('更新文件 latest.yml 没有签名（缺少 latest.yml.sig），已拒绝');
    signFeed(dir, privateKey);
    writeFileSync(join(dir, 'latest.yml'), index.replace('sha512: abc', 'sha512: evil')); // swapped after signing
    expect((await fetch(`${base}latest.yml`)).status).toBe(403);
    expect(g.lastRefusal).toBe('更新文件 latest.yml 的签名不符，可能被改动过，已拒绝');
    expect(log).toHaveBeenCalledWith(g.lastRefusal);
    // Signed by someone else's key: refused too.
    signFeed(dir, keys().privateKey);
    expect((await fetch(`${base}latest.yml`)).status).toBe(403);
  });

  it('without a key built in, passes indexes on unchecked (the updater logs that)', async () => {
    const { g } = gate(null);
    const base = await g.use({ kind: 'folder', location: feedFolder(null) });
    expect((await fetch(`${base}latest.yml`)).status).toBe(200);
  });

  it('serves nothing but plain file names of the folder, only to GET and HEAD, only under its path', async () => {
    const { privateKey, publicKey } = keys();
    const parent = mkdtempSync(join(tmpdir(), 'anjuan-feed-parent-'));
    writeFileSync(join(parent, 'secret.txt'), 'secret');
    const dir = join(parent, 'feed');
    mkdirSync(dir);
    writeFileSync(join(dir, 'latest.yml'), index);
    signFeed(dir, privateKey);
    const { g } = gate(publicKey);
    const base = await g.use({ kind: 'folder', location: dir });
    const port = new URL(base).port;
    for (const path of [
      '/tok/..%2Fsecret.txt',
      '/tok/%2e%2e/secret.txt',
      '/tok/../secret.txt',
      '/tok/sub/latest.yml',
      '/other/latest.yml',
      '/latest.yml',
      '/tok/.hidden',
    ]) {
      const r = await fetch(`http://127.0.0.1:${port}${path}`);
      expect(r.status, path).not.toBe(200);
      expect(await r.text(), path).not.toContain('secret');
    }
    expect((await fetch(`${base}latest.yml`, { method: 'POST', body: 'x' })).status).toBe(405);
    expect((await fetch(`${base}latest.yml`, { method: 'HEAD' })).status).toBe(200);
  });

  it('a file: URL names a folder too', async () => {
    const { privateKey, publicKey } = keys();
    const dir = feedFolder(privateKey);
    expect(folderOf({ kind: 'folder', location: pathToFileURL(dir).href })).toBe(dir);
    const { g } = gate(publicKey);
    const base = await g.use({ kind: 'folder', location: `${pathToFileURL(dir).href}/` });
    expect((await fetch(`${base}latest.yml`)).status).toBe(200);
  });

  it('a missing folder (the stick is not plugged in) is a 404, not a crash', async () => {
    const { g } = gate(keys().publicKey);
    const base = await g.use({ kind: 'folder', location: join(tmpdir(), 'anjuan-no-such-stick') });
    expect((await fetch(`${base}latest.yml`)).status).toBe(404);
  });
});

describe('FeedGate over an address', () => {
  it('fetches the index, its signature and the installers from the address, and checks the signature', async () => {
    const { privateKey, publicKey } = keys();
    const dir = feedFolder(privateKey);
    const asked: string[] = [];
    const upstream = (async (url: URL | string) => {
      const u = String(url);
      asked.push(u);
      const name = decodeURIComponent(u.slice('http://192.168.1.20/anjuan/'.length));
      try {
        return new Response(readFileSync(join(dir, name)), { status: 200 });
      } catch {
        return new Response('no', { status: 404 });
      }
    }) as typeof fetch;
    const { g } = gate(publicKey, { fetch: upstream });
    const base = await g.use({ kind: 'url', location: 'http://192.168.1.20/anjuan/' });
    expect(await (await fetch(`${base}latest.yml`)).text()).toBe(index);
    expect(asked).toEqual(['http://192.168.1.20/anjuan/latest.yml', 'http://192.168.1.20/anjuan/latest.yml.sig']);
    expect(await (await fetch(`${base}anjuan-0.2.0-setup-x64.exe`)).text()).toBe('MZ installer');
    writeFileSync(join(dir, 'latest.yml'), `${index}# changed\n`);
    expect((await fetch(`${base}latest.yml`)).status).toBe(403);
  });

  it('an address that cannot be reached answers 502, logged in Chinese', async () => {
    const { g, log } = gate(keys().publicKey, {
      fetch: (async () => {
        throw new Error('getaddrinfo ENOTFOUND');
      }) as typeof fetch,
    });
    const base = await g.use({ kind: 'url', location: 'https://anjuan-update.example.gov.cn/' });
    expect((await fetch(`${base}latest.yml`)).status).toBe(502);
    expect(log).toHaveBeenCalledWith('读取更新文件失败：getaddrinfo ENOTFOUND');
  });
});

describe('isFeedIndex', () => {
  it('knows the indexes electron-builder writes', () => {
    for (const n of ['latest.yml', 'latest-linux.yml', 'latest-linux-arm64.yml']) expect(isFeedIndex(n), n).toBe(true);
    for (const n of ['latest.yml.sig', 'anjuan-0.2.0-setup-x64.exe', 'latest.yaml', '../latest.yml'])
      expect(isFeedIndex(n), n).toBe(false);
  });
});
