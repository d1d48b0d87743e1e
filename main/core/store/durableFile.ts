/**
 * Writing a file so that it is either all there or not there at all (a full disk left an
 * empty calendar and a truncated photo under its final name). Every file the core writes under the
 * data directory goes through `writeFileDurably`:
 *   1. a temporary file in the same folder, created exclusively with mode 0600 (never following a
 *      planted link, never readable by other users of the PC);
 *   2. every byte written — `writeSync` may write fewer bytes than asked, so it loops;
 *   3. fsync, close, then read back and compare size and SHA-256 with what was meant to be written;
 *   4. rename over the final name (atomic on the same file system), then fsync the folder so the
 *      rename itself survives a power cut;
 *   5. on any failure the temporary file is removed and nothing changes under the final name; a
 *      full disk becomes DISK_FULL.
 * The file-system calls are a seam (`FileOps`) so tests can make a write come up short or run out
 * of space half-way.
 */
import * as fs from 'node:fs';
import { randomBytes } from 'node:crypto';
import { basename, dirname, join } from 'node:path';
import { AppError } from '#common/errors.js';
import { sha256Hex } from './hashing.js';

/** Files under the data directory: owner only (POSIX; Windows keeps the per-user profile's ACL). */
export const privateFileMode = 0o600;
/** Folders under the data directory: owner only. */
export const privateDirMode = 0o700;

export interface FileOps {
  openSync(path: string, flags: string, mode?: number): number;
  writeSync(fd: number, buffer: Uint8Array, offset: number, length: number): number;
  fsyncSync(fd: number): void;
  closeSync(fd: number): void;
  readFileSync(path: string): Buffer;
  renameSync(from: string, to: string): void;
  unlinkSync(path: string): void;
  mkdirSync(path: string, options: { recursive: true; mode: number }): unknown;
}

export const nodeFileOps: FileOps = {
  openSync: (p, flags, mode) => fs.openSync(p, flags, mode),
  writeSync: (fd, buffer, offset, length) => fs.writeSync(fd, buffer, offset, length),
  fsyncSync: (fd) => fs.fsyncSync(fd),
  closeSync: (fd) => fs.closeSync(fd),
  readFileSync: (p) => fs.readFileSync(p),
  renameSync: (a, b) => fs.renameSync(a, b),
  unlinkSync: (p) => fs.unlinkSync(p),
  mkdirSync: (p, o) => fs.mkdirSync(p, o),
};

const isPosix = process.platform !== 'win32';

/** A disk or quota that is full (or a file too big for the file system). */
export function isNoSpace(e: unknown): boolean {
  const code = (e as { code?: unknown } | null)?.code;
  return code === 'ENOSPC' || code === 'EDQUOT' || code === 'EFBIG' || code === 'SQLITE_FULL';
}

function noSpace(): Error {
  return Object.assign(new Error('no space left on device (short write)'), { code: 'ENOSPC' });
}

/** Creates the folder (and its parents) owner-only; an existing folder is left as it is. */
export function ensurePrivateDir(dir: string, ops: FileOps = nodeFileOps): void {
  ops.mkdirSync(dir, { recursive: true, mode: privateDirMode });
}

/**
 * Tightens an existing folder or file to owner-only (data directories created by earlier versions were
 * 0755/0644). Best effort: POSIX only, and a file we do not own is left alone.
 */
export function restrictToOwner(path: string, mode: number): void {
  if (!isPosix) return;
  try {
    if ((fs.statSync(path).mode & 0o777) !== mode) fs.chmodSync(path, mode);
  } catch {
    /* missing, or not ours: nothing to tighten */
  }
}

/** Flushes a folder's entries (a rename, a new file) to disk. Not possible on Windows, nor on some file systems. */
export function syncDirectory(dir: string, ops: FileOps = nodeFileOps): void {
  if (!isPosix) return;
  let fd: number;
  try {
    fd = ops.openSync(dir, 'r');
  } catch {
    return;
  }
  try {
    ops.fsyncSync(fd);
  } catch (e) {
    const code = (e as { code?: string }).code;
    if (code !== 'EINVAL' && code !== 'ENOTSUP' && code !== 'EISDIR' && code !== 'EBADF' && code !== 'EPERM') throw e;
  } finally {
    ops.closeSync(fd);
  }
}

/** Writes all of `bytes` at the file's current position, however many calls it takes. */
export function writeAll(fd: number, bytes: Uint8Array, ops: FileOps = nodeFileOps): void {
  let offset = 0;
  while (offset < bytes.length) {
    const n = ops.writeSync(fd, bytes, offset, bytes.length - offset);
    // No progress means the device takes nothing more: the same as a full disk.
    if (!(n > 0)) throw noSpace();
    offset += n;
  }
}

function removeQuietly(path: string, ops: FileOps): void {
  try {
    ops.unlinkSync(path);
  } catch {
    /* already gone */
  }
}

export interface DurableWriteOptions {
  ops?: FileOps;
  /** The SHA-256 the bytes must have on disk (a blob's name); by default the hash of `bytes`. */
  sha256?: string;
}

/**
 * Writes `bytes` to `file` atomically and durably (see the top of this file); replaces an existing
 * file. Throws DISK_FULL when the disk is full or the file did not reach the disk whole.
 */
export function writeFileDurably(file: string, bytes: Uint8Array, options: DurableWriteOptions = {}): void {
  const ops = options.ops ?? nodeFileOps;
  const dir = dirname(file);
  ensurePrivateDir(dir, ops);
  // A dot name that no loader reads (.json/.docx filters, blob names are exact) and no other writer shares.
  const tmp = join(dir, `.${basename(file)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  let fd: number | null = null;
  try {
    fd = ops.openSync(tmp, 'wx', privateFileMode);
    writeAll(fd, bytes, ops);
    ops.fsyncSync(fd);
    ops.closeSync(fd);
    fd = null;
    const written = ops.readFileSync(tmp);
    const expected = options.sha256 ?? sha256Hex(bytes);
    if (written.length !== bytes.length || sha256Hex(written) !== expected) {
      throw new AppError(
        'DISK_FULL',
        '文件未能完整写入磁盘（可能是磁盘空间不足或磁盘故障），操作未保存，请清理磁盘后重试',
        { expectedBytes: bytes.length, writtenBytes: written.length },
      );
    }
    ops.renameSync(tmp, file);
  } catch (e) {
    if (fd !== null) {
      try {
        ops.closeSync(fd);
      } catch {
        /* the write already failed */
      }
    }
    removeQuietly(tmp, ops);
    if (e instanceof AppError) throw e;
    if (isNoSpace(e)) throw new AppError('DISK_FULL');
    throw e;
  }
  syncDirectory(dir, ops);
}
