/**
 * “disk full corrupts evidence for good”, through the operations: a photo whose file was
 * truncated under its final hash (what the old store left after a full disk) blocks the dossier;
 * uploading the same photo again repairs the file and the dossier builds. A full disk during an
 * upload is DISK_FULL and records nothing.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { existsSync, readdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { createTestCore, expectFailure, type TestCore } from '../testing/testCore.js';
import { openCase } from '../testing/scenario.js';
import { sampleFields } from '../testing/sampleFields.js';
import { makePng } from '../testing/png.js';
import { BlobStore } from '../store/blobStore.js';
import { nodeFileOps } from '../store/durableFile.js';
import { sha256Hex } from '../store/hashing.js';

let t: TestCore;
let officer: string;
beforeEach(async () => {
  t = await createTestCore();
  officer = await t.login('officer');
});
afterEach(async () => t.close());

const photo = makePng(320, 240, 7);
const upload = (caseId: string) =>
  t.call(officer, 'evidence.add', {
    caseId,
    fileName: '排放口.png',
    contentBase64: photo.toString('base64'),
    description: '排放口',
    takenOn: '2026-03-02',
    kind: 'photo',
  });
const blobFile = (hash: string) => join(t.dir, 'blobs', hash.slice(0, 2), hash.slice(2));

describe('a truncated evidence file', () => {
  it('is repaired by uploading the same photo again, and the dossier builds', async () => {
    const v = await openCase(t, officer, {});
    const caseId = v.state.id;
    const tpl = (await t.call(officer, 'templates.list', {})).find((x) => x.id === 'filing-approval')!;
    await t.call(officer, 'documents.generate', {
      caseId,
      type: 'filing-approval',
      fields: sampleFields(tpl, { today: '2026-03-02' }),
    });
    const first = await upload(caseId);
    // The disk ran full while the old store wrote it: half the photo under the photo's hash.
    writeFileSync(blobFile(first.hash), photo.subarray(0, photo.length / 2));
    const broken = await expectFailure(t.call(officer, 'dossier.build', { caseId }));
    expect(broken.code).toBe('INTEGRITY');
    expect(broken.message).toMatch(/重新上传/);

    const again = await upload(caseId);
    expect(again.hash).toBe(first.hash);
    const dossier = await t.call(officer, 'dossier.build', { caseId });
    expect(dossier.pages).toBeGreaterThan(1);
    expect((await t.call(officer, 'blobs.read', { hash: first.hash })).base64).toBe(photo.toString('base64'));
  }, 120_000);

  it('a full disk during the upload is DISK_FULL: no event, no file, no temporary file', async () => {
    const v = await openCase(t, officer, {});
    const before = (await t.call(officer, 'cases.history', { caseId: v.state.id })).entries.length;
    let calls = 0;
    t.core.services.blobs = new BlobStore(join(t.dir, 'blobs'), t.core.services.db, {
      ...nodeFileOps,
      writeSync: (fd, b, off, len) => {
        if (calls++ > 0) throw Object.assign(new Error('ENOSPC'), { code: 'ENOSPC' });
        return nodeFileOps.writeSync(fd, b, off, Math.floor(len / 3));
      },
    });
    const e = await expectFailure(upload(v.state.id));
    expect(e).toMatchObject({ code: 'DISK_FULL', message: expect.stringMatching(/磁盘空间不足/) });
    expect((await t.call(officer, 'cases.history', { caseId: v.state.id })).entries.length).toBe(before);
    const dir = join(t.dir, 'blobs');
    const files = readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter((f) => f.endsWith('.tmp'));
    expect(files).toEqual([]);
    expect(existsSync(blobFile(sha256Hex(photo)))).toBe(false);
  });
});
