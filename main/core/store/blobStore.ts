/**
 * Content-addressed file store (design rule 5): evidence, generated documents and dossiers are
 * kept once, by SHA-256, under <dataDir>/blobs/ab/cdef…. A file is written to a temporary name,
 * flushed and renamed, so a crash never leaves a half-written blob under its final name; a blob
 * written by an action whose transaction then failed is harmless (nothing refers to it).
 */
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { sha256Hex } from './hashing.js';
import { AppError } from '../../../common/errors.js';
import type { Db } from './db.js';

export class BlobStore {
  constructor(private readonly dir: string, private readonly db: Db) {
    mkdirSync(dir, { recursive: true });
  }

  private pathOf(hash: string): string {
    return join(this.dir, hash.slice(0, 2), hash.slice(2));
  }

  /** Stores the bytes (once) and records their type; returns the SHA-256 that names them. */
  put(bytes: Uint8Array, mimeType: string): string {
    const hash = this.writeFile(bytes);
    this.db.prepare('INSERT INTO blobs (hash, size, mime_type, created_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING')
      .run(hash, bytes.length, mimeType, new Date().toISOString());
    return hash;
  }

  mimeType(hash: string): string {
    const r = this.db.prepare('SELECT mime_type FROM blobs WHERE hash = ?').get(hash) as { mime_type: string } | undefined;
    return r?.mime_type ?? 'application/octet-stream';
  }

  private writeFile(bytes: Uint8Array): string {
    const hash = sha256Hex(bytes);
    const final = this.pathOf(hash);
    if (existsSync(final)) return hash;
    mkdirSync(join(this.dir, hash.slice(0, 2)), { recursive: true });
    const tmp = `${final}.${process.pid}.tmp`;
    try {
      const fd = openSync(tmp, 'w');
      try {
        writeSync(fd, bytes);
        fsyncSync(fd);
      } finally {
        closeSync(fd);
      }
      renameSync(tmp, final);
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOSPC') throw new AppError('DISK_FULL');
      throw e;
    }
    return hash;
  }

  get(hash: string): Buffer {
    if (!/^[0-9a-f]{64}$/.test(hash)) throw new AppError('VALIDATION', '文件标识无效');
    const p = this.pathOf(hash);
    if (!existsSync(p)) throw new AppError('NOT_FOUND', '文件不存在或已丢失');
    const bytes = readFileSync(p);
    if (sha256Hex(bytes) !== hash) throw new AppError('INTEGRITY', '文件内容与其哈希不符，可能已被篡改或损坏');
    return bytes;
  }

  has(hash: string): boolean {
    return existsSync(this.pathOf(hash));
  }
}
