/**
 * Evidence files in on the desktop: the page gets a name, a size and an id for a file chosen in the
 * system dialog, never its path; the core process reads the file from disk as a stream (utility.ts)
 * and checks the session and the bytes; an unknown or used id, or a cancelled dialog, is answered.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Reply } from '#common/client.js';
import type { PickedFile } from '#common/bridge.js';
import type { UploadedFile } from '#common/uploads.js';
import { answer } from '../host/utility.js';
import { createTestCore, type TestCore } from '#core/testing/testCore.js';
import { createUploads } from './uploads.js';

let t: TestCore;
let officer: string;
const dir = mkdtempSync(join(tmpdir(), 'anjuan-pick-'));
const videoPath = join(dir, '执法记录仪.mp4');
const ftyp = Buffer.from('000000186674797069736f6d0000020069736f6d69736f32', 'hex');

beforeAll(async () => {
  t = await createTestCore();
  officer = await t.login('officer');
  writeFileSync(videoPath, Buffer.concat([ftyp, Buffer.alloc(3 * 1024 * 1024, 5)]));
}, 60_000);
afterAll(() => t.close());

/** The shell's uploads over the real utility-process transport and a test core. */
function shell(chosen: string | null) {
  const filters: unknown[] = [];
  const uploads = createUploads({
    choose: async (_title, filter) => {
      filters.push(filter);
      return chosen ? { path: chosen, size: 1 } : null;
    },
    upload: async (path, meta, token) => {
      const sent: { reply: Reply<unknown> }[] = [];
      const port = { on: () => undefined, postMessage: (m: unknown) => void sent.push(m as { reply: Reply<unknown> }) };
      await answer({ id: 1, upload: { path, meta, token } }, Promise.resolve(t.core), port, {
        log: () => undefined,
        exit: () => undefined,
      });
      return sent[0]!.reply;
    },
  });
  return { uploads, filters };
}

describe('desktop uploads', () => {
  it('gives the page a name and an id, never the path, and the core reads the file from disk', async () => {
    const { uploads, filters } = shell(videoPath);
    const picked = (await uploads.pick({ kind: 'video' })) as { ok: true; value: PickedFile };
    expect(picked.value.fileName).toBe('执法记录仪.mp4');
    expect(JSON.stringify(picked)).not.toContain(dir);
    expect(filters[0]).toMatchObject({ extensions: expect.arrayContaining(['mp4', 'mov']) });
    const r = (await uploads.upload({ pickId: picked.value.pickId, kind: 'video', token: officer })) as {
      ok: true;
      value: UploadedFile;
    };
    expect(r.value).toMatchObject({ size: 3 * 1024 * 1024 + ftyp.length, mimeType: 'video/mp4', kind: 'video' });
    // used once: the id is forgotten
    const again = await uploads.upload({ pickId: picked.value.pickId, kind: 'video', token: officer });
    expect(again).toMatchObject({ ok: false, error: { code: 'NOT_FOUND' } });
  });

  it('answers a cancelled dialog with null, and refuses an unknown id, a bad kind and a wrong session', async () => {
    expect(await shell(null).uploads.pick({ kind: 'video' })).toEqual({ ok: true, value: null });
    const { uploads } = shell(videoPath);
    expect(await uploads.pick({ kind: 'poem' })).toMatchObject({ ok: false, error: { code: 'VALIDATION' } });
    expect(await uploads.upload({ pickId: 'nope', kind: 'video', token: officer })).toMatchObject({
      ok: false,
      error: { code: 'NOT_FOUND' },
    });
    const picked = (await uploads.pick({ kind: 'video' })) as { ok: true; value: PickedFile };
    expect(await uploads.upload({ pickId: picked.value.pickId, kind: 'video', token: 'bad' })).toMatchObject({
      ok: false,
      error: { code: 'NOT_AUTHENTICATED' },
    });
    // as audio the same bytes are refused by the core (an MP4 is not a recording kind's format)
    expect(await uploads.upload({ pickId: picked.value.pickId, kind: 'audio', token: officer })).toMatchObject({
      ok: false,
      error: { code: 'VALIDATION' },
    });
  });

  it('says so when the chosen file disappeared before the upload', async () => {
    const { uploads } = shell(join(dir, 'gone.mp4'));
    const picked = (await uploads.pick({ kind: 'video' })) as { ok: true; value: PickedFile };
    const r = await uploads.upload({ pickId: picked.value.pickId, kind: 'video', token: officer });
    expect(r).toMatchObject({ ok: false, error: { code: 'NOT_FOUND', message: expect.stringMatching(/重新选择/) } });
  });
});
