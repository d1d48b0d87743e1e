/**
 * Opening the database at start: a damaged database is detected and never silently
 * replaced by an empty one. Refused, with the file left exactly as it was:
 *   - a file that is not an SQLite database (its first 16 bytes are not "SQLite format 3\0");
 *   - a file SQLite reports damaged (`PRAGMA quick_check` in openDatabase, SQLITE_CORRUPT, SQLITE_NOTADB);
 *   - an empty (0-byte) or missing database in a data directory that has been used (files stored or
 *     backups taken) — SQLite would otherwise take it for a new database and the core would start
 *     empty, as if the bureau had no cases.
 * The error (DATABASE_CORRUPT) says in Chinese what is wrong, names the newest good backup and how
 * to restore it: `anjuan backup.restore`, which works offline, without the core and without a login.
 */
import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { AppError } from '#common/errors.js';
import type { BackupInfo } from '#common/schemas/backup.js';
import { openDatabaseChecked, type Db } from '../store/db.js';
import { fileHead, hasSqliteHeader } from '../store/cipher.js';
import { readEncryptionMarker } from '../encryption/marker.js';
import { finishConversion, wrongKeyError } from '../encryption/databaseKey.js';
import type { KeyProvider } from '../encryption/keyProvider.js';
import { hashFile } from './files.js';
import { backupRoot, databaseFile, dataDirInUse, listBackups, readManifest } from './layout.js';

/** What is wrong with the database file before SQLite opens it, or null (fine, or a new data directory). */
export function inspectDatabaseFile(dataDir: string): string | null {
  const file = join(dataDir, databaseFile);
  if (!existsSync(file)) {
    if (existsSync(`${file}-wal`)) return '数据库文件缺失，只剩下它的日志文件（-wal）';
    return dataDirInUse(dataDir) ? '数据库文件缺失，而数据目录中已有证据文件或备份' : null;
  }
  const size = statSync(file).size;
  if (size === 0) return dataDirInUse(dataDir) ? '数据库文件为空（0字节），而数据目录中已有证据文件或备份' : null;
  const head = fileHead(file);
  if (size < 512) return '这不是SQLite数据库文件（文件过短）';
  // An encrypted database (encryption/marker.ts) starts with its random salt instead of the header.
  if (!hasSqliteHeader(head) && !readEncryptionMarker(dataDir)) return '这不是SQLite数据库文件（文件头不符）';
  return null;
}

const corruptCodes = new Set([
  'SQLITE_NOTADB',
  'SQLITE_CORRUPT',
  'SQLITE_CORRUPT_INDEX',
  'SQLITE_CORRUPT_SEQUENCE',
  'SQLITE_CORRUPT_VTAB',
  'SQLITE_IOERR_SHORT_READ',
]);

/** The newest backup whose manifest reads and whose database copy still has its recorded hash. */
export async function newestGoodBackup(dataDir: string): Promise<{ root: string; backup: BackupInfo } | null> {
  const root = backupRoot(dataDir);
  for (const b of listBackups(root)) {
    if (b.problems.length) continue;
    try {
      const m = readManifest(root, b.id);
      const h = await hashFile(join(root, b.id, databaseFile));
      if (h?.sha256 === m.database.sha256) return { root, backup: b };
    } catch {
      /* the next older one */
    }
  }
  return null;
}

const localTime = (iso: string): string =>
  new Date(Date.parse(iso) + 8 * 3600_000).toISOString().slice(0, 16).replace('T', ' ');

/** The Chinese message for a damaged database: what, where, the newest good backup and the command that restores it. */
export async function corruptDatabaseError(dataDir: string, reason: string): Promise<AppError> {
  const file = join(dataDir, databaseFile);
  const good = await newestGoodBackup(dataDir);
  const command = good ? `npm run anjuan -- backup.restore '{"id":"${good.backup.id}"}'` : null;
  const lines = [
    `数据库文件已损坏，案卷工作站没有启动：${reason}。`,
    `文件：${file}。为免用空白数据库代替您的数据，工作站不会新建数据库，也不会改动这个文件。`,
    good
      ? `最近的完好备份：${localTime(good.backup.createdAt)}（编号 ${good.backup.id}，${good.backup.cases}件案件，位于 ${good.root}）。`
      : `没有找到可用的备份（${backupRoot(dataDir)}）。请不要删除这个文件，联系技术支持尝试修复。`,
    ...(command
      ? [
          `恢复方法：关闭案卷后在命令行运行 ${command}（无需登录；损坏的文件会移到数据目录下的 damaged-… 文件夹保存，不会删除），然后重新启动案卷。此后的改动需要重新录入。`,
        ]
      : []),
  ];
  return new AppError('DATABASE_CORRUPT', lines.join('\n'), {
    file,
    reason,
    backup: good ? { id: good.backup.id, createdAt: good.backup.createdAt, folder: good.root } : null,
    restoreCommand: command,
  });
}

function isCorruption(e: unknown): boolean {
  if (e instanceof AppError) return e.code === 'DATABASE_CORRUPT';
  const code = (e as { code?: unknown } | null)?.code;
  return typeof code === 'string' && corruptCodes.has(code);
}

export interface CheckedOpenOptions {
  /** The key of an encrypted data directory (encryption/databaseKey.ts), and where it came from (for a wrong key's message). */
  key?: Buffer | null;
  keys?: KeyProvider;
  /** See store/db.ts: the core checks the bulky tables after its first answer. */
  integrity?: 'full' | 'at-open';
}

/** Opens the data directory's database, or throws DATABASE_CORRUPT (see the top of this file). */
export async function openCheckedDatabase(dataDir: string, opts: CheckedOpenOptions = {}): Promise<Db> {
  return (await openCheckedDatabaseDeferring(dataDir, opts)).db;
}

/** `openCheckedDatabase`, also returning the tables whose check waits until after the first answer (store/integrity.ts). */
export async function openCheckedDatabaseDeferring(
  dataDir: string,
  opts: CheckedOpenOptions = {},
): Promise<{ db: Db; deferred: string[] }> {
  const problem = inspectDatabaseFile(dataDir);
  if (problem) throw await corruptDatabaseError(dataDir, problem);
  const key = opts.key ?? null;
  try {
    if (key) finishConversion(dataDir, key); // a conversion a crash interrupted (encryption/marker.ts)
    return openDatabaseChecked(join(dataDir, databaseFile), { key, integrity: opts.integrity });
  } catch (e) {
    // Encrypted: SQLite cannot tell a wrong key from a damaged first page; the key is the likely cause.
    if (key && (e as { code?: unknown } | null)?.code === 'SQLITE_NOTADB') {
      throw wrongKeyError(dataDir, opts.keys ?? { kind: 'test', where: '启动参数' });
    }
    if (!isCorruption(e)) throw e;
    const reason =
      e instanceof AppError && e.details && typeof (e.details as { reason?: unknown }).reason === 'string'
        ? `SQLite 完整性检查未通过（${(e.details as { reason: string }).reason.slice(0, 200)}）`
        : `SQLite 报告文件已损坏（${(e as { code?: string }).code ?? ''}：${e instanceof Error ? e.message : String(e)}）`;
    throw await corruptDatabaseError(dataDir, reason);
  }
}
