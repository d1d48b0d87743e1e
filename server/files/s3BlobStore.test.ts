/**
 * Case files in an S3-compatible bucket (an in-process fake that checks SigV4 signatures), through the real
 * tus route and a real server (embedded PostgreSQL): the partial upload stays on disk and resumes, the whole
 * file lands in the bucket under `<prefix>ab/cdef…` and nowhere on disk, comes back byte for byte, is not
 * sent twice, and a bucket that fails or lost it answers as the route always does. The settings are read from
 * the environment, a half-given one is refused by name, and a bucket out of reach stops the start.
 */
import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readConfig } from '../config.js';
import { startServer } from '../start.js';
import { startFakeS3, type FakeS3 } from '../testing/fakeS3.js';
import { adminToken, enrolDevice, type EnrolledDevice } from '../testing/fixtures.js';
import { startTestServer, type TestServer } from '../testing/testServer.js';
import { blobPath } from './fileRoutes.js';
import { s3BlobStore, type S3Settings } from './s3BlobStore.js';

const county = '522627';
const sha = (b: Uint8Array) => createHash('sha256').update(b).digest('hex');
const meta = (hash: string) =>
  `sha256 ${Buffer.from(hash).toString('base64')},type ${Buffer.from('video/mp4').toString('base64')}`;

let fake: FakeS3;
let server: TestServer;
let province: string;
let desk: EnrolledDevice;
let sameBureau: EnrolledDevice;

const settings = (f: FakeS3, extra: Partial<S3Settings> = {}): S3Settings => ({
  endpoint: f.url,
  bucket: f.bucket,
  region: f.region,
  accessKeyId: f.accessKeyId,
  secretAccessKey: f.secretAccessKey,
  prefix: 'anjuan/files/',
  ...extra,
});
const puts = () => fake.log.filter((l) => l.startsWith('PUT ')).length;
const uploads = () => readdirSync(join(server.filesDir, 'uploads'));

function tus(method: string, path: string, token: string, headers: Record<string, string>, body?: Buffer) {
  return fetch(server.url + path, {
    method,
    headers: { authorization: `Bearer ${token}`, 'tus-resumable': '1.0.0', ...headers },
    body,
  });
}

/** One whole upload in a single request (creation with upload), as a desk's small file goes up. */
async function uploadAtOnce(d: EnrolledDevice, bytes: Buffer): Promise<Response> {
  return tus(
    'POST',
    '/api/files/uploads',
    d.credential,
    {
      'upload-length': String(bytes.length),
      'upload-metadata': meta(sha(bytes)),
      'content-type': 'application/offset+octet-stream',
    },
    bytes,
  );
}

beforeAll(async () => {
  fake = await startFakeS3();
  server = await startTestServer({ fileStore: s3BlobStore(settings(fake)) });
  province = await adminToken(server);
  desk = await enrolDevice(server, province, county, '执法一科工作站');
  sameBureau = await enrolDevice(server, province, county, '局长室工作站');
}, 120_000);

afterAll(async () => {
  await server?.close();
  await fake?.close();
});

