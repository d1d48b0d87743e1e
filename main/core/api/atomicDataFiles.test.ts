/**
 * calendar.import, procedures.import and templates.import on a disk that fills up half-way
 * through the write. node:fs is replaced (for this file only) by one that, while `diskFull` is on,
 * writes half of what it is given and then fails with ENOSPC — the way a full disk truncates a file.
 * Each import answers DISK_FULL, leaves the previous file (or none) and no temporary file, and the
 * workstation starts again afterwards.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';

const disk = vi.hoisted(() => ({ full: false }));
vi.mock('node:fs', async (importOriginal) => {
  const fs = await importOriginal<typeof import('node:fs')>();
  const enospc = () => Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
  const halfThenFull = new Set<number>();
  const writeSync = ((fd: number, buffer: Uint8Array, offset?: number, length?: number, position?: number | null) => {
    if (!disk.full) return (fs.writeSync as (...a: unknown[]) => number)(fd, buffer, offset, length, position);
    if (halfThenFull.has(fd)) throw enospc();
    halfThenFull.add(fd);
    const len = length ?? buffer.length - (offset ?? 0);
    return fs.writeSync(fd, buffer, offset ?? 0, Math.floor(len / 2));
  }) as typeof fs.writeSync;
  const writeFileSync = ((file: string, data: string | Uint8Array, options?: unknown) => {
    if (!disk.full) return (fs.writeFileSync as (...a: unknown[]) => void)(file, data, options);
    const bytes = typeof data === 'string' ? Buffer.from(data) : data;
    fs.writeFileSync(file, bytes.subarray(0, Math.floor(bytes.length / 2)));
    throw enospc();
  }) as typeof fs.writeFileSync;
  return { ...fs, default: { ...fs, writeSync, writeFileSync }, writeSync, writeFileSync };
});

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createTestCore, expectFailure, type TestCore } from '../testing/testCore.js';
import { createCore } from '../core.js';
import { templatesDir } from '../paths.js';
import { loadManifest } from '../documents/manifest.js';
import { shippedDefinitionJson } from '../testing/shippedProcedures.js';

let t: TestCore;
let head: string;
beforeEach(async () => {
  disk.full = false;
  t = await createTestCore();
  head = await t.login('head');
});
afterEach(async () => {
  disk.full = false;
  await t.close();
});

const year = (source: string) => ({
  year: 2031,
  source,
  holidays: [['2031-01-01', '2031-01-01', '元旦']] as Array<[string, string, string]>,
  workdays: [],
});
const tmpFiles = (rel: string) => readdirSync(join(t.dir, rel)).filter((f) => f.endsWith('.tmp'));

/** The data directory opens again: nothing set aside, nothing broken. */
async function restarts(): Promise<void> {
  await t.core.close();
  const again = await createCore({ dataDir: t.dir, clock: t.clock, demo: true });
  try {
    expect(again.services.dataFileWarnings).toEqual([]);
  } finally {
    await again.close();
  }
  t = { ...t, close: async () => undefined };
}

describe('imports on a full disk', () => {
  it('calendar.import: DISK_FULL, the year loaded before stays whole, the workstation starts again', async () => {
    await t.call(head, 'calendar.import', { calendar: year('第一次载入') });
    const file = join(t.dir, 'calendars', 'cn-2031.json');
    const before = readFileSync(file, 'utf8');
    disk.full = true;
    const e = await expectFailure(t.call(head, 'calendar.import', { calendar: year('第二次载入（磁盘已满）') }));
    disk.full = false;
    expect(e.code).toBe('DISK_FULL');
    expect(readFileSync(file, 'utf8')).toBe(before);
    expect(tmpFiles('calendars')).toEqual([]);
    expect((await t.call(head, 'calendar.list', {})).years.find((y) => y.year === 2031)).toMatchObject({
      source: '第一次载入',
    });
    await restarts();
  });

  it('procedures.import: DISK_FULL, no file, the version is not in use, the workstation starts again', async () => {
    const def = {
      ...shippedDefinitionJson('ordinary@2026.2'),
      version: '2026.10',
    };
    disk.full = true;
    const e = await expectFailure(t.call(head, 'procedures.import', { definition: def }));
    disk.full = false;
    expect(e.code).toBe('DISK_FULL');
    expect(readdirSync(join(t.dir, 'procedures'))).toEqual([]);
    expect(t.core.services.procedures.has('ordinary@2026.10')).toBe(false);
    await restarts();
  });

  it('templates.import: DISK_FULL, no truncated .docx becomes the version in use', async () => {
    const template = loadManifest().find((x) => x.id === 'filing-approval')!;
    const bytes = readFileSync(join(templatesDir(), template.file));
    disk.full = true;
    const e = await expectFailure(
      t.call(head, 'templates.import', {
        type: 'filing-approval',
        fileName: 'a.docx',
        contentBase64: bytes.toString('base64'),
      }),
    );
    disk.full = false;
    expect(e.code).toBe('DISK_FULL');
    expect(readdirSync(join(t.dir, 'templates', 'filing-approval'))).toEqual([]);
    expect(await t.call(head, 'templates.versions', { type: 'filing-approval' })).toEqual([
      { version: template.version, source: 'bundled' },
    ]);
    await restarts();
  });
});
