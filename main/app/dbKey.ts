/**
 * The database key of the desktop app (encryption at rest; docs/security.md). 32 random bytes, kept in
 * `<userData>/anjuan-db-key.bin` wrapped by the OS keychain through Electron's safeStorage (DPAPI on
 * Windows, libsecret or KWallet on Linux): that file is worthless without the same OS account's keychain.
 * The key is made here once, whether or not the bureau ever enables encryption, so the core can enable
 * it at any time; it reaches the core's process as ANJUAN_DB_KEY (main/core/encryption/keyProvider.ts),
 * which the core removes from its environment at once. No Electron import: safeStorage is passed in.
 */
import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, writeSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The part of Electron's safeStorage used here. */
export interface SafeStorageLike {
  isAsyncEncryptionAvailable(): Promise<boolean>;
  encryptStringAsync(plainText: string): Promise<Buffer>;
  decryptStringAsync(encrypted: Buffer): Promise<{ result: string }>;
  getSelectedStorageBackend?(): string;
}

export const keyFileName = 'anjuan-db-key.bin';

/**
 * On Linux without GNOME Keyring or KWallet, safeStorage falls back to 'basic_text': a password built
 * into Chromium, i.e. no protection. Then no key is made and encryption cannot be enabled (the settings
 * screen says why).
 */
function keychainUsable(safe: SafeStorageLike, platform: NodeJS.Platform): boolean {
  if (platform !== 'linux') return true;
  const backend = safe.getSelectedStorageBackend?.() ?? 'unknown';
  return backend !== 'basic_text' && backend !== 'unknown';
}

function writeOwnerOnly(file: string, bytes: Buffer): void {
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  const tmp = `${file}.${process.pid}.tmp`;
  const fd = openSync(tmp, 'wx', 0o600);
  try {
    writeSync(fd, bytes);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  renameSync(tmp, file);
}

/**
 * The environment for the core's process: { ANJUAN_DB_KEY, ANJUAN_DB_KEY_SOURCE: 'os-keychain' }, or
 * { ANJUAN_DB_KEY_SOURCE: 'os-keychain-unavailable' } when the keychain cannot be used or the wrapped
 * key cannot be unwrapped (another OS account, a reset keychain: never replaced by a new key, which would
 * leave an encrypted database unreadable for good).
 */
export async function databaseKeyEnv(
  safe: SafeStorageLike | undefined,
  userData: string,
  log: (m: string) => void,
  platform: NodeJS.Platform = process.platform,
): Promise<Record<string, string>> {
  const unavailable = { ANJUAN_DB_KEY_SOURCE: 'os-keychain-unavailable' };
  const file = join(userData, keyFileName);
  try {
    if (!safe || !(await safe.isAsyncEncryptionAvailable()) || !keychainUsable(safe, platform)) {
      log('系统钥匙串不可用：数据库加密不能启用');
      return unavailable;
    }
    if (existsSync(file)) {
      const hex = (await safe.decryptStringAsync(readFileSync(file))).result;
      if (!/^[0-9a-f]{64}$/.test(hex)) throw new Error('解开的内容不是数据库密钥');
      return { ANJUAN_DB_KEY: hex, ANJUAN_DB_KEY_SOURCE: 'os-keychain' };
    }
    const hex = randomBytes(32).toString('hex');
    writeOwnerOnly(file, await safe.encryptStringAsync(hex));
    return { ANJUAN_DB_KEY: hex, ANJUAN_DB_KEY_SOURCE: 'os-keychain' };
  } catch (e) {
    log(`无法用系统钥匙串取得数据库密钥（${file}）：${e instanceof Error ? e.message : String(e)}`);
    return unavailable;
  }
}
