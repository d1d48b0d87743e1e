/**
 * PUT /files/upload on the web host: an evidence file of hundreds of MB streams into the blob store
 * (never whole in memory), then `evidence.add` names it by hash. Refused, with nothing left behind:
 * a sender that goes away, a wrong hash, a file over the limit, a wrong session or role, another site,
 * bytes that are not what the name says; and a hash someone else uploaded.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import { request as httpRequest, type Server } from 'node:http';
import { Readable } from 'node:stream';
import { startTestWebHost } from './testWebHost.js';
import { createTestCore, type TestCore } from '#core/testing/testCore.js';
import { openCase } from '#core/testing/caseRunner.js';
import { uploadUrlPath, type UploadedFile } from '#common/uploads.js';
import { fileUrlPath } from '#common/files.js';
import { makeJpeg } from '#core/testing/photos.js';

let t: TestCore;
let server: Server;
let url: string;
let small: { server: Server; url: string };
let officer: string, head: string, reviewer: string;
let caseId = '';

/** The first bytes of an MP4 (an `ftyp` box), as a 执法记录仪 writes them. */
const ftyp = Buffer.from('000000186674797069736f6d0000020069736f6d69736f32', 'hex');

beforeAll(async () => {
  t = await createTestCore();
  ({ server, url } = await startTestWebHost(t, { files: true, uploads: true }));
  small = await startTestWebHost(t, { uploads: true, uploadLimit: 1024 * 1024 });
  [officer, head, reviewer] = (await Promise.all([t.login('officer'), t.login('head'), t.login('reviewer')])) as [
    string,
    string,
    string,
  ];
  caseId = (await openCase(t, officer, { officerIds: ['off-01', 'off-03'] })).state.id;
}, 60_000);
afterAll(async () => {
  server.close();
  small.server.close();
  await t.close();
});

const blobsDir = (): string => join(t.dir, 'blobs');
const tempFiles = (): string[] => readdirSync(blobsDir()).filter((n) => n.startsWith('.incoming.'));
const stored = (hash: string): boolean => existsSync(join(blobsDir(), hash.slice(0, 2), hash.slice(2)));

interface Answer {
  status: number;
  body: { ok: boolean; value?: UploadedFile; error?: { code: string; message: string } };
}

/** A PUT with a streamed body (`http.request`, as a browser's XHR sends a File: never one buffer). */
function put(
  base: string,
  path: string,
  body: Readable | Buffer,
  headers: Record<string, string | number> = {},
): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const req = httpRequest(`${base.replace(/\/$/, '')}${path}`, { method: 'PUT', headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body: JSON.parse(Buffer.concat(chunks).toString()) }));
    });
    req.on('error', reject);
    if (Buffer.isBuffer(body)) req.end(body);
    else body.pipe(req);
  });
}

const auth = (token: string): Record<string, string> => ({ Authorization: `Bearer ${token}` });
const video = (name = 'rec.mp4') => uploadUrlPath({ fileName: name, kind: 'video' });

/** `mb` MB of MP4: the same 1 MB chunk again and again, so the sender itself holds almost nothing. */
function mp4Stream(mb: number): { stream: Readable; sha256: () => string } {
  const chunk = Buffer.alloc(1024 * 1024, 7);
  ftyp.copy(chunk);
  const digest = createHash('sha256');
  let sent = 0;
  const stream = new Readable({
    read() {
      if (sent === mb) return void this.push(null);
      sent++;
      digest.update(chunk);
      this.push(chunk);
    },
  });
  return { stream, sha256: () => digest.digest('hex') };
}

