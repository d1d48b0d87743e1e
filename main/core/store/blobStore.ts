/**
 * Content-addressed file store (design rule 5): evidence, generated documents and dossiers are
 * kept once, by SHA-256, under <dataDir>/blobs/ab/cdef…. A file is written with
 * `writeFileDurably` (durableFile.ts): to a temporary name, every byte, fsynced, read back and
 * checked against its hash, renamed, and the folder fsynced — so neither a crash nor a full disk
 * ever leaves a partial file under a final name. A file already under the name is trusted only
 * after its content is checked: a damaged one (e.g. written by an earlier version, by a disk that ran
 * full) is replaced by the good bytes, which repairs every case that refers to it. A blob written by
 * an action whose transaction then failed is harmless (nothing refers to it).
 */
import { createReadStream, createWriteStream, existsSync, readFileSync, statSync } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import { createHash, randomBytes } from 'node:crypto';
import { Transform, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { dirname, join } from 'node:path';
import { sha256Hex } from './hashing.js';
import { AppError } from '#common/errors.js';
import type { Db } from './db.js';
import {
  ensurePrivateDir,
  isNoSpace,
  nodeFileOps,
  privateFileMode,
  syncDirectory,
  writeFileDurably,
  type FileOps,
} from './durableFile.js';

export class BlobStore {
  /** `ops`: the file-system calls used to write (tests make them fail). */
  constructor(
    private readonly dir: string,
    private readonly db: Db,
    private readonly ops: FileOps = nodeFileOps,
  ) {
    ensurePrivateDir(dir, ops);
  }

  private pathOf(hash: string): string {
    return join(this.dir, hash.slice(0, 2), hash.slice(2));
  }

  /** Stores the bytes (once) and records their type; returns the SHA-256 that names them. */
  put(bytes: Uint8Array, mimeType: string): string {
    const hash = this.writeFile(bytes);
    this.db
      .prepare('INSERT INTO blobs (hash, size, mime_type, created_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING')
      .run(hash, bytes.length, mimeType, new Date().toISOString());
    return hash;
  }

  /**
   * Stores a file that arrives as a stream (an archive package of hundreds of MB, a file unpacked
   * from one): never held whole in memory. Hashed while written to a temporary file, fsynced, read
   * back and checked, then renamed under its hash. `expected`: the SHA-256 it must have (else
   * INTEGRITY, nothing stored). Returns the hash and size. `mimeType` may be asked once the stream has
   * ended (an upload's type is known from its first bytes, which the stream itself checks).
   */
  async putStream(
    source: Readable,
    mimeType: string | (() => string),
    expected?: string,
  ): Promise<{ hash: string; size: number }> {
    const tmp = join(this.dir, `.incoming.${process.pid}.${randomBytes(6).toString('hex')}.tmp`);
    const digest = createHash('sha256');
    let size = 0;
    const tap = new Transform({
      transform(chunk: Buffer, _enc, done) {
        digest.update(chunk);
        size += chunk.length;
        done(null, chunk);
      },
    });
    try {
      await pipeline(source, tap, createWriteStream(tmp, { flags: 'wx', mode: privateFileMode }));
      const hash = digest.digest('hex');
      if (expected !== undefined && hash !== expected)
        throw new AppError('INTEGRITY', '文件内容与其应有的哈希值不符，未保存', { expected, actual: hash });
      const fh = await open(tmp, 'r+');
      try {
        await fh.sync();
      } finally {
        await fh.close();
      }
      const back = createHash('sha256');
      for await (const chunk of createReadStream(tmp)) back.update(chunk as Buffer);
      if (back.digest('hex') !== hash)
        throw new AppError(
          'DISK_FULL',
          '文件未能完整写入磁盘（可能是磁盘空间不足或磁盘故障），操作未保存，请清理磁盘后重试',
        );
      const final = this.pathOf(hash);
      // Checked as a stream: a second upload of the same 500 MB video must not read the first one whole.
      if (await this.intactStreamed(final, hash)) await rm(tmp, { force: true });
      else {
        ensurePrivateDir(dirname(final), this.ops);
        await rename(tmp, final);
        syncDirectory(dirname(final), this.ops);
      }
      this.db
        .prepare('INSERT INTO blobs (hash, size, mime_type, created_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING')
        .run(hash, size, typeof mimeType === 'function' ? mimeType() : mimeType, new Date().toISOString());
      return { hash, size };
    } catch (e) {
      await rm(tmp, { force: true });
      if (e instanceof AppError) throw e;
      if (isNoSpace(e)) throw new AppError('DISK_FULL');
      throw e;
    }
  }

  mimeType(hash: string): string {
    const r = this.db.prepare('SELECT mime_type FROM blobs WHERE hash = ?').get(hash) as
      | { mime_type: string }
      | undefined;
    return r?.mime_type ?? 'application/octet-stream';
  }

  private writeFile(bytes: Uint8Array): string {
    const hash = sha256Hex(bytes);
    const final = this.pathOf(hash);
    // Deduplicate only against a file whose content really is these bytes.
    if (this.intact(final, hash)) return hash;
    writeFileDurably(final, bytes, { ops: this.ops, sha256: hash });
    return hash;
  }

  /** The file exists and its content has the hash that names it. */
  private intact(path: string, hash: string): boolean {
    if (!existsSync(path)) return false;
    try {
      return sha256Hex(readFileSync(path)) === hash;
    } catch {
      return false;
    }
  }

  private async intactStreamed(path: string, hash: string): Promise<boolean> {
    if (!existsSync(path)) return false;
    try {
      const d = createHash('sha256');
      for await (const chunk of createReadStream(path)) d.update(chunk as Buffer);
      return d.digest('hex') === hash;
    } catch {
      return false;
    }
  }

  get(hash: string): Buffer {
    if (!/^[0-9a-f]{64}$/.test(hash)) throw new AppError('VALIDATION', '文件标识无效');
    const p = this.pathOf(hash);
    if (!existsSync(p)) throw new AppError('NOT_FOUND', '文件不存在或已丢失');
    const bytes = readFileSync(p);
    if (sha256Hex(bytes) !== hash)
      throw new AppError('INTEGRITY', '文件内容与其哈希不符，可能已被篡改或损坏；如有原件，重新上传同一文件即可修复');
    return bytes;
  }

  /** The stored file's size in bytes (NOT_FOUND when it is missing). */
  size(hash: string): number {
    if (!/^[0-9a-f]{64}$/.test(hash)) throw new AppError('VALIDATION', '文件标识无效');
    const p = this.pathOf(hash);
    if (!existsSync(p)) throw new AppError('NOT_FOUND', '文件不存在或已丢失');
    return statSync(p).size;
  }

  /**
   * Where the stored file is, for what reads only part of it (a recording's header for its length, one
   * frame of a video): a 2 GB video is not re-hashed to read 100 bytes. Such a reader is told nothing
   * the hash vouches for; what must be the file (a copy, a download, the dossier) goes through get or
   * openStream. NOT_FOUND when it is missing.
   */
  localPath(hash: string): string {
    this.size(hash);
    return this.pathOf(hash);
  }

  /**
   * The file as a stream, for the transports that send files as bytes (common/files.ts): its size
   * (Content-Length) and a stream that checks the hash on the way. The last chunk is held back
   * until the whole file has checked out, so a damaged file never reaches the reader complete: the
   * stream fails instead (INTEGRITY) and the transport breaks off the answer.
   */
  openStream(hash: string): { size: number; stream: Readable } {
    const size = this.size(hash);
    const p = this.pathOf(hash);
    const digest = createHash('sha256');
    let held: Buffer | null = null;
    const check = new Transform({
      transform(chunk: Buffer, _enc, done) {
        digest.update(chunk);
        const out = held;
        held = chunk;
        done(null, out ?? undefined);
      },
      flush(done) {
        if (digest.digest('hex') !== hash) {
          done(
            new AppError('INTEGRITY', '文件内容与其哈希不符，可能已被篡改或损坏；如有原件，重新上传同一文件即可修复'),
          );
          return;
        }
        done(null, held ?? undefined);
      },
    });
    const source = createReadStream(p, { highWaterMark: 256 * 1024 });
    source.on('error', (e) => check.destroy(e));
    check.on('close', () => source.destroy());
    return { size, stream: source.pipe(check) };
  }

  /** The file is here and intact (a damaged one counts as absent, so a cache regenerates it). */
  has(hash: string): boolean {
    return /^[0-9a-f]{64}$/.test(hash) && this.intact(this.pathOf(hash), hash);
  }
}