describe('case files in an S3-compatible bucket', () => {
  const video = randomBytes(3 * 1024 * 1024 + 17);
  const hash = sha(video);
  const key = `anjuan/files/${hash.slice(0, 2)}/${hash.slice(2)}`;

  it('a cut upload resumes from the partial file on disk; the whole file goes to the bucket, not to disk', async () => {
    const create = await tus('POST', '/api/files/uploads', desk.credential, {
      'upload-length': String(video.length),
      'upload-metadata': meta(hash),
    });
    expect(create.status).toBe(201);
    const location = create.headers.get('location')!;
    const part = (offset: number, bytes: Buffer) =>
      tus(
        'PATCH',
        location,
        desk.credential,
        { 'upload-offset': String(offset), 'content-type': 'application/offset+octet-stream' },
        bytes,
      );
    const half = 1024 * 1024;
    expect((await part(0, video.subarray(0, half))).status).toBe(204);
    // Partial: on this server's disk, nothing in the bucket yet; the offset is there to resume from.
    expect(uploads()).toContain(`${desk.deviceId}-${hash}`);
    expect(puts()).toBe(0);
    const head = await tus('HEAD', location, desk.credential, {});
    expect(head.headers.get('upload-offset')).toBe(String(half));
    expect((await part(half, video.subarray(half))).status).toBe(204);

    expect(fake.objects.get(key)?.equals(video)).toBe(true);
    expect(puts()).toBe(1);
    expect(existsSync(blobPath(server.filesDir, hash))).toBe(false);
    expect(uploads()).toEqual([]);
    const row = (await server.pool.query('SELECT size, mime_type FROM files WHERE sha256 = $1', [hash])).rows[0];
    expect(row).toEqual({ size: String(video.length), mime_type: 'video/mp4' });
  });

  it('downloads back byte for byte with its hash, streamed from the bucket', async () => {
    const res = await fetch(`${server.url}/api/sync/files/${hash}`, {
      headers: { authorization: `Bearer ${sameBureau.credential}` },
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('video/mp4');
    expect(res.headers.get('content-length')).toBe(String(video.length));
    const back = Buffer.from(await res.arrayBuffer());
    expect(sha(back)).toBe(hash);
    expect(back.equals(video)).toBe(true);
  });

  it('the same content uploaded again (another desk, another bureau) is not sent to the bucket twice', async () => {
    const before = puts();
    expect((await uploadAtOnce(sameBureau, video)).status).toBe(201);
    const elsewhere = await enrolDevice(server, province, '520102', '南明分局工作站');
    expect((await uploadAtOnce(elsewhere, video)).status).toBe(201);
    expect(puts()).toBe(before);
    expect(fake.log.filter((l) => l.startsWith(`HEAD /${fake.bucket}/${key}`)).length).toBeGreaterThanOrEqual(2);
    const bureaus = await server.pool.query('SELECT bureau_id FROM file_bureaus WHERE sha256 = $1 ORDER BY 1', [hash]);
    expect(bureaus.rows.map((r) => r.bureau_id)).toEqual(['520102', county]);
    expect(uploads()).toEqual([]);
  });

  it('a file the bucket lost answers as any file the server does not have', async () => {
    const lost = Buffer.from('询问笔录扫描件（第二页）');
    expect((await uploadAtOnce(desk, lost)).status).toBe(201);
    const lostKey = `anjuan/files/${sha(lost).slice(0, 2)}/${sha(lost).slice(2)}`;
    expect(fake.objects.delete(lostKey)).toBe(true);
    const r = await server.request('GET', `/api/sync/files/${sha(lost)}`, { token: desk.credential });
    expect(r.status).toBe(404);
    expect(r.body.error).toMatchObject({ code: 'NOT_FOUND', message: '服务器上没有本单位的这个文件' });
  });

  it('a bucket that refuses the file: the upload is refused as the server’s fault and nothing is kept half-done', async () => {
    const bytes = Buffer.from('现场照片：排污口（重新拍摄）');
    const secret = fake.secretAccessKey;
    fake.secretAccessKey = 'rotated-by-the-cloud';
    try {
      const refused = await uploadAtOnce(desk, bytes);
      expect(refused.status).toBe(500);
      expect(((await refused.json()) as { error: unknown }).error).toMatchObject({
        code: 'INTERNAL',
        message: expect.stringContaining('下次同步时将重新上传'),
      });
    } finally {
      fake.secretAccessKey = secret;
    }
    // No finished upload left for the desk to mistake for a stored one: a HEAD finds nothing, it starts again.
    expect(uploads()).toEqual([]);
    expect((await server.pool.query('SELECT 1 FROM files WHERE sha256 = $1', [sha(bytes)])).rowCount).toBe(0);
    const head = await tus('HEAD', `/api/files/uploads/${desk.deviceId}-${sha(bytes)}`, desk.credential, {});
    expect(head.status).toBe(404);
    expect((await uploadAtOnce(desk, bytes)).status).toBe(201);
    expect(fake.objects.has(`anjuan/files/${sha(bytes).slice(0, 2)}/${sha(bytes).slice(2)}`)).toBe(true);
  });

  it('a PUT streams the file from disk with its length, never the file read into memory', async () => {
    const sent: Array<{ body: unknown; length: string | null }> = [];
    const spy: typeof fetch = (url, init) => {
      if (init?.method === 'PUT')
        sent.push({ body: init.body, length: new Headers(init.headers).get('content-length') });
      return fetch(url, init);
    };
    const store = s3BlobStore(settings(fake, { prefix: '' }), spy);
    const dir = mkdtempSync(join(tmpdir(), 'anjuan-s3-put-'));
    try {
      const bytes = randomBytes(256 * 1024);
      writeFileSync(join(dir, 'finished'), bytes);
      expect(await store.putFile(sha(bytes), join(dir, 'finished'))).toBe(true);
      expect(sent).toHaveLength(1);
      expect(sent[0]!.body).toBeInstanceOf(Readable);
      expect(sent[0]!.length).toBe(String(bytes.length));
      expect(await store.size(sha(bytes))).toBe(bytes.length);
      expect(await store.has(sha(bytes))).toBe(true);
      expect(await store.putFile(sha(bytes), join(dir, 'finished'))).toBe(false);
      expect(sent).toHaveLength(1);
      expect(await store.read(sha(Buffer.from('absent')))).toBeNull();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('a notice’s attachment goes to the same bucket and comes down from it', async () => {
    const file = Buffer.from('关于开展冬季大气污染防治专项检查的通知（附件）\n', 'utf8');
    const published = await server.request('POST', '/api/notices', {
      token: province,
      body: {
        title: '专项检查通知',
        body: '请各分局按期完成。',
        audience: [county],
        attachments: [{ name: '附件.txt', type: 'text/plain', contentBase64: file.toString('base64') }],
      },
    });
    expect(published.status, JSON.stringify(published.body)).toBe(201);
    expect(fake.objects.get(`anjuan/files/${sha(file).slice(0, 2)}/${sha(file).slice(2)}`)?.equals(file)).toBe(true);
    const got = await fetch(`${server.url}/api/sync/notices/files/${sha(file)}`, {
      headers: { authorization: `Bearer ${desk.credential}` },
    });
    expect(got.status).toBe(200);
    expect(Buffer.from(await got.arrayBuffer()).equals(file)).toBe(true);
  });
});

describe('the bucket’s settings', () => {
  const full = {
    ANJUAN_S3_ENDPOINT: 'https://oss.gz-gov.example:9000/',
    ANJUAN_S3_BUCKET: 'anjuan-files',
    ANJUAN_S3_ACCESS_KEY_ID: 'AKID',
    ANJUAN_S3_SECRET_ACCESS_KEY: 'secret',
  };

  it('are read from the environment; without an endpoint files stay on disk', () => {
    expect(readConfig({}).fileStore).toEqual({ kind: 'disk' });
    expect(readConfig({ ...full, ANJUAN_S3_PREFIX: '/anjuan/files' }).fileStore).toEqual({
      kind: 's3',
      endpoint: 'https://oss.gz-gov.example:9000',
      bucket: 'anjuan-files',
      region: 'us-east-1',
      accessKeyId: 'AKID',
      secretAccessKey: 'secret',
      prefix: 'anjuan/files/',
    });
    expect(readConfig({ ...full, ANJUAN_S3_REGION: 'cn-southwest-2' }).fileStore).toMatchObject({
      region: 'cn-southwest-2',
      prefix: '',
    });
  });

  it('half given are refused at start, in Chinese, naming what is missing or wrong', () => {
    const { ANJUAN_S3_SECRET_ACCESS_KEY: _s, ANJUAN_S3_BUCKET: _b, ...partial } = full;
    expect(() => readConfig(partial)).toThrow(
      '已设置 ANJUAN_S3_ENDPOINT，但缺少 ANJUAN_S3_BUCKET、ANJUAN_S3_SECRET_ACCESS_KEY',
    );
    expect(() => readConfig({ ANJUAN_S3_BUCKET: 'anjuan-files' })).toThrow(
      '已设置 ANJUAN_S3_BUCKET，但未设置 ANJUAN_S3_ENDPOINT',
    );
    expect(() => readConfig({ ...full, ANJUAN_S3_ENDPOINT: 'oss.example' })).toThrow(/ANJUAN_S3_ENDPOINT 应为/);
    expect(() => readConfig({ ...full, ANJUAN_S3_BUCKET: 'Anjuan_Files' })).toThrow(
      /ANJUAN_S3_BUCKET 不是有效的存储桶名/,
    );
    expect(() => readConfig({ ...full, ANJUAN_S3_PREFIX: 'a/../b' })).toThrow(/ANJUAN_S3_PREFIX/);
  });

  it('a bucket out of reach, missing or refusing the key stops the start before the database starts', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'anjuan-server-s3-'));
    const closed = await new Promise<number>((resolve) => {
      const probe = net.createServer().listen(0, '127.0.0.1', () => {
        const { port } = probe.address() as net.AddressInfo;
        probe.close(() => resolve(port));
      });
    });
    const start = (env: Record<string, string>) =>
      startServer({
        ...readConfig({
          ANJUAN_SERVER_DATA_DIR: dir,
          ANJUAN_S3_ENDPOINT: fake.url,
          ANJUAN_S3_BUCKET: fake.bucket,
          ANJUAN_S3_ACCESS_KEY_ID: fake.accessKeyId,
          ANJUAN_S3_SECRET_ACCESS_KEY: fake.secretAccessKey,
          ...env,
        }),
        port: 0,
      });
    try {
      await expect(start({ ANJUAN_S3_ENDPOINT: `http://127.0.0.1:${closed}` })).rejects.toThrow(
        /^无法连接对象存储 http:\/\/127\.0\.0\.1:\d+：ECONNREFUSED（请核对 ANJUAN_S3_ENDPOINT，并确认网络可达）$/,
      );
      await expect(start({ ANJUAN_S3_BUCKET: 'no-such-bucket' })).rejects.toThrow(/没有存储桶“no-such-bucket”/);
      await expect(start({ ANJUAN_S3_SECRET_ACCESS_KEY: 'wrong' })).rejects.toThrow(
        /拒绝访问存储桶“anjuan-files”（HTTP 403）：请核对 ANJUAN_S3_ACCESS_KEY_ID、ANJUAN_S3_SECRET_ACCESS_KEY/,
      );
      expect(existsSync(join(dir, 'pg'))).toBe(false);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});
