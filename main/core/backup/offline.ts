/**
 * Backups without a running core: when the database is damaged the core does not start,
 * so `anjuan backup.list` and `anjuan backup.restore` work directly on the files. No login: nobody
 * can log in to a damaged database, and whoever runs the CLI on this PC can already read and replace
 * these files. The damaged files are moved to `<data directory>/damaged-<time>/`, never deleted.
 * The CLI uses this only when the core refused to start with DATABASE_CORRUPT.
 */
import { AppError } from '#common/errors.js';
import type { BackupInfo } from '#common/schemas/backup.js';
import { backupId } from '#common/schemas/backup.js';
import { backupRoot, listBackups } from './layout.js';
import { moveDatabaseAside, replaceDataDir, verifyBackup } from './restore.js';
import { openCheckedDatabase } from './startup.js';
import { keyProviderFromEnv, type KeyProvider } from '../encryption/keyProvider.js';
import { databaseKey } from '../encryption/databaseKey.js';

export function offlineList(dataDir: string): { folder: string; backups: BackupInfo[] } {
  const folder = backupRoot(dataDir);
  return { folder, backups: listBackups(folder) };
}

export async function offlineRestore(
  dataDir: string,
  input: unknown,
  now = new Date(),
  keys: KeyProvider = keyProviderFromEnv(process.env, dataDir),
): Promise<{ restored: BackupInfo; damagedMovedTo: string | null; blobsRepaired: number; message: string }> {
  const parsed = backupId.safeParse((input as { id?: unknown } | null)?.id);
  if (!parsed.success)
    throw new AppError('VALIDATION', '请给出要恢复的备份编号，如 {"id":"20261207T120000Z"}（用 backup.list 列出）');
  const root = backupRoot(dataDir);
  const key = databaseKey(dataDir, keys); // encrypted data directory: its backups are read, and a plain one encrypted, with its key
  const verified = await verifyBackup(root, parsed.data, key);
  const stamp = now
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}Z$/, 'Z');
  const damagedMovedTo = moveDatabaseAside(dataDir, stamp);
  const { blobsRepaired } = await replaceDataDir(
    dataDir,
    root,
    verified,
    key && keys.kind !== 'none' ? { key, keyStore: keys.kind } : null,
  );
  // The restored database must open as the core will open it.
  (await openCheckedDatabase(dataDir, { key, keys })).close();
  const message = [
    `已从备份 ${verified.info.id} 恢复（${verified.info.cases}件案件）。`,
    damagedMovedTo ? `损坏的数据库已移到 ${damagedMovedTo}。` : '',
    '请重新启动案卷；备份之后的改动需要重新录入。',
    ...verified.warnings,
  ].join('');
  return { restored: verified.info, damagedMovedTo, blobsRepaired, message };
}
