/**
 * Which key opens a data directory's database, and turning a plain database file into an encrypted
 * one (encryption at rest; docs/security.md). SQL stays in store/cipher.ts.
 */
import { join } from 'node:path';
import { AppError } from '#common/errors.js';
import { Database } from '../store/sqlite.js';
import { checkOpensWithKey, encryptInPlace, isPlainSqliteFile } from '../store/cipher.js';
import { quickCheck } from '../store/integrity.js';
import { databaseFile } from '../store/db.js';
import type { KeyProvider } from './keyProvider.js';
import { readEncryptionMarker, writeEncryptionMarker, type EncryptionMarker } from './marker.js';

const keepFiles = '没有这把密钥就无法读取数据库及其备份；请不要删除或改动数据目录中的文件。';
const howToKey =
  '桌面程序：请用启用加密时的同一个操作系统账户登录本机（密钥由该账户的系统钥匙串保管）；网页服务或命令行：请设置启用加密时的 ANJUAN_DB_KEY 或 ANJUAN_DB_KEY_FILE。';

const sinceText = (m: EncryptionMarker): string => (m.since ? `（${m.since.slice(0, 10)}启用）` : '');

/** The key for this data directory's database: null when it is not encrypted; DATABASE_KEY_MISSING when it is and there is none. */
export function databaseKey(dataDir: string, keys: KeyProvider): Buffer | null {
  const marker = readEncryptionMarker(dataDir);
  if (!marker) return null;
  const key = keys.key();
  if (key) return key;
  const why = keys.kind === 'none' ? '本机没有配置数据库密钥' : `${keys.where}中没有密钥`;
  throw new AppError(
    'DATABASE_KEY_MISSING',
    `数据库已加密${sinceText(marker)}，但${why}，工作站没有启动。${howToKey}${keepFiles}`,
    { keyStore: keys.kind },
  );
}

/** The start-up error for an encrypted database SQLite cannot read with the key it was given. */
export function wrongKeyError(dataDir: string, keys: Pick<KeyProvider, 'kind' | 'where'>): AppError {
  const marker = readEncryptionMarker(dataDir);
  return new AppError(
    'DATABASE_KEY_WRONG',
    [
      `数据库已加密${marker ? sinceText(marker) : ''}，但用${keys.where}里的密钥无法打开它，工作站没有启动，也没有改动任何文件。`,
      '原因可能是密钥与启用加密时的不同（换了操作系统账户、重装系统后钥匙串丢失、密钥文件或环境变量被换掉），也可能是数据库文件的第一页已损坏。',
      `${howToKey}${keepFiles}`,
    ].join(''),
    { keyStore: keys.kind },
  );
}

/** Encrypts a plain database file that nobody has open, then checks that it opens with the key and no longer without. */
export function encryptDatabaseFile(file: string, key: Buffer): void {
  const db = new Database(file);
  try {
    // Never rewrite a damaged file page by page: it would be harder to repair encrypted.
    const result = quickCheck(db);
    if (result !== 'ok')
      throw new AppError(
        'DATABASE_CORRUPT',
        `数据库文件已损坏（PRAGMA quick_check：${result.slice(0, 200)}），未加密`,
        { file, reason: result.slice(0, 500) },
      );
    encryptInPlace(db, key);
  } finally {
    db.close();
  }
  if (isPlainSqliteFile(file)) throw new AppError('INTERNAL', '数据库加密后仍是明文，加密未完成');
  checkOpensWithKey(file, key);
}

/**
 * A start after a conversion that did not finish (marker written, then a crash): the file is still
 * plain, so it is encrypted now; a file already encrypted only gets its marker completed.
 */
export function finishConversion(dataDir: string, key: Buffer): void {
  const marker = readEncryptionMarker(dataDir);
  if (!marker) return;
  const file = join(dataDir, databaseFile);
  if (isPlainSqliteFile(file)) encryptDatabaseFile(file, key);
  if (marker.state === 'converting') writeEncryptionMarker(dataDir, { ...marker, state: 'encrypted' });
}
