import { afterEach, describe, expect, it } from 'vitest';
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { AppError } from '#common/errors.js';
import { forgetKeyEnv, keyFileProvider, keyProviderFromEnv, unavailableReason } from './keyProvider.js';

const dirs: string[] = [];
afterEach(() => {
  while (dirs.length) rmSync(dirs.pop()!, { recursive: true, force: true });
});
const temp = (): string => {
  const d = mkdtempSync(join(tmpdir(), 'anjuan-key-'));
  dirs.push(d);
  return d;
};

function failure(f: () => unknown): AppError {
  try {
    f();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected an AppError');
}

const posix = process.platform !== 'win32';

describe('database key providers', () => {
  it('ANJUAN_DB_KEY: 64 hex digits; anything else is refused in Chinese; forgetKeyEnv removes it from the environment', () => {
    const hex = 'ab'.repeat(32);
    const env: NodeJS.ProcessEnv = { ANJUAN_DB_KEY: hex, ANJUAN_DB_KEY_SOURCE: 'os-keychain' };
    const p = keyProviderFromEnv(env, '/data');
    forgetKeyEnv(env);
    expect(env).toEqual({});
    expect(p.kind).toBe('os-keychain');
    expect(p.where).toMatch(/操作系统钥匙串/);
    expect(p.key()!.toString('hex')).toBe(hex);
    expect(p.ensure().toString('hex')).toBe(hex);
    const bad = keyProviderFromEnv({ ANJUAN_DB_KEY: 'secret' }, '/data');
    expect(bad.kind).toBe('env');
    const e = failure(() => bad.key());
    expect(e.code).toBe('DATABASE_KEY_WRONG');
    expect(e.message).toMatch(/环境变量 ANJUAN_DB_KEY.*64位十六进制/);
    expect(e.message).not.toContain('secret');
  });

  it('a key file: created owner-only outside the data directory on enabling, read back, refused when others can read it', () => {
    const data = temp();
    const keyDir = temp();
    const file = join(keyDir, 'sub', 'anjuan-db.key');
    const p = keyProviderFromEnv({ ANJUAN_DB_KEY_FILE: file }, data);
    expect(p.kind).toBe('key-file');
    expect(p.key()).toBeNull();
    const key = p.ensure();
    expect(key.length).toBe(32);
    expect(readFileSync(file, 'utf8').trim()).toBe(key.toString('hex'));
    if (posix) expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(keyFileProvider(file, data).key()!.equals(key)).toBe(true);
    if (posix) {
      chmodSync(file, 0o644);
      const e = failure(() => p.key());
      expect(e.message).toMatch(/权限过宽.*chmod 600/);
    }
  });

  it('refuses a key file inside the data directory, a relative path, and a file that is not a key', () => {
    const data = temp();
    const inside = keyFileProvider(join(data, 'db.key'), data);
    expect(failure(() => inside.ensure()).message).toMatch(/不能放在数据目录之内/);
    expect(existsSync(join(data, 'db.key'))).toBe(false);
    expect(failure(() => keyFileProvider('db.key', data).key()).message).toMatch(/完整路径/);
    const junk = join(temp(), 'junk.key');
    writeFileSync(junk, 'not a key', { mode: 0o600 });
    expect(failure(() => keyFileProvider(junk, data).key()).code).toBe('DATABASE_KEY_WRONG');
  });

  it('without either variable nothing can be enabled, and the reason says how to configure it', () => {
    const p = keyProviderFromEnv({}, '/data');
    expect(p.kind).toBe('none');
    expect(p.key()).toBeNull();
    expect(failure(() => p.ensure()).code).toBe('ENCRYPTION_UNAVAILABLE');
    expect(unavailableReason(p)).toMatch(/ANJUAN_DB_KEY_FILE/);
    expect(unavailableReason(keyProviderFromEnv({ ANJUAN_DB_KEY_SOURCE: 'os-keychain-unavailable' }, '/data'))).toMatch(
      /钥匙串不可用/,
    );
  });
});
