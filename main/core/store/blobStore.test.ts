/**
 * “disk full corrupts evidence for good”: a short write, a full disk half-way, a truncated
 * file already under its final hash. The file-system calls are injected (FileOps) to fail on cue.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BlobStore } from './blobStore.js';
import { openDatabase, type Db } from './db.js';
import { nodeFileOps, type FileOps } from './durableFile.js';
import { sha256Hex } from './hashing.js';
import { AppError } from '#common/errors.js';
import { makePng } from '../testing/png.js';

let dir: string;
let db: Db;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'anjuan-blob-'));
  db = openDatabase(join(dir, 'a.sqlite'));
});
afterEach(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

const blobsDir = () => join(dir, 'blobs');
const fileOf = (hash: string) => join(blobsDir(), hash.slice(0, 2), hash.slice(2));
/** Every file under blobs/ (temporary ones included). */
const allFiles = (): string[] =>
  (existsSync(blobsDir()) ? readdirSync(blobsDir(), { recursive: true, encoding: 'utf8' }) : []).filter((f) =>
    statSync(join(blobsDir(), f)).isFile(),
  );
const photo = makePng(200, 150, 3);

function failing(err: unknown): unknown {
  try {
    return (err as () => unknown)();
  } catch (e) {
    return e;
  }
}

describe('blob store on a disk that fills up', () => {
  it('a short writeSync is continued until every byte is written', () => {
    // The OS may accept fewer bytes than asked (a signal, a pipe, a nearly full disk): write 1000 at a time.
    const calls: number[] = [];
    const ops: FileOps = {
      ...nodeFileOps,
      writeSync: (fd, b, off, len) => {
        const n = Math.min(len, 1000);
        calls.push(n);
        return nodeFileOps.writeSync(fd, b, off, n);
      },
    };
    const blobs = new BlobStore(blobsDir(), db, ops);
    const hash = blobs.put(photo, 'image/png');
    expect(calls.length).toBeGreaterThan(1);
    expect(readFileSync(fileOf(hash))).toEqual(photo);
    expect(blobs.get(hash)).toEqual(photo);
  });

  it('ENOSPC half-way: DISK_FULL, nothing under the final name, no temporary file left', () => {
    let written = 0;
    const ops: FileOps = {
      ...nodeFileOps,
      writeSync: (fd, b, off, len) => {
        if (written > 0) throw Object.assign(new Error('ENOSPC: no space left on device, write'), { code: 'ENOSPC' });
        written = nodeFileOps.writeSync(fd, b, off, Math.floor(len / 2));
        return written;
      },
    };
    const blobs = new BlobStore(blobsDir(), db, ops);
    const e = failing(() => blobs.put(photo, 'image/png'));
    expect(e).toBeInstanceOf(AppError);
    expect((e as AppError).code).toBe('DISK_FULL');
    expect(existsSync(fileOf(sha256Hex(photo)))).toBe(false);
    expect(allFiles()).toEqual([]);
    expect(db.prepare('SELECT COUNT(*) AS n FROM blobs').get()).toEqual({ n: 0 });
  });

  it('a device that reports success but keeps fewer bytes is caught by the check before the rename', () => {
    // The lying write: claims every byte, stores half. Size and SHA-256 are read back before renaming.
    const ops: FileOps = {
      ...nodeFileOps,
      writeSync: (fd, b, off, len) => {
        nodeFileOps.writeSync(fd, b, off, Math.floor(len / 2));
        return len;
      },
    };
    const blobs = new BlobStore(blobsDir(), db, ops);
    const e = failing(() => blobs.put(photo, 'image/png'));
    expect((e as AppError).code).toBe('DISK_FULL');
    expect((e as AppError).message).toMatch(/未能完整写入/);
    expect(allFiles()).toEqual([]);
  });

  it('a failed fsync or rename removes the temporary file', () => {
    for (const broken of ['fsyncSync', 'renameSync'] as const) {
      const ops: FileOps = {
        ...nodeFileOps,
        [broken]: () => {
          throw Object.assign(new Error('EIO'), { code: 'EIO' });
        },
      };
      const blobs = new BlobStore(blobsDir(), db, ops);
      expect((failing(() => blobs.put(photo, 'image/png')) as { code: string }).code, broken).toBe('EIO');
      expect(allFiles(), broken).toEqual([]);
    }
  });

  it('the folder is fsynced after the rename', () => {
    const synced: string[] = [];
    const opened = new Map<number, string>();
    const ops: FileOps = {
      ...nodeFileOps,
      openSync: (p, f, m) => {
        const fd = nodeFileOps.openSync(p, f, m);
        opened.set(fd, p);
        return fd;
      },
      fsyncSync: (fd) => {
        synced.push(opened.get(fd)!);
        nodeFileOps.fsyncSync(fd);
      },
    };
    const hash = new BlobStore(blobsDir(), db, ops).put(photo, 'image/png');
    const folder = join(blobsDir(), hash.slice(0, 2));
    if (process.platform !== 'win32') expect(synced.at(-1)).toBe(folder);
    expect(synced.some((p) => p.endsWith('.tmp'))).toBe(true);
  });

  it('a truncated file under the final hash is not “deduplicated”: the next upload of the same bytes repairs it', () => {
    // What the old store left after a full disk: half the photo under the photo's hash.
    const hash = sha256Hex(photo);
    mkdirSync(join(blobsDir(), hash.slice(0, 2)), { recursive: true });
    writeFileSync(fileOf(hash), photo.subarray(0, photo.length / 2));
    const blobs = new BlobStore(blobsDir(), db);
    expect(blobs.has(hash)).toBe(false);
    expect((failing(() => blobs.get(hash)) as AppError).code).toBe('INTEGRITY');
    expect(blobs.put(photo, 'image/png')).toBe(hash);
    expect(blobs.get(hash)).toEqual(photo);
    expect(blobs.has(hash)).toBe(true);
    expect(allFiles()).toEqual([join(hash.slice(0, 2), hash.slice(2))]);
  });
});
