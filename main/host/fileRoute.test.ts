/**
 * GET /files/… on the web host (security audit): files as bytes with their type and length, the
 * session in `Authorization: Bearer`, the same Host/Origin checks as /api, who may read a file
 * decided by the core (officer2 is not on the case), and a damaged file never arriving whole.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { request as httpRequest, type Server } from 'node:http';
import { startTestWebHost } from './testWebHost.js';
import { createTestCore, type TestCore } from '#core/testing/testCore.js';
import { openCase } from '#core/testing/caseRunner.js';
import { makeJpeg, varyJpeg } from '#core/testing/photos.js';
import { fileUrlPath } from '#common/files.js';

let t: TestCore;
let server: Server;
let url: string;
let officer: string, officer2: string;
let caseId = '';
let photo: Buffer;
let hash = '';

beforeAll(async () => {
  t = await createTestCore();
  ({ server, url } = await startTestWebHost(t, { files: true }));
  [officer, officer2] = (await Promise.all([t.login('officer'), t.login('officer2')])) as [string, string];
  caseId = (await openCase(t, officer, { officerIds: ['off-01', 'off-03'] })).state.id;
  photo = varyJpeg(await makeJpeg(1200, 900), 7);
  hash = (
    await t.call(officer, 'evidence.add', {
      caseId,
      kind: 'photo',
      fileName: 'p.jpg',
      contentBase64: photo.toString('base64'),
      description: '现场',
      takenOn: '2026-03-02',
    })
  ).hash;
}, 60_000);
afterAll(async () => {
  server.close();
  await t.close();
});

const get = (path: string, token: string | null, headers: Record<string, string> = {}, method = 'GET') =>
  fetch(`${url.replace(/\/$/, '')}${path}`, {
    method,
    headers: { ...(token ? { Authorization: `Bearer ${token}` } : {}), ...headers },
  });

interface ErrorBody {
  ok: false;
  error: { code: string; message: string };
}

describe('GET /files/<hash>', () => {
  it('sends the file as bytes with its type and length: no Base64, no JSON, not cached, inert if opened alone', async () => {
    const res = await get(fileUrlPath({ hash, caseId }), officer);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/jpeg');
    expect(res.headers.get('content-length')).toBe(String(photo.length));
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('cache-control')).toMatch(/no-store/);
    expect(res.headers.get('content-security-policy')).toMatch(/default-src 'none'; sandbox/);
    expect(Buffer.compare(Buffer.from(await res.arrayBuffer()), photo)).toBe(0);
  });

  it('answers HEAD with the headers only, and ignores Range (the whole file, 200)', async () => {
    const head = await get(fileUrlPath({ hash, caseId }), officer, {}, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.headers.get('content-length')).toBe(String(photo.length));
    expect((await head.arrayBuffer()).byteLength).toBe(0);
    const ranged = await get(fileUrlPath({ hash, caseId }), officer, { Range: 'bytes=0-99' });
    expect(ranged.status).toBe(200);
    expect((await ranged.arrayBuffer()).byteLength).toBe(photo.length);
  });

  it('serves the thumbnail: a small JPEG', async () => {
    const res = await get(fileUrlPath({ hash, caseId, variant: 'thumb' }), officer);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/jpeg');
    const bytes = Buffer.from(await res.arrayBuffer());
    expect(bytes.length).toBeLessThan(60_000);
    expect(bytes.subarray(0, 3)).toEqual(Buffer.from([0xff, 0xd8, 0xff]));
  });

  it('401 without a session, 403 FORBIDDEN_CASE for an officer not on the case, in Chinese (failed before: any user read any hash)', async () => {
    const none = await get(fileUrlPath({ hash, caseId }), null);
    expect(none.status).toBe(401);
    expect(((await none.json()) as ErrorBody).error).toMatchObject({ code: 'NOT_AUTHENTICATED', message: '请先登录' });
    for (const path of [
      fileUrlPath({ hash, caseId }),
      fileUrlPath({ hash }),
      fileUrlPath({ hash, caseId, variant: 'thumb' }),
    ]) {
      const res = await get(path, officer2);
      expect(res.status, path).toBe(403);
      expect(res.headers.get('content-type')).toMatch(/application\/json/);
      const body = (await res.json()) as ErrorBody;
      expect(body.error.code).toBe('FORBIDDEN_CASE');
      expect(body.error.message).toMatch(/[\u4e00-\u9fff]/);
      expect(body.error.message).not.toMatch(/\/tmp|blobs\//);
    }
  });

  it('400 for a bad hash or variant, 404 for an unknown case or a file not stored', async () => {
    for (const path of [
      '/files/abc',
      `/files/${hash}?variant=big`,
      `/files/${hash}?caseId=..%2F..`,
      '/files/..%2F..%2Fetc%2Fpasswd',
    ]) {
      const res = await get(path, officer);
      expect(res.status, path).toBe(400);
      expect(((await res.json()) as ErrorBody).error.code).toBe('VALIDATION');
    }
    expect((await get(fileUrlPath({ hash, caseId: 'no-such-case' }), officer)).status).toBe(404);
  });

  it('refuses another site (Origin) and a foreign Host, like /api', async () => {
    const res = await get(fileUrlPath({ hash, caseId }), officer, { Origin: 'http://evil.example' });
    expect(res.status).toBe(403);
    expect(((await res.json()) as ErrorBody).error.code).toBe('FORBIDDEN_ORIGIN');
    const u = new URL(url);
    const status = await new Promise<number>((resolve, reject) => {
      httpRequest(
        {
          host: u.hostname,
          port: u.port,
          path: fileUrlPath({ hash, caseId }),
          headers: { Host: 'evil.example', Authorization: `Bearer ${officer}` },
        },
        (r) => {
          r.resume();
          resolve(r.statusCode ?? 0);
        },
      )
        .on('error', reject)
        .end();
    });
    expect(status).toBe(403);
  });

  it('a damaged file is broken off, never delivered whole (the hash is checked on the way)', async () => {
    const file = join(t.dir, 'blobs', hash.slice(0, 2), hash.slice(2));
    const good = readFileSync(file);
    const bad = Buffer.from(good);
    bad[bad.length - 10] = bad[bad.length - 10]! ^ 0xff;
    writeFileSync(file, bad);
    const errors: unknown[] = [];
    const logged = console.error;
    console.error = (...args: unknown[]) => {
      errors.push(args);
    };
    try {
      const res = await get(fileUrlPath({ hash, caseId }), officer);
      expect(res.status).toBe(200); // the headers went out before the end of the file was read
      await expect(res.arrayBuffer()).rejects.toThrow();
      expect(String(errors[0])).toMatch(/文件发送中断/);
    } finally {
      console.error = logged;
      writeFileSync(file, good);
    }
  });
});
