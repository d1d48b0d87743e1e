import { afterEach, describe, expect, it } from 'vitest';
import { existsSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { databaseKeyEnv, keyFileName, type SafeStorageLike } from './dbKey.js';

const dirs: string[] = [];
afterEach(() => {
  while (dirs.length) rmSync(dirs.pop()!, { recursive: true, force: true });
});
const userData = (): string => {
  const d = mkdtempSync(join(tmpdir(), 'anjuan-userdata-'));
  dirs.push(d);
  return d;
};

/** A stand-in keychain: "wraps" by XOR with a per-account byte (another account cannot unwrap). */
function keychain(account = 0x5a, backend = 'gnome_libsecret', available = true): SafeStorageLike {
  const xor = (b: Buffer): Buffer => Buffer.from(b.map((x) => x ^ account));
  return {
    isAsyncEncryptionAvailable: async () => available,
    encryptStringAsync: async (s) => Buffer.concat([Buffer.from('v11'), xor(Buffer.from(s))]),
    decryptStringAsync: async (b) => {
      if (!b.subarray(0, 3).equals(Buffer.from('v11'))) throw new Error('bad blob');
      return { result: xor(b.subarray(3)).toString() };
    },
    getSelectedStorageBackend: () => backend,
  };
}

describe("the desktop app's database key (OS keychain)", () => {
  it('makes a key once, keeps it only wrapped (owner-only file), and gives the same key at every start', async () => {
    const dir = userData();
    const logs: string[] = [];
    const first = await databaseKeyEnv(keychain(), dir, (m) => logs.push(m), 'linux');
    expect(first.ANJUAN_DB_KEY).toMatch(/^[0-9a-f]{64}$/);
    expect(first.ANJUAN_DB_KEY_SOURCE).toBe('os-keychain');
    const file = join(dir, keyFileName);
    expect(readFileSync(file).toString('latin1')).not.toContain(first.ANJUAN_DB_KEY);
    if (process.platform !== 'win32') expect(statSync(file).mode & 0o777).toBe(0o600);
    expect(await databaseKeyEnv(keychain(), dir, (m) => logs.push(m), 'linux')).toEqual(first);
    expect(logs).toEqual([]);
  });

  it('never replaces a key it cannot unwrap (another account, a reset keychain): no key, and the file stays', async () => {
    const dir = userData();
    await databaseKeyEnv(keychain(0x5a), dir, () => undefined, 'win32');
    const before = readFileSync(join(dir, keyFileName));
    const logs: string[] = [];
    const other = await databaseKeyEnv(
      {
        ...keychain(0x33),
        decryptStringAsync: async () => {
          throw new Error('DPAPI: 拒绝访问');
        },
      },
      dir,
      (m) => logs.push(m),
      'win32',
    );
    expect(other).toEqual({ ANJUAN_DB_KEY_SOURCE: 'os-keychain-unavailable' });
    expect(readFileSync(join(dir, keyFileName)).equals(before)).toBe(true);
    expect(logs.join()).toMatch(/无法用系统钥匙串取得数据库密钥/);
    writeFileSync(join(dir, keyFileName), Buffer.concat([Buffer.from('v11'), Buffer.from('not a key')]));
    expect((await databaseKeyEnv(keychain(0), dir, () => undefined, 'win32')).ANJUAN_DB_KEY).toBeUndefined();
  });

  it('makes no key where the keychain is unusable (Linux basic_text, none at all, no safeStorage)', async () => {
    for (const safe of [keychain(0x5a, 'basic_text'), keychain(0x5a, 'gnome_libsecret', false), undefined]) {
      const dir = userData();
      expect(await databaseKeyEnv(safe, dir, () => undefined, 'linux')).toEqual({
        ANJUAN_DB_KEY_SOURCE: 'os-keychain-unavailable',
      });
      expect(existsSync(join(dir, keyFileName))).toBe(false);
    }
  });
});
