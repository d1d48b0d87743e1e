/**
 * Checking a backup and putting it back.
 *
 * `verifyBackup` refuses a backup unless all of it is sound: the manifest reads, the database copy
 * has the SHA-256 the manifest recorded and passes `PRAGMA integrity_check`, every file the database
 * refers to is in the store with the content its hash names (files already missing when the backup
 * was taken are named, and do not stop it), and every data file matches its hash.
 *
 * `replaceDataDir` then — with the database closed — removes the old WAL and shared-memory files
 * first (SQLite would otherwise replay the old WAL onto the new file), puts the database copy in
 * place by rename, copies back every referenced file that is missing or damaged in the data
 * directory (files that are fine stay), and replaces the bureau's data files with the backup's.
 *
 * Before any of it the current state is kept: a backup of kind `safety` when the database opens,
 * else (a damaged database, offline) the damaged files are moved, never deleted, to
 * `<data directory>/damaged-<time>/`.
 */
import { existsSync, mkdirSync, renameSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { isPlainSqliteFile, openReadOnlyCopy } from '../store/cipher.js';
import { integrityCheckOf, storedBlobs } from '../store/backupCopy.js';
import { encryptDatabaseFile } from '../encryption/databaseKey.js';
import { readEncryptionMarker, writeEncryptionMarker, type KeyStoreKind } from '../encryption/marker.js';
import { AppError } from '#common/errors.js';
import type { BackupInfo } from '#common/schemas/backup.js';
import { syncDirectory } from '../store/durableFile.js';
import { copyVerified, hashFile, removeTree } from './files.js';
import {
  backupDir,
  blobPath,
  databaseFile,
  dataFolders,
  infoOf,
  poolPath,
  readManifest,
  type Manifest,
} from './layout.js';

export interface Verified {
  manifest: Manifest;
  info: BackupInfo;
  /** Every file the backup's database refers to and the backup holds. */
  blobs: string[];
  /** Named files the backup never had (missing or damaged when it was taken). */
  warnings: string[];
}

const most = 10;

/** `key`: the database key of an encrypted data directory; an encrypted backup copy is read with it. */
export async function verifyBackup(root: string, id: string, key: Buffer | null = null): Promise<Verified> {
  const dir = backupDir(root, id);
  if (!existsSync(dir)) throw new AppError('NOT_FOUND', `找不到备份 ${id}（${root}）`);
  let manifest: Manifest;
  try {
    manifest = readManifest(root, id);
  } catch {
    throw new AppError('BACKUP_INVALID', `备份 ${id} 的清单文件缺失或损坏，不能用于恢复`);
  }
  const problems: string[] = [];
  const dbFile = join(dir, databaseFile);
  const dbHash = await hashFile(dbFile);
  if (!dbHash) problems.push('数据库副本缺失或无法读取');
  else if (dbHash.sha256 !== manifest.database.sha256)
    problems.push('数据库副本与备份清单记录的哈希不符（已被改动或损坏）');

  let referenced: string[] = [];
  if (dbHash) {
    try {
      const db = openReadOnlyCopy(dbFile, key);
      try {
        const result = integrityCheckOf(db);
        if (result.length !== 1 || result[0] !== 'ok')
          problems.push(`数据库副本未通过完整性检查（PRAGMA integrity_check：${result.slice(0, 3).join('；')}）`);
        referenced = storedBlobs(db).map((r) => r.hash);
      } finally {
        db.close();
      }
    } catch (e) {
      problems.push(`数据库副本无法打开（${e instanceof Error ? e.message : String(e)}）`);
    }
  }

  const knownMissing = new Set(manifest.blobs.missing.map((m) => m.hash));
  const blobs: string[] = [];
  const badBlobs: string[] = [];
  for (const hash of referenced) {
    if (knownMissing.has(hash)) continue;
    const h = await hashFile(poolPath(root, hash));
    if (!h) badBlobs.push(`${hash.slice(0, 12)}…（缺失）`);
    else if (h.sha256 !== hash) badBlobs.push(`${hash.slice(0, 12)}…（内容与哈希不符）`);
    else blobs.push(hash);
  }
  if (badBlobs.length)
    problems.push(
      `${badBlobs.length}个证据或文书文件缺失或已损坏：${badBlobs.slice(0, most).join('、')}${badBlobs.length > most ? ' 等' : ''}`,
    );

  for (const f of manifest.files) {
    const h = await hashFile(join(dir, 'files', ...f.path.split('/')));
    if (!h || h.sha256 !== f.sha256) problems.push(`数据文件 ${f.path} 缺失或已损坏`);
  }

  if (problems.length) {
    throw new AppError(
      'BACKUP_INVALID',
      `备份 ${id} 校验未通过，不能用于恢复，当前数据未作任何改动：${problems.join('；')}`,
      { id, problems },
    );
  }
  const warnings = manifest.blobs.missing.length
    ? [
        `备份时已有${manifest.blobs.missing.length}个文件缺失或损坏，恢复后仍然缺少：${manifest.blobs.missing
          .slice(0, most)
          .map((m) => `${m.hash.slice(0, 12)}…`)
          .join('、')}`,
      ]
    : [];
  return { manifest, info: infoOf(manifest), blobs, warnings };
}

function removeIfThere(path: string): void {
  rmSync(path, { force: true });
}

/** Moves the database files (damaged, or about to be replaced offline) to `<dataDir>/damaged-<stamp>/`. Returns that folder, or null if there was nothing. */
export function moveDatabaseAside(dataDir: string, stamp: string): string | null {
  const names = [databaseFile, `${databaseFile}-wal`, `${databaseFile}-shm`, `${databaseFile}-journal`].filter((n) =>
    existsSync(join(dataDir, n)),
  );
  if (!names.length) return null;
  const dest = join(dataDir, `damaged-${stamp}`);
  mkdirSync(dest, { recursive: true, mode: 0o700 });
  for (const n of names) renameSync(join(dataDir, n), join(dest, n));
  syncDirectory(dataDir);
  return dest;
}

/** The data directory's database key and where it is kept, when it is encrypted (or the backup is). */
export interface RestoreKey {
  key: Buffer;
  keyStore: KeyStoreKind;
}

/**
 * Puts a verified backup in place. The database must be closed (the core is stopped, or restarting).
 * Encryption at rest: a plain backup restored into an encrypted data directory is encrypted on the way
 * in (a backup from before encryption was enabled); an encrypted one (read with the key in
 * `verifyBackup`) into a directory without the marker gets the marker back.
 */
export async function replaceDataDir(
  dataDir: string,
  root: string,
  v: Verified,
  encryption: RestoreKey | null = null,
): Promise<{ blobsRepaired: number }> {
  const dir = backupDir(root, v.manifest.id);
  // 1. The database: the old WAL must never meet the new file.
  for (const n of [`${databaseFile}-wal`, `${databaseFile}-shm`, `${databaseFile}-journal`])
    removeIfThere(join(dataDir, n));
  const incoming = join(dataDir, `.${databaseFile}.restoring`);
  removeIfThere(incoming);
  const copied = await copyVerified(join(dir, databaseFile), incoming, v.manifest.database.sha256);
  if (!copied.ok) throw new AppError('BACKUP_INVALID', '备份的数据库副本在恢复过程中读取失败，当前数据库未被替换');
  const marker = readEncryptionMarker(dataDir);
  if (marker && isPlainSqliteFile(incoming)) {
    if (!encryption)
      throw new AppError(
        'DATABASE_KEY_MISSING',
        '数据目录已加密，但没有数据库密钥，不能把明文备份恢复进来；当前数据库未被替换',
      );
    encryptDatabaseFile(incoming, encryption.key);
  } else if (!marker && !isPlainSqliteFile(incoming) && encryption) {
    writeEncryptionMarker(dataDir, {
      format: 1,
      cipher: 'sqlcipher4',
      state: 'encrypted',
      since: v.manifest.createdAt,
      keyStore: encryption.keyStore,
    });
  }
  renameSync(incoming, join(dataDir, databaseFile));
  syncDirectory(dataDir);

  // 2. The files the restored database refers to: only those missing or damaged here.
  let blobsRepaired = 0;
  for (const hash of v.blobs) {
    const here = blobPath(dataDir, hash);
    const h = existsSync(here) ? await hashFile(here) : null;
    if (h?.sha256 === hash) continue;
    const r = await copyVerified(poolPath(root, hash), here, hash);
    if (!r.ok) throw new AppError('BACKUP_INVALID', `恢复文件 ${hash.slice(0, 12)}… 时备份中的副本已不可读`);
    blobsRepaired++;
  }

  // 3. The bureau's data files: exactly the backup's.
  for (const folder of dataFolders) {
    const target = join(dataDir, folder);
    const old = join(dataDir, `.${folder}.replaced`);
    removeTree(old);
    if (existsSync(target)) renameSync(target, old);
    for (const f of v.manifest.files.filter((x) => x.path.startsWith(`${folder}/`))) {
      const r = await copyVerified(
        join(dir, 'files', ...f.path.split('/')),
        join(dataDir, ...f.path.split('/')),
        f.sha256,
      );
      if (!r.ok) throw new AppError('BACKUP_INVALID', `恢复数据文件 ${f.path} 时备份中的副本已不可读`);
    }
    removeTree(old);
  }
  return { blobsRepaired };
}
