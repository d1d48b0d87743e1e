/**
 * Taking a backup while the core runs: SQLite's online backup API copies the database
 * page by page between requests (the driver's `db.backup`), so nobody waits; the copy is checked
 * (`PRAGMA quick_check`); then the files the copy refers to are copied into the shared store — only
 * those not there yet, each checked against its hash on the way — and the bureau's data files. The
 * manifest is written last and the folder renamed into place: a backup is listed whole or not at all.
 */
import { existsSync, mkdirSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import { openReadOnlyCopy, vacuumInto } from '../store/cipher.js';
import { caseAndEventCounts, quickCheckOf, storedBlobs } from '../store/backupCopy.js';
import { AppError } from '#common/errors.js';
import type { BackupInfo, BackupKind } from '#common/schemas/backup.js';
import type { Db } from '../store/db.js';
import { isNoSpace, syncDirectory, writeFileDurably } from '../store/durableFile.js';
import { copyVerified, filesUnder, hashFile, removeTree } from './files.js';
import {
  backupDir,
  blobPath,
  databaseFile,
  dataFolders,
  infoOf,
  newBackupId,
  poolPath,
  type Manifest,
} from './layout.js';

export interface TakeOptions {
  db: Db;
  dataDir: string;
  root: string;
  kind: BackupKind;
  now: Date;
  device: string;
  appVersion: string;
  /** The database's key when the data directory is encrypted: the copy stays encrypted with it. */
  key?: Buffer | null;
}

/** The blobs a database refers to, and its counts (read from a copy, never the live database). */
export function readCopy(
  file: string,
  key: Buffer | null = null,
): { blobs: Array<{ hash: string; size: number }>; cases: number; events: number; check: string } {
  const db = openReadOnlyCopy(file, key);
  try {
    return { blobs: storedBlobs(db), ...caseAndEventCounts(db), check: quickCheckOf(db) };
  } finally {
    db.close();
  }
}

export async function takeBackup(o: TakeOptions): Promise<BackupInfo> {
  mkdirSync(o.root, { recursive: true, mode: 0o700 });
  const id = newBackupId(o.root, o.now);
  const partial = join(o.root, `.partial-${id}`);
  mkdirSync(partial, { recursive: true, mode: 0o700 });
  try {
    const dbCopy = join(partial, databaseFile);
    // Encrypted: SQLite's backup API refuses a copy without the key, so VACUUM INTO writes one with it.
    // It holds the core for the copy's length (~1 s for 10,000 cases) where the backup API yields between pages.
    if (o.key) vacuumInto(o.db, dbCopy);
    else await o.db.backup(dbCopy);
    const copy = readCopy(dbCopy, o.key ?? null);
    if (copy.check !== 'ok') {
      throw new AppError(
        'BACKUP_FAILED',
        `备份失败：当前数据库的副本未通过完整性检查（${copy.check.slice(0, 200)}），请尽快联系技术支持`,
      );
    }

    const missing: Manifest['blobs']['missing'] = [];
    let blobBytes = 0;
    for (const { hash, size } of copy.blobs) {
      const dest = poolPath(o.root, hash);
      if (existsSync(dest)) {
        blobBytes += size;
        continue;
      } // checked when it was copied; again before any restore
      const r = await copyVerified(blobPath(o.dataDir, hash), dest, hash);
      if (r.ok) blobBytes += r.bytes;
      else missing.push({ hash, reason: r.reason });
    }

    const files: Manifest['files'] = [];
    for (const folder of dataFolders) {
      for (const rel of filesUnder(join(o.dataDir, folder))) {
        const path = `${folder}/${rel}`;
        const r = await copyVerified(join(o.dataDir, folder, rel), join(partial, 'files', path));
        if (r.ok && r.sha256) files.push({ path, sha256: r.sha256, bytes: r.bytes });
      }
    }

    const dbHash = await hashFile(dbCopy);
    if (!dbHash) throw new AppError('BACKUP_FAILED', '备份失败：数据库副本无法读取');
    const manifest: Manifest = {
      format: 1,
      id,
      kind: o.kind,
      createdAt: o.now.toISOString(),
      appVersion: o.appVersion,
      device: o.device,
      database: { file: databaseFile, sha256: dbHash.sha256, bytes: dbHash.bytes },
      counts: { cases: copy.cases, events: copy.events },
      blobs: { count: copy.blobs.length - missing.length, bytes: blobBytes, missing },
      files,
    };
    writeFileDurably(join(partial, 'manifest.json'), Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`));
    renameSync(partial, backupDir(o.root, id));
    syncDirectory(o.root);
    return infoOf(manifest);
  } catch (e) {
    removeTree(partial);
    if (e instanceof AppError) throw e;
    if (isNoSpace(e))
      throw new AppError('DISK_FULL', `备份失败：备份文件夹所在磁盘空间不足（${o.root}），请清理磁盘或另选备份文件夹`);
    const code = (e as { code?: string } | null)?.code;
    if (code === 'EACCES' || code === 'EPERM' || code === 'EROFS')
      throw new AppError('BACKUP_FAILED', `备份失败：没有写入备份文件夹的权限（${o.root}）`);
    throw new AppError('BACKUP_FAILED', `备份失败：${e instanceof Error ? e.message : String(e)}`);
  }
}
