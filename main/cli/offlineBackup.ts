/**
 * when the database is damaged the core refuses to start (backup/startup.ts); the CLI then
 * still lists backups and restores one, offline and without a login (backup/offline.ts):
 *   npm run anjuan -- backup.list
 *   npm run anjuan -- backup.restore '{"id":"20261207T120000Z"}'
 * With a sound database these are ordinary operations (a head's or administrator's login), and this returns null.
 */
import { AppError } from '#common/errors.js';
import { inspectDatabaseFile } from '#core/backup/startup.js';
import { offlineList, offlineRestore } from '#core/backup/offline.js';
import { openDatabase } from '#core/store/db.js';
import { keyProviderFromEnv } from '#core/encryption/keyProvider.js';
import { databaseKey } from '#core/encryption/databaseKey.js';
import { join } from 'node:path';
import { existsSync } from 'node:fs';

/** Whether the core would refuse this data directory's database (checked without writing to it). */
function databaseDamaged(dataDir: string): boolean {
  if (inspectDatabaseFile(dataDir) !== null) return true;
  const file = join(dataDir, 'anjuan.sqlite');
  if (!existsSync(file)) return false;
  let key: Buffer | null;
  try {
    key = databaseKey(dataDir, keyProviderFromEnv(process.env, dataDir));
  } catch {
    return false; // a missing or wrong key is not damage: the core says what is wrong with the key
  }
  try {
    openDatabase(file, { key }).close();
    return false;
  } catch (e) {
    const code = (e as { code?: string }).code ?? '';
    if (key && code === 'SQLITE_NOTADB') return false; // encrypted: most likely the wrong key, which the core explains
    return (
      (e instanceof AppError && e.code === 'DATABASE_CORRUPT') ||
      code.startsWith('SQLITE_CORRUPT') ||
      code === 'SQLITE_NOTADB'
    );
  }
}

/** The exit status when the operation was handled offline, else null (the caller starts the core). */
export async function runOfflineBackup(op: string, input: unknown, dataDir: string): Promise<number | null> {
  if (op !== 'backup.list' && op !== 'backup.restore') return null;
  if (!databaseDamaged(dataDir)) return null;
  console.error('数据库文件已损坏，工作站未启动：以下操作直接在备份文件上进行（无需登录）。');
  try {
    const value = op === 'backup.list' ? offlineList(dataDir) : await offlineRestore(dataDir, input);
    console.log(JSON.stringify(value, null, 2));
    return 0;
  } catch (e) {
    const error =
      e instanceof AppError ? e.toValue() : { code: 'INTERNAL', message: e instanceof Error ? e.message : String(e) };
    console.log(JSON.stringify(error, null, 2));
    return 1;
  }
}
