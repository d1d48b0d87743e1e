/**
 * Case files between desks through the real provincial server (embedded PostgreSQL, HTTP on loopback):
 * a photo goes up with its case and comes down on the other desk with its hash checked; a 50 MB upload
 * cut mid-body by a loopback proxy resumes where it stopped; the server refuses bytes that do not have
 * their hash, and a device cannot touch another's upload or read another bureau's file.
 */
import { createHash, randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import net from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestServer, type TestServer } from '../../../server/testing/testServer.js';
import { addUser, adminToken, enrolDevice, userPassword } from '../../../server/testing/fixtures.js';
import { blobPath } from '../../../server/files/fileRoutes.js';
import { createTestCore, type TestCore } from '../testing/testCore.js';
import { openCase } from '../testing/caseRunner.js';
import { makePng } from '../testing/png.js';
import { officerIdOf } from '../store/syncUsers.js';
import { upload } from './files.js';
import { enrolWithServer } from '../../../server/testing/enrolWithServer.js';

const county = '522627';
const today = '2026-12-07';
let server: TestServer;
let province: string;
let proxy: Proxy;
const users = { zhang: '', li: '' };
const cores: TestCore[] = [];

/** A loopback TCP proxy in front of the server that counts the bytes going up and can cut a connection. */
interface Proxy {
  url: string;
  /** Bytes sent up since the last reset. */
  sent: number;
  /** Cut the next connection that has carried this many bytes up (once). */
  cutAfter: number | null;
  cuts: number;
  close(): Promise<void>;
}

async function startProxy(target: URL): Promise<Proxy> {
  const sockets = new Set<net.Socket>();
  const p: Proxy = { url: '', sent: 0, cutAfter: null, cuts: 0, close: async () => undefined };
  const srv = net.createServer((client) => {
    const up = net.connect(Number(target.port), target.hostname);
    sockets.add(client).add(up);
    let carried = 0;
    client.on('data', (chunk: Buffer) => {
      carried += chunk.length;
      p.sent += chunk.length;
      if (p.cutAfter !== null && carried >= p.cutAfter) {
        p.cutAfter = null;
        p.cuts++;
        client.destroy();
        up.destroy();
        return;
      }
      up.write(chunk);
    });
    up.on('data', (chunk: Buffer) => client.write(chunk));
    const end = () => {
      client.destroy();
      up.destroy();
    };
    client.on('error', end).on('close', end);
    up.on('error', end).on('close', end);
  });
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const addr = srv.address() as net.AddressInfo;
  p.url = `http://127.0.0.1:${addr.port}`;
  p.close = () =>
    new Promise((r) => {
      for (const s of sockets) s.destroy();
      srv.close(() => r());
    });
  return p;
}

async function desk(name: string): Promise<TestCore> {
  const t = await createTestCore({ today, core: { sync: { fileRetryDelays: [50, 200] } } });
  cores.push(t);
  await enrolWithServer(t, server, province, name, proxy.url);
  return t;
}

const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');

beforeAll(async () => {
  server = await startTestServer();
  proxy = await startProxy(new URL(server.url));
  province = await adminToken(server);
  users.zhang = await addUser(server, province, county, 'zhang.wei', ['officer'], '贵环执字522627101');
  users.li = await addUser(server, province, county, 'li.na', ['officer'], '贵环执字522627102');
}, 120_000);

afterAll(async () => {
  for (const t of cores) await t.close();
  await proxy?.close();
  await server?.close();
});

