/**
 * Who may read a stored file (security audit: `blobs.read` took any hash from any logged-in user),
 * and thumbnails. officer2 (李娜, off-02) is not on a case opened with 张伟 and 王强.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import sharp from 'sharp';
import { createTestCore, expectFailure, type TestCore } from '../testing/testCore.js';
import { openCase } from '../testing/caseRunner.js';
import { makePng } from '../testing/png.js';
import { makeSealPng } from '../testing/sealPng.js';
import { makeJpeg, varyJpeg } from '../testing/photos.js';
import { FileRefs } from '../store/fileRefs.js';
import { maxBlobReadBytes } from './handlers/documents.js';
import { referencedHashes } from '#core/application/fileAccess.js';
import type { CaseState } from '#common/schemas/cases.js';

let t: TestCore;
let officer: string, officer2: string, head: string, reviewer: string, admin: string;
let caseId = '',
  otherCaseId = '';
let photoHash = '',
  otherPhotoHash = '';
let photo: Buffer;

async function read(token: string | null, request: unknown) {
  const r = await t.core.file(request, token);
  return r.ok
    ? { ok: true as const, hash: r.value.hash, mimeType: r.value.mimeType, size: r.value.size, bytes: r.value.bytes() }
    : r;
}

beforeAll(async () => {
  t = await createTestCore();
  [officer, officer2, head, reviewer, admin] = (await Promise.all(
    ['officer', 'officer2', 'head', 'reviewer', 'admin'].map((u) => t.login(u)),
  )) as [string, string, string, string, string];
  caseId = (await openCase(t, officer, { officerIds: ['off-01', 'off-03'] })).state.id;
  otherCaseId = (await openCase(t, officer2, { officerIds: ['off-01', 'off-02'] })).state.id;
  photo = varyJpeg(await makeJpeg(1600, 1200), 1);
  photoHash = (
    await t.call(officer, 'evidence.add', {
      caseId,
      kind: 'photo',
      fileName: '排放口.jpg',
      contentBase64: photo.toString('base64'),
      description: '排放口',
      takenOn: '2026-03-02',
    })
  ).hash;
  otherPhotoHash = (
    await t.call(officer2, 'evidence.add', {
      caseId: otherCaseId,
      kind: 'photo',
      fileName: 'b.png',
      contentBase64: makePng(64, 48, 2).toString('base64'),
      description: '厂区',
      takenOn: '2026-03-02',
    })
  ).hash;
}, 60_000);
afterAll(async () => t?.close());

describe('who may read a file', () => {
  it('the case officer reads the photo as bytes through its case, the reviewer and the head through any case of the bureau', async () => {
    for (const token of [officer, reviewer, head]) {
      const r = await read(token, { hash: photoHash, caseId });
      expect(r).toMatchObject({ ok: true, hash: photoHash, mimeType: 'image/jpeg', size: photo.length });
      expect(r.ok && Buffer.compare(r.bytes, photo)).toBe(0);
    }
    // Without naming the case: found among the cases the user may see.
    expect(await read(head, { hash: photoHash })).toMatchObject({ ok: true });
    expect(await read(officer, { hash: photoHash })).toMatchObject({ ok: true });
  });

  it('an officer not on the case is refused in Chinese, whether he names the case, his own case or none (failed before: blobs.read gave any hash)', async () => {
    for (const request of [
      { hash: photoHash, caseId },
      { hash: photoHash, caseId: otherCaseId },
      { hash: photoHash },
      { hash: photoHash, caseId, variant: 'thumb' },
    ]) {
      const r = await read(officer2, request);
      expect(r, JSON.stringify(request)).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_CASE' } });
      expect(!r.ok && r.error.message).toMatch(/不是案件.*承办人员|此文件不属于案件|无权读取此文件/);
    }
    for (const input of [{ hash: photoHash }, { hash: photoHash, caseId }, { hash: photoHash, caseId: otherCaseId }]) {
      const e = await expectFailure(t.call(officer2, 'blobs.read', input));
      expect(e.code).toBe('FORBIDDEN_CASE');
      expect(e.message).toMatch(/第四十二条/);
    }
    // The administrator manages accounts, not cases.
    expect(await read(admin, { hash: photoHash })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_CASE' } });
  });

  it('a file of another case is not read through one the user may see', async () => {
    const r = await read(officer, { hash: otherPhotoHash, caseId });
    expect(r).toMatchObject({
      ok: false,
      error: { code: 'FORBIDDEN_CASE', message: expect.stringMatching(/此文件不属于案件/) },
    });
    // …but through its own case, where 张伟 is an officer too.
    expect(await read(officer, { hash: otherPhotoHash, caseId: otherCaseId })).toMatchObject({ ok: true });
  });

  it('without a session, with a bad request or for an unknown case: a clear error value, never a throw', async () => {
    expect(await read(null, { hash: photoHash, caseId })).toMatchObject({
      ok: false,
      error: { code: 'NOT_AUTHENTICATED' },
    });
    expect(await read('not-a-session', { hash: photoHash, caseId })).toMatchObject({
      ok: false,
      error: { code: 'NOT_AUTHENTICATED' },
    });
    for (const bad of [
      null,
      {},
      { hash: 'abc' },
      { hash: '../../etc/passwd' },
      { hash: photoHash, variant: 'big' },
      { hash: photoHash, caseId: '../c' },
    ]) {
      expect(await read(officer, bad), JSON.stringify(bad)).toMatchObject({
        ok: false,
        error: { code: 'VALIDATION', message: expect.stringMatching(/文件请求格式不正确/) },
      });
    }
    expect(await read(officer, { hash: photoHash, caseId: 'no-such-case' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
  });

  it('a generated document and its PDF are read through the case (the PDF as a file made from the DOCX)', async () => {
    const refs = new FileRefs(t.core.services.db);
    const docx = t.core.services.blobs.put(
      Buffer.from('docx bytes'),
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    const pdf = t.core.services.blobs.put(Buffer.from('%PDF-1.7 made from it'), 'application/pdf');
    t.core.services.db
      .prepare('INSERT INTO derived_pdfs (docx_hash, engine, pdf_hash, pages) VALUES (?, ?, ?, 1)')
      .run(photoHash, 'test', pdf);
    expect(refs.sourcesOf(pdf)).toEqual([photoHash]);
    expect(await read(officer, { hash: pdf, caseId })).toMatchObject({ ok: true, mimeType: 'application/pdf' });
    expect(await read(officer2, { hash: pdf })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_CASE' } });
    // A stored file no case refers to is nobody's to read.
    expect(await read(head, { hash: docx })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_CASE' } });
  });

  it('the bureau seal image is readable by every user (本局设置 is open to all), not only through a case', async () => {
    const seal = (await t.call(head, 'settings.setSeal', { pngBase64: makeSealPng(300).toString('base64') })).seal.hash;
    for (const token of [officer2, admin, reviewer])
      expect(await read(token, { hash: seal }), token).toMatchObject({ ok: true, mimeType: 'image/png' });
    expect((await t.call(officer2, 'blobs.read', { hash: seal })).mimeType).toBe('image/png');
    await t.call(head, 'settings.clearSeal', {});
    expect(await read(officer2, { hash: seal })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_CASE' } });
  });

  it('blobs.read is bounded: a file over 16 MB is refused in Chinese and pointed to the screens', async () => {
    expect((await t.call(officer, 'blobs.read', { hash: photoHash, caseId })).base64).toBe(photo.toString('base64'));
    const size = vi.spyOn(t.core.services.blobs, 'size').mockReturnValueOnce(maxBlobReadBytes + 1);
    try {
      const e = await expectFailure(t.call(officer, 'blobs.read', { hash: photoHash, caseId }));
      expect(e.code).toBe('FILE_TOO_LARGE');
      expect(e.message).toMatch(/不超过16MB.*请在界面中查看或下载/);
    } finally {
      size.mockRestore();
    }
  });

  it('referencedHashes finds every hash a case names, however deep, and nothing else', () => {
    const a = 'a'.repeat(64),
      b = 'b'.repeat(64),
      c = 'c'.repeat(64);
    const state = {
      evidence: [{ hash: a, fileName: 'x' }],
      documents: [{ docxHash: b, finalised: { pdfHash: c } }],
      summary: 'd'.repeat(64),
      other: { hash: 'short' },
    };
    expect(referencedHashes(state as unknown as CaseState)).toEqual(new Set([a, b, c]));
  });
});

describe('thumbnails', () => {
  it('are made when a photo is added: a JPEG of at most 320 px, read through the photo’s case', async () => {
    const r = await read(officer, { hash: photoHash, caseId, variant: 'thumb' });
    expect(r).toMatchObject({ ok: true, mimeType: 'image/jpeg' });
    if (!r.ok) return;
    expect(r.hash).not.toBe(photoHash);
    expect(r.size).toBeLessThan(60_000);
    const meta = await sharp(r.bytes).metadata();
    expect([meta.format, meta.width, meta.height]).toEqual(['jpeg', 320, 240]);
    // The thumbnail by its own hash: a file made from a photo of the case.
    expect(await read(officer, { hash: r.hash, caseId })).toMatchObject({ ok: true });
    expect(await read(officer2, { hash: r.hash })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN_CASE' } });
  });

  it('a photo added before thumbnails existed gets one on its first request; a PNG gets one on white', async () => {
    t.core.services.db.prepare('DELETE FROM thumbnails').run();
    const r = await read(officer, { hash: otherPhotoHash, caseId: otherCaseId, variant: 'thumb' });
    expect(r).toMatchObject({ ok: true, mimeType: 'image/jpeg' });
    expect(new FileRefs(t.core.services.db).thumbnail(otherPhotoHash)).toMatchObject({ width: 64, height: 48 });
  });

  it('a thumbnail that cannot be made never breaks the page: the photo itself is served', async () => {
    const make = vi
      .spyOn(t.core.services.thumbnails as unknown as { make: () => Promise<never> }, 'make')
      .mockRejectedValue(new Error('no libvips'));
    const log = vi.spyOn(console, 'warn').mockImplementation(() => {});
    try {
      t.core.services.db.prepare('DELETE FROM thumbnails').run();
      const r = await read(officer, { hash: photoHash, caseId, variant: 'thumb' });
      expect(r).toMatchObject({ ok: true, hash: photoHash, mimeType: 'image/jpeg', size: photo.length });
      expect(log).toHaveBeenCalledWith(expect.stringMatching(/无法生成照片缩略图/));
    } finally {
      make.mockRestore();
      log.mockRestore();
    }
  });
});