describe('PUT /files/upload', () => {
  it('streams a 200 MB video into the store with its hash, the host growing by far less than the file', async () => {
    const { stream, sha256 } = mp4Stream(200);
    const before = process.memoryUsage().rss;
    let peak = before;
    const watch = setInterval(() => {
      peak = Math.max(peak, process.memoryUsage().rss);
    }, 20);
    const res = await put(url, video('执法记录仪.mp4'), stream, {
      ...auth(officer),
      'Content-Type': 'application/octet-stream',
      'Content-Length': 200 * 1024 * 1024,
    });
    clearInterval(watch);
    expect(res.status).toBe(200);
    const file = res.body.value!;
    expect(file).toMatchObject({
      size: 200 * 1024 * 1024,
      mimeType: 'video/mp4',
      kind: 'video',
      fileName: '执法记录仪.mp4',
    });
    expect(file.hash).toBe(sha256());
    expect(stored(file.hash)).toBe(true);
    expect(tempFiles()).toEqual([]);
    expect(peak - before).toBeLessThan(100 * 1024 * 1024);

    // evidence.add names it by hash: no bytes in the JSON.
    const record = await t.call(officer, 'evidence.add', {
      caseId,
      kind: 'video',
      fileName: '执法记录仪.mp4',
      uploadHash: file.hash,
      description: '现场执法记录仪录像',
      takenOn: '2026-03-02',
    });
    expect(record).toMatchObject({ hash: file.hash, size: 200 * 1024 * 1024, mimeType: 'video/mp4' });
    const head = await fetch(`${url.replace(/\/$/, '')}${fileUrlPath({ hash: file.hash, caseId })}`, {
      method: 'HEAD',
      headers: auth(officer),
    });
    expect(head.headers.get('content-length')).toBe(String(200 * 1024 * 1024));
  }, 120_000);

  it('keeps nothing of an upload the sender broke off', async () => {
    const chunk = Buffer.alloc(256 * 1024, 1);
    ftyp.copy(chunk);
    const errors: unknown[] = [];
    await new Promise<void>((resolve) => {
      const req = httpRequest(`${url.replace(/\/$/, '')}${video()}`, {
        method: 'PUT',
        headers: { ...auth(officer), 'Content-Length': 50 * 1024 * 1024 },
      });
      req.on('error', (e) => errors.push(e));
      req.on('close', () => resolve());
      req.write(chunk);
      req.write(chunk, () => setTimeout(() => req.destroy(), 100));
    });
    // the host notices the reset, fails the stream, and removes its temporary file
    await expect.poll(() => tempFiles(), { timeout: 5000 }).toEqual([]);
    expect(errors.length).toBeGreaterThan(0);
  });

  it('refuses a file whose hash is not the one the sender named, and keeps nothing', async () => {
    const { stream } = mp4Stream(3);
    const res = await put(url, video(), stream, { ...auth(officer), 'X-Content-SHA256': 'a'.repeat(64) });
    expect(res.status).toBe(422);
    expect(res.body.error).toMatchObject({ code: 'INTEGRITY' });
    expect(res.body.error!.message).toMatch(/校验值不符，未保存/);
    expect(tempFiles()).toEqual([]);
  });

  it('accepts the file when the hash named is the right one', async () => {
    const body = Buffer.concat([ftyp, Buffer.alloc(5000, 3)]);
    const sha = createHash('sha256').update(body).digest('hex');
    const res = await put(url, video(), body, { ...auth(officer), 'X-Content-SHA256': sha });
    expect(res.status).toBe(200);
    expect(res.body.value!.hash).toBe(sha);
  });

  it('refuses a file over the limit, in Chinese: announced (Content-Length) at once, else as it passes the limit', async () => {
    const announced = await put(
      small.url,
      video(),
      Buffer.concat([ftyp, Buffer.alloc(2 * 1024 * 1024)]),
      auth(officer),
    );
    expect(announced.status).toBe(413);
    expect(announced.body.error).toMatchObject({ code: 'FILE_TOO_LARGE' });
    expect(announced.body.error!.message).toMatch(/单个文件不能超过/);
    // chunked: no length announced, refused when the limit is passed
    const { stream } = mp4Stream(3);
    const streamed = await put(small.url, video(), stream, { ...auth(officer), 'Transfer-Encoding': 'chunked' });
    expect(streamed.status).toBe(413);
    expect(streamed.body.error!.message).toMatch(/单个文件不能超过/);
    expect(tempFiles()).toEqual([]);
  });

  it('refuses without a session, with a role that may not add evidence, and from another site', async () => {
    const body = Buffer.concat([ftyp, Buffer.alloc(100)]);
    const none = await put(url, video(), body);
    expect(none.status).toBe(401);
    expect(none.body.error!.code).toBe('NOT_AUTHENTICATED');
    const wrong = await put(url, video(), body, auth('not-a-token'));
    expect(wrong.status).toBe(401);
    const role = await put(url, video(), body, auth(reviewer));
    expect(role.status).toBe(403);
    expect(role.body.error!.code).toBe('FORBIDDEN_ROLE');
    const site = await put(url, video(), body, { ...auth(officer), Origin: 'http://evil.example' });
    expect(site.status).toBe(403);
    expect(site.body.error!.code).toBe('FORBIDDEN_ORIGIN');
  });

  it('refuses bytes that are not what the name and kind say, a bad name or kind, and an empty file', async () => {
    const pdf = await put(url, video('rec.mp4'), Buffer.from('%PDF-1.7\n...'), auth(officer));
    expect(pdf.status).toBe(400);
    expect(pdf.body.error!.message).toMatch(/扩展名/);
    const kind = await put(url, '/files/upload?fileName=a.mp4&kind=poem', Buffer.from(ftyp), auth(officer));
    expect(kind.status).toBe(400);
    expect(kind.body.error!.message).toMatch(/证据类别/);
    const name = await put(url, '/files/upload?kind=video', Buffer.from(ftyp), auth(officer));
    expect(name.body.error!.message).toMatch(/名称/);
    const empty = await put(url, video(), Buffer.alloc(0), auth(officer));
    expect(empty.status).toBe(400);
    expect(empty.body.error!.message).toMatch(/空文件/);
    expect(tempFiles()).toEqual([]);
  });

  it('lets only the user who uploaded a file add it as evidence, under the name and kind it was checked for', async () => {
    const body = Buffer.concat([ftyp, Buffer.alloc(4000, 9)]);
    const res = await put(url, video('b.mp4'), body, auth(officer));
    const hash = res.body.value!.hash;
    const input = {
      caseId,
      kind: 'video' as const,
      fileName: 'b.mp4',
      uploadHash: hash,
      description: '录像',
      takenOn: '2026-03-02',
    };
    // the head may add evidence to the case, but not a file someone else sent
    await expect(t.call(head, 'evidence.add', input)).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(t.call(officer, 'evidence.add', { ...input, kind: 'audio' })).rejects.toMatchObject({
      code: 'VALIDATION',
    });
    // neither the file nor its hash: refused by the schema
    const { uploadHash: _, ...neither } = input;
    await expect(t.call(officer, 'evidence.add', neither)).rejects.toMatchObject({ code: 'VALIDATION' });
    expect((await t.call(officer, 'evidence.add', input)).hash).toBe(hash);
  });

  it('adds an uploaded photo with its thumbnail, and refuses a picture over 30 MB', async () => {
    const jpeg = await makeJpeg(800, 600);
    const res = await put(url, uploadUrlPath({ fileName: '现场.jpg', kind: 'photo' }), jpeg, auth(officer));
    expect(res.body.value).toMatchObject({ mimeType: 'image/jpeg', size: jpeg.length });
    const record = await t.call(officer, 'evidence.add', {
      caseId,
      kind: 'photo',
      fileName: '现场.jpg',
      uploadHash: res.body.value!.hash,
      description: '现场',
      takenOn: '2026-03-02',
    });
    const thumb = await fetch(
      `${url.replace(/\/$/, '')}${fileUrlPath({ hash: record.hash, caseId, variant: 'thumb' })}`,
      {
        headers: auth(officer),
      },
    );
    expect(thumb.status).toBe(200);
    expect(Number(thumb.headers.get('content-length'))).toBeLessThan(jpeg.length);
    // over the pictures' own limit (they are read whole later): refused while it arrives
    const big = Buffer.concat([jpeg, Buffer.alloc(31 * 1024 * 1024)]);
    const b = await put(url, uploadUrlPath({ fileName: 'big.jpg', kind: 'photo' }), big, auth(officer));
    expect(b.status).toBe(413);
    expect(b.body.error!.message).toMatch(/图片不能超过30MB/);
    expect(tempFiles()).toEqual([]);
  });
});
