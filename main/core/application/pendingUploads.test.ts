/**
 * The registry of uploads not yet added as evidence, on a real database file: kept across a reopen,
 * per user, for a day, at most 500 per user, the newest name winning, a damaged row ignored.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDatabase, type Db } from '#core/store/db.js';
import type { UploadedFile } from '#common/uploads.js';
import { PendingUploads } from './pendingUploads.js';

const day = 24 * 60 * 60 * 1000;
const t0 = Date.parse('2026-03-02T10:00:00+08:00');

const opened: Db[] = [];
const dirs: string[] = [];
afterEach(() => {
  while (opened.length) opened.pop()!.close();
  while (dirs.length) rmSync(dirs.pop()!, { recursive: true, force: true });
});

function database(dir = mkdtempSync(join(tmpdir(), 'anjuan-pending-'))): { db: Db; dir: string } {
  if (!dirs.includes(dir)) dirs.push(dir);
  const db = openDatabase(join(dir, 'anjuan.sqlite'));
  opened.push(db);
  return { db, dir };
}

const hashOf = (n: number): string => n.toString(16).padStart(64, '0');
const file = (n: number, over: Partial<UploadedFile> = {}): UploadedFile => ({
  hash: hashOf(n),
  size: 1000 + n,
  mimeType: 'video/mp4',
  fileName: `执法记录仪${n}.mp4`,
  kind: 'video',
  ...over,
});

describe('PendingUploads', () => {
  it('keeps an upload across a close and reopen of the database', () => {
    const { db, dir } = database();
    new PendingUploads(db).add('u1', file(1), t0);
    opened.splice(opened.indexOf(db), 1);
    db.close();
    const again = database(dir).db;
    expect(new PendingUploads(again).get('u1', hashOf(1), t0 + 60_000)).toEqual(file(1));
  });

  it('gives a user only his own uploads, and removes only his own', () => {
    const p = new PendingUploads(database().db);
    p.add('u1', file(1), t0);
    expect(p.get('u2', hashOf(1), t0)).toBeNull();
    p.remove('u2', hashOf(1));
    expect(p.get('u1', hashOf(1), t0)).toEqual(file(1));
    p.remove('u1', hashOf(1));
    expect(p.get('u1', hashOf(1), t0)).toBeNull();
  });

  it('refuses an upload older than a day, and drops it at the next upload', () => {
    const { db } = database();
    const p = new PendingUploads(db);
    p.add('u1', file(1), t0);
    expect(p.get('u1', hashOf(1), t0 + day)).toEqual(file(1));
    expect(p.get('u1', hashOf(1), t0 + day + 1)).toBeNull();
    p.add('u2', file(2), t0 + day + 1);
    expect(db.prepare('SELECT hash FROM pending_uploads').pluck().all()).toEqual([hashOf(2)]);
  });

  it('keeps at most 500 per user, dropping the oldest; the same hash again counts as new', () => {
    const { db } = database();
    const p = new PendingUploads(db);
    p.add('u2', file(9999), t0);
    for (let n = 1; n <= 500; n++) p.add('u1', file(n), t0);
    p.add('u1', file(1), t0); // sent again: now the newest, so file 2 is the oldest
    p.add('u1', file(501), t0);
    expect(p.get('u1', hashOf(2), t0)).toBeNull();
    expect(p.get('u1', hashOf(1), t0)).toEqual(file(1));
    expect(p.get('u1', hashOf(3), t0)).toEqual(file(3));
    expect(p.get('u1', hashOf(501), t0)).toEqual(file(501));
    expect(db.prepare("SELECT COUNT(*) FROM pending_uploads WHERE user_id = 'u1'").pluck().get()).toBe(500);
    expect(p.get('u2', hashOf(9999), t0)).toEqual(file(9999));
  });

  it('lets the newest name and kind win for the same hash', () => {
    const p = new PendingUploads(database().db);
    p.add('u1', file(1), t0);
    p.add('u1', file(1, { fileName: '现场录音.mp4', kind: 'audio', mimeType: 'audio/mp4' }), t0 + 1000);
    expect(p.get('u1', hashOf(1), t0 + 1000)).toEqual(
      file(1, { fileName: '现场录音.mp4', kind: 'audio', mimeType: 'audio/mp4' }),
    );
  });

  it('ignores a damaged row instead of failing, and a new upload replaces it', () => {
    const { db } = database();
    const p = new PendingUploads(db);
    const damaged = [
      '{"hash":',
      'null',
      '[]',
      JSON.stringify({ ...file(1), kind: 'poem' }),
      JSON.stringify({ ...file(1), fileName: '../etc/passwd' }),
      JSON.stringify({ ...file(1), hash: hashOf(2) }),
      JSON.stringify({ ...file(1), size: '1001' }),
      JSON.stringify({ ...file(1), mimeType: '' }),
    ];
    for (const json of damaged) {
      p.add('u1', file(1), t0);
      db.prepare('UPDATE pending_uploads SET file_json = ?').run(json);
      expect(p.get('u1', hashOf(1), t0), json).toBeNull();
    }
    p.add('u1', file(1), t0);
    expect(p.get('u1', hashOf(1), t0)).toEqual(file(1));
  });
});
