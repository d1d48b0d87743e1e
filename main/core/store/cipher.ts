/**
 * Encryption at rest of the case database (see docs/security.md, "Encryption at rest").
 * The format is SQLCipher 4 (AES-256-CBC, HMAC-SHA512 per page), chosen over the driver's default
 * (ChaCha20) so the file opens in standard SQLCipher tools with the key — a bureau is never locked into
 * this program to read its own data.
 * The key is 32 random bytes given as a SQLCipher raw key (`x'…'`): no passphrase, so no PBKDF2 — which
 * would add nothing to a random 256-bit key and cost ~0.2–0.5 s at every open of the database or of a
 * backup copy. Never typed by a person, never in a file of the data directory (encryption/keyProvider.ts).
 */
import { closeSync, existsSync, openSync, readSync, statSync } from 'node:fs';
import { Database, type Db } from './sqlite.js';

/** What the user reads: the strength of the encryption, never the engine's name. */
export const cipherLabel = 'AES-256';
const sqliteHeader = Buffer.from('SQLite format 3\0', 'latin1');

/** The first 16 bytes of a file (fewer when it is shorter). */
export function fileHead(file: string): Buffer {
  const head = Buffer.alloc(16);
  const fd = openSync(file, 'r');
  try {
    return head.subarray(0, readSync(fd, head, 0, 16, 0));
  } finally {
    closeSync(fd);
  }
}

/** The file starts with SQLite's plain header: readable without a key (an encrypted file starts with its random salt). */
export function isPlainSqliteFile(file: string): boolean {
  if (!existsSync(file) || statSync(file).size < 16) return false;
  return fileHead(file).equals(sqliteHeader);
}

/** The 16 bytes a plain SQLite database starts with. */
export function hasSqliteHeader(head: Buffer): boolean {
  return head.equals(sqliteHeader);
}

function keyHex(key: Buffer): string {
  if (key.length !== 32) throw new Error('数据库密钥应为32字节');
  return key.toString('hex');
}

/** Before the first read: the connection reads and writes SQLCipher 4 pages with this key. */
export function applyKey(db: Db, key: Buffer): void {
  db.pragma("cipher = 'sqlcipher'");
  db.pragma('legacy = 4');
  db.pragma(`key = "x'${keyHex(key)}'"`);
}

/**
 * Encrypts an open plain database in place (`PRAGMA rekey`, one transaction over every page, so a
 * crash leaves the plain file whole). SQLite3 Multiple Ciphers cannot rekey in WAL mode: the WAL is
 * checkpointed and removed (DELETE mode) first, and WAL comes back after. Nobody else may have the file open.
 */
export function encryptInPlace(db: Db, key: Buffer): void {
  db.pragma('wal_checkpoint(TRUNCATE)');
  const mode = String(db.pragma('journal_mode = DELETE', { simple: true }));
  if (mode !== 'delete') throw new Error(`无法切换日志模式（${mode}）：数据库仍被其他程序打开`);
  try {
    db.pragma("cipher = 'sqlcipher'");
    db.pragma('legacy = 4');
    db.pragma(`rekey = "x'${keyHex(key)}'"`);
  } finally {
    db.pragma('journal_mode = WAL');
  }
}

/**
 * A backup's copy, read-only: an encrypted copy is opened with `key`. Throws with a Chinese message
 * when the copy is encrypted and there is no key, or the key does not open it.
 */
export function openReadOnlyCopy(file: string, key: Buffer | null): Db {
  const encrypted = !isPlainSqliteFile(file);
  if (encrypted && !key) throw new Error('数据库副本已加密，而本机没有数据库密钥');
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    if (encrypted) applyKey(db, key!);
    db.prepare('SELECT COUNT(*) FROM sqlite_master').get();
    return db;
  } catch (e) {
    db.close();
    if (encrypted && (e as { code?: unknown }).code === 'SQLITE_NOTADB')
      throw new Error('数据库副本已加密，用本机的数据库密钥无法打开（可能是用另一把密钥加密的），或副本已损坏');
    throw e;
  }
}

/** Throws unless `file` opens with `key` (and, encrypted, reads): the check after encrypting a file in place. */
export function checkOpensWithKey(file: string, key: Buffer): void {
  const check = new Database(file, { fileMustExist: true });
  try {
    applyKey(check, key);
    check.prepare('SELECT COUNT(*) FROM sqlite_master').get();
  } finally {
    check.close();
  }
}

/** A copy of the open database into `file`: encrypted with the same key when the database is (SQLite's backup API cannot). */
export function vacuumInto(db: Db, file: string): void {
  db.prepare('VACUUM INTO ?').run(file);
}
