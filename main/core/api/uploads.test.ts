/**
 * An uploaded file waits in the database for its `evidence.add`: a restart of the workstation in
 * between (the clerk's PC after a 2 GB recording) loses nothing, and still only the uploader may add
 * it, and only within a day.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { createTestCore, expectFailure, type TestCore } from '#core/testing/testCore.js';
import { openCase } from '#core/testing/caseRunner.js';

const dirs: string[] = [];
afterEach(() => {
  while (dirs.length) rmSync(dirs.pop()!, { recursive: true, force: true });
});

const pdf = (n: number): Buffer => Buffer.concat([Buffer.from('%PDF-1.7\n'), Buffer.alloc(2000, n)]);

async function upload(t: TestCore, token: string, fileName: string, n: number): Promise<string> {
  const r = await t.core.upload({ fileName, kind: 'office' }, Readable.from([pdf(n)]), token);
  if (!r.ok) throw new Error(r.error.message);
  return r.value.hash;
}

const evidence = (caseId: string, fileName: string, uploadHash: string) => ({
  caseId,
  kind: 'office' as const,
  fileName,
  uploadHash,
  description: '企业提交的整改报告',
  takenOn: '2026-03-02',
});

describe('uploads waiting for 添加证据', () => {
  it('survive a close and reopen of the core, for their uploader only and for a day', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'anjuan-uploads-'));
    dirs.push(dir);
    const first = await createTestCore({ dir });
    let caseId: string, a: string, b: string;
    try {
      const officer = await first.login('officer');
      caseId = (await openCase(first, officer, { officerIds: ['off-01', 'off-03'] })).state.id;
      a = await upload(first, officer, '整改报告.pdf', 1);
      b = await upload(first, officer, '监测报告.pdf', 2);
    } finally {
      await first.close();
    }

    const second = await createTestCore({ dir });
    try {
      const [officer, head] = [await second.login('officer'), await second.login('head')];
      // the head may add evidence to this case, but not a file the officer sent
      expect((await expectFailure(second.call(head, 'evidence.add', evidence(caseId, '整改报告.pdf', a)))).code).toBe(
        'NOT_FOUND',
      );
      const added = await second.call(officer, 'evidence.add', evidence(caseId, '整改报告.pdf', a));
      expect(added).toMatchObject({ hash: a, fileName: '整改报告.pdf', mimeType: 'application/pdf' });
      // named once: the upload is gone from the registry
      expect(
        (await expectFailure(second.call(officer, 'evidence.add', evidence(caseId, '整改报告.pdf', a)))).message,
      ).toMatch(/请重新选择文件上传/);
      // a day and a minute later the other one is asked for again
      second.clock.set('2026-03-03T10:01:00+08:00');
      expect(
        (await expectFailure(second.call(officer, 'evidence.add', evidence(caseId, '监测报告.pdf', b)))).code,
      ).toBe('NOT_FOUND');
    } finally {
      await second.close();
    }
  }, 60_000);
});