describe('case files through the server', () => {
  it('a photo goes up with its case and comes down on the other desk, its hash checked on both ends', async () => {
    const a = await desk('执法一科工作站');
    const b = await desk('局长室工作站');
    const officer = await a.login('zhang.wei', userPassword);
    const view = await openCase(a, officer, {
      officerIds: [officerIdOf(users.zhang), officerIdOf(users.li)],
      discoveredOn: '2026-12-01',
      filedOn: '2026-12-02',
    });
    const png = makePng(80, 60, 7);
    const ev = await a.call(officer, 'evidence.add', {
      caseId: view.state.id,
      kind: 'photo',
      fileName: '排污口.png',
      contentBase64: png.toString('base64'),
      description: '排污口现状',
      takenOn: today,
    });
    const hash = (ev as { hash: string }).hash;
    expect(hash).toBe(sha(png));
    const r = await a.core.services.sync.round();
    expect(r).toMatchObject({ ok: true });
    expect(a.core.services.sync.status().changes.join()).toMatch(/已上传案件文件\d+个/);
    const row = (await server.pool.query('SELECT size, mime_type FROM files WHERE sha256 = $1', [hash])).rows[0];
    expect(row).toMatchObject({ size: String(png.length), mime_type: 'image/png' });
    expect(sha(readFileSync(blobPath(server.filesDir, hash)))).toBe(hash);

    expect(b.core.services.blobs.has(hash)).toBe(false);
    expect(await b.core.services.sync.round()).toMatchObject({ ok: true });
    expect(b.core.services.blobs.get(hash).equals(png)).toBe(true);
    expect(b.core.services.blobs.mimeType(hash)).toBe('image/png');
    expect(b.core.services.sync.status().changes.join()).toMatch(/已下载案件文件\d+个/);
    // Known on both ends now: the next round moves nothing.
    const before = proxy.sent;
    await a.core.services.sync.round();
    expect(proxy.sent - before).toBeLessThan(20_000);
  });

  it('a 50 MB upload cut mid-body resumes where it stopped; the bytes sent again are fewer than the file', async () => {
    const a = cores[0]!;
    const video = randomBytes(50 * 1024 * 1024);
    const hash = a.core.services.blobs.put(video, 'video/mp4');
    const s = a.core.services.sync;
    const e = s.store.enrolment()!;
    const link = { serverUrl: e.serverUrl, deviceId: e.deviceId, credential: e.credential, fetch, retryDelays: [] };
    const parts = { services: a.core.services, store: s.store, events: s.events, records: s.records };
    proxy.cutAfter = 20 * 1024 * 1024;
    proxy.sent = 0;
    await expect(upload(link, parts, hash)).rejects.toThrow('下次同步时从中断处继续');
    expect(proxy.cuts).toBe(1);
    const firstTime = proxy.sent;
    expect(firstTime).toBeGreaterThan(10 * 1024 * 1024);
    proxy.sent = 0;
    expect(await upload(link, parts, hash)).toBe(true);
    expect(proxy.sent).toBeLessThan(video.length);
    expect(proxy.sent + firstTime).toBeLessThan(video.length + 10 * 1024 * 1024);
    const row = (await server.pool.query('SELECT size FROM files WHERE sha256 = $1', [hash])).rows[0];
    expect(Number(row.size)).toBe(video.length);
  }, 120_000);

  it('refuses bytes that do not have their hash, another device’s upload, and another bureau’s file', async () => {
    const d = await enrolDevice(server, province, county, '三科');
    const other = await enrolDevice(server, province, '520102', '南明');
    const good = Buffer.from('现场检查笔录扫描件');
    const claimed = sha(good);
    const meta = `sha256 ${Buffer.from(claimed).toString('base64')},type ${Buffer.from('application/pdf').toString('base64')}`;
    const tus = (method: string, path: string, token: string, headers: Record<string, string>, body?: Buffer) =>
      fetch(server.url + path, {
        method,
        headers: { authorization: `Bearer ${token}`, 'tus-resumable': '1.0.0', ...headers },
        body,
      });
    const create = await tus('POST', '/api/files/uploads', d.credential, {
      'upload-length': String(good.length),
      'upload-metadata': meta,
    });
    expect(create.status).toBe(201);
    const location = create.headers.get('location')!;
    expect(location).toContain(`${d.deviceId}-${claimed}`);
    // Another device may not append to it.
    const foreign = await tus(
      'PATCH',
      location,
      other.credential,
      {
        'upload-offset': '0',
        'content-type': 'application/offset+octet-stream',
      },
      good,
    );
    expect(foreign.status).toBe(403);
    const bad = Buffer.from(good);
    bad[0] = bad[0]! ^ 0xff;
    const refused = await tus(
      'PATCH',
      location,
      d.credential,
      {
        'upload-offset': '0',
        'content-type': 'application/offset+octet-stream',
      },
      bad,
    );
    expect(refused.status).toBe(422);
    expect(((await refused.json()) as { error: unknown }).error).toMatchObject({
      code: 'FILE_HASH_MISMATCH',
      message: expect.stringContaining('重新上传'),
    });
    expect((await server.pool.query('SELECT 1 FROM files WHERE sha256 = $1', [claimed])).rowCount).toBe(0);
    // Sent again, right: stored.
    const again = await tus(
      'POST',
      '/api/files/uploads',
      d.credential,
      {
        'upload-length': String(good.length),
        'upload-metadata': meta,
        'content-type': 'application/offset+octet-stream',
      },
      good,
    );
    expect(again.status).toBe(201);
    expect((await server.pool.query('SELECT 1 FROM files WHERE sha256 = $1', [claimed])).rowCount).toBe(1);
    const mine = await server.request('GET', `/api/sync/files/${claimed}`, { token: d.credential });
    expect(mine.status).toBe(200);
    const theirs = await server.request('GET', `/api/sync/files/${claimed}`, { token: other.credential });
    expect(theirs.status).toBe(404);
    expect(theirs.body.error.message).toContain('没有本单位的这个文件');
    const anonymous = await tus('POST', '/api/files/uploads', '', { 'upload-length': '1', 'upload-metadata': meta });
    expect(anonymous.status).toBe(401);
  });
});
