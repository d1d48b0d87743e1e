/**
 * 20 camera photos (4000×3000) in one case, added through the web host and read back through it and
 * through the desktop app's IPC path, with the memory this costs bounded (security audit: 25 photos
 * took the host to 4.6 GB, 50 killed it). The 200-photo figure is `npm run bench photos`.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Server } from 'node:http';
import { runInNewContext } from 'node:vm';
import { startTestWebHost } from '../../main/host/testWebHost.js';
import { createTestCore, type TestCore } from '#core/testing/testCore.js';
import { makeJpeg } from '#core/testing/photos.js';
import { addPhotos, api, ipcRelay, peakRssDuring, readBackIpc, readBackWeb, rssMb } from './photoLoad.js';

const photos = 20;
let t: TestCore;
let server: Server;
let url: string;
let token = '';
let caseId = '';
let hashes: string[] = [];
let photo: Buffer;

beforeAll(async () => {
  t = await createTestCore();
  ({ server, url } = await startTestWebHost(t, { files: true }));
  token = (await api<{ token: string }>(url, null, 'session.login', { username: 'officer', password: 'officer123' }))
    .token;
  const [ent] = await api<Array<{ id: string }>>(url, token, 'enterprises.search', { query: '天柱', limit: 1 });
  caseId = (
    await api<{ state: { id: string } }>(url, token, 'cases.open', {
      enterpriseId: ent!.id,
      violationId: 'air-over-standard-emission',
      officerIds: ['off-01', 'off-03'],
      discoveredOn: '2026-03-02',
      filedOn: '2026-03-02',
      source: '现场检查',
      summary: '现场检查发现该公司废气排放口颗粒物浓度超过排放标准。',
      requestId: 'req-photo-load',
    })
  ).state.id;
  photo = await makeJpeg();
}, 120_000);
afterAll(async () => {
  server?.close();
  await t?.close();
});

describe(`${photos} photos of 4000×3000 in one case`, () => {
  it('are added through the web host (POST /api, Base64 within its bound), each with a thumbnail', async () => {
    expect(photo.length).toBeGreaterThan(2_000_000);
    const t0 = performance.now();
    hashes = await addPhotos(url, token, caseId, photo, photos, '2026-03-02');
    expect(new Set(hashes).size).toBe(photos);
    expect(performance.now() - t0).toBeLessThan(30_000);
    const view = await api<{ state: { evidence: unknown[] } }>(url, token, 'cases.get', { caseId });
    expect(view.state.evidence).toHaveLength(photos);
    expect(t.core.services.db.prepare('SELECT COUNT(*) AS n FROM thumbnails').get()).toEqual({ n: photos });
  }, 120_000);

  it('are read back through GET /files/… as streams, every one checked, the host growing by < 600 MB', async () => {
    const before = rssMb();
    const t0 = performance.now();
    const { result, peakMb } = await peakRssDuring(() => readBackWeb(url, token, caseId, hashes));
    expect(result.files).toBe(photos);
    expect(result.bytes).toBe(
      photos * photo.length + hashes.reduce((n, _h, i) => n + `anjuan test photo ${i}`.length + 4, 0),
    );
    // Thumbnails, not originals, for the 证据 tab: a few tens of KB each.
    expect(result.thumbBytes / photos).toBeLessThan(60_000);
    expect(performance.now() - t0).toBeLessThan(20_000);
    expect(peakMb - before).toBeLessThan(600);
  }, 60_000);

  it('are read back through the desktop app’s IPC path as bytes (ipc.ts → coreProcess.ts → utility.ts), growing by < 600 MB', async () => {
    const relay = ipcRelay(t.core);
    const before = rssMb();
    const t0 = performance.now();
    const { result, peakMb } = await peakRssDuring(() => readBackIpc(relay, token, caseId, hashes));
    expect(result.files).toBe(photos);
    expect(result.thumbBytes / photos).toBeLessThan(60_000);
    expect(performance.now() - t0).toBeLessThan(20_000);
    expect(peakMb - before).toBeLessThan(600);
    // An officer not on the case gets the core's refusal over the same path, in Chinese.
    const other = (
      await api<{ token: string }>(url, null, 'session.login', { username: 'officer2', password: 'officer123' })
    ).token;
    expect(await relay.read({ hash: hashes[0]!, caseId }, other)).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN_CASE' },
    });
  }, 60_000);

  it('leaves JSON.stringify native in the host (pdf.js’s polyfill made every reply ~100× slower)', () => {
    const realToString = runInNewContext('Function.prototype.toString') as (this: unknown) => string;
    expect(realToString.call(JSON.stringify)).toMatch(/\{\s*\[native code\]\s*\}$/);
  });
});
