/**
 * Where the database key comes from (encryption at rest; docs/security.md). The core never chooses:
 * it is given a KeyProvider.
 *   - Desktop app: the shell keeps the key wrapped by the OS keychain (Electron safeStorage: DPAPI on
 *     Windows, libsecret/KWallet on Linux; main/app/dbKey.ts) and hands it to the core's process as
 *     ANJUAN_DB_KEY with ANJUAN_DB_KEY_SOURCE=os-keychain.
 *   - Web host and CLI: ANJUAN_DB_KEY (64 hex digits), else the key file named by ANJUAN_DB_KEY_FILE
 *     (owner-only, mode 0600, outside the data directory; created on enabling). Weakness: anyone who can
 *     read the environment or that file as this user has the key — it protects a copied disk or backup,
 *     not the running account.
 * createCore removes the variable from the process environment once its provider has read it
 * (`forgetKeyEnv`), so the PDF engines the core starts (Chromium, LibreOffice) do not inherit it.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { dirname, isAbsolute, relative, resolve } from 'node:path';
import { AppError } from '#common/errors.js';
import { ensurePrivateDir, writeFileDurably } from '../store/durableFile.js';
import type { KeyStoreKind } from './marker.js';

export interface KeyProvider {
  readonly kind: KeyStoreKind | 'none';
  /** Where the key is kept, in Chinese, for the status and the errors (never the key). */
  readonly where: string;
  /** The key, or null when none is kept yet. Throws AppError when one is configured but unusable. */
  key(): Buffer | null;
  /** The key to encrypt with: the one kept, or a new one stored where `where` says (ENCRYPTION_UNAVAILABLE if nowhere). */
  ensure(): Buffer;
}

const hexKey = /^[0-9a-fA-F]{64}$/;

export function parseHexKey(text: string, what: string): Buffer {
  const t = text.trim();
  if (!hexKey.test(t))
    throw new AppError('DATABASE_KEY_WRONG', `${what}的内容不是数据库密钥（应为64位十六进制数字，即32字节）`);
  return Buffer.from(t, 'hex');
}

/** Tests and scripts: a key held in memory. */
export function fixedKeyProvider(key: Buffer | null, kind: KeyStoreKind = 'test'): KeyProvider {
  let held = key;
  return {
    kind,
    where: '内存（测试用）',
    key: () => held,
    ensure: () => (held ??= randomBytes(32)),
  };
}

/** A key file, owner-only, outside the data directory; created by `ensure`. */
export function keyFileProvider(file: string, dataDir: string): KeyProvider {
  const where = `密钥文件 ${file}`;
  const check = (): void => {
    if (!isAbsolute(file)) throw new AppError('ENCRYPTION_UNAVAILABLE', `ANJUAN_DB_KEY_FILE 应为完整路径（${file}）`);
    const rel = relative(resolve(dataDir), resolve(file));
    if (!rel.startsWith('..') && !isAbsolute(rel)) {
      throw new AppError(
        'ENCRYPTION_UNAVAILABLE',
        '密钥文件不能放在数据目录之内：拷走数据目录（或备份）的人会连密钥一起拿走。请把 ANJUAN_DB_KEY_FILE 设到数据目录之外',
      );
    }
  };
  return {
    kind: 'key-file',
    where,
    key() {
      check();
      if (!existsSync(file)) return null;
      if (process.platform !== 'win32' && (statSync(file).mode & 0o077) !== 0) {
        throw new AppError(
          'DATABASE_KEY_WRONG',
          `${where} 的权限过宽：其他用户也能读取。请改为只有本用户可读写（chmod 600）后重新启动`,
        );
      }
      return parseHexKey(readFileSync(file, 'utf8'), where);
    },
    ensure() {
      const existing = this.key();
      if (existing) return existing;
      const key = randomBytes(32);
      ensurePrivateDir(dirname(file));
      writeFileDurably(file, Buffer.from(`${key.toString('hex')}\n`));
      return key;
    },
  };
}

/** Removes the key from the environment (after a provider has read it), so child processes do not inherit it. */
export function forgetKeyEnv(env: NodeJS.ProcessEnv): void {
  delete env.ANJUAN_DB_KEY;
  delete env.ANJUAN_DB_KEY_SOURCE;
}

/**
 * The hosts' provider, from the environment as it is now (the key is held by the provider).
 * Precedence: ANJUAN_DB_KEY, then ANJUAN_DB_KEY_FILE, else none (encryption cannot be enabled).
 */
export function keyProviderFromEnv(env: NodeJS.ProcessEnv, dataDir: string): KeyProvider {
  const raw = env.ANJUAN_DB_KEY;
  const source = env.ANJUAN_DB_KEY_SOURCE;
  if (raw !== undefined && raw !== '') {
    const fromKeychain = source === 'os-keychain';
    const where = fromKeychain ? '操作系统钥匙串（桌面程序 safeStorage）' : '环境变量 ANJUAN_DB_KEY';
    let key: Buffer | null = null;
    let problem: AppError | null = null;
    try {
      key = parseHexKey(raw, where);
    } catch (e) {
      problem = e as AppError;
    }
    const get = (): Buffer => {
      if (problem) throw problem;
      return key!;
    };
    return { kind: fromKeychain ? 'os-keychain' : 'env', where, key: get, ensure: get };
  }
  if (env.ANJUAN_DB_KEY_FILE) return keyFileProvider(env.ANJUAN_DB_KEY_FILE, dataDir);
  const unavailable =
    source === 'os-keychain-unavailable'
      ? '本机的操作系统钥匙串不可用（Linux 需要 GNOME 密钥环或 KWallet 在运行），桌面程序无法安全保管数据库密钥'
      : '未配置数据库密钥：网页服务和命令行请设置环境变量 ANJUAN_DB_KEY_FILE，指向数据目录之外的一个文件（启用时自动生成，权限0600），或设置 ANJUAN_DB_KEY（64位十六进制数字）';
  return {
    kind: 'none',
    where: '无',
    key: () => null,
    ensure: () => {
      throw new AppError('ENCRYPTION_UNAVAILABLE', unavailable);
    },
  };
}

/** Why enabling is not possible with this provider, or null. */
export function unavailableReason(keys: KeyProvider): string | null {
  if (keys.kind !== 'none') return null;
  try {
    keys.ensure();
    return null;
  } catch (e) {
    return e instanceof Error ? e.message : String(e);
  }
}
