/**
 * Encryption at rest through the operations: enabling on a used data directory loses nothing, the
 * file and its WAL no longer hold a planted ID number, the database opens only with its key (a clear
 * Chinese error without it), backups stay encrypted and restore, and an interrupted conversion is
 * finished at the next start.
 */
import { describe, expect, it } from 'vitest';
import { existsSync, readFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import { createTestCore, expectFailure, type TestCore } from '../testing/testCore.js';
import { openCase } from '../testing/caseRunner.js';
import { cleanupAfterEach } from '../testing/cleanup.js';
import { createCore } from '../core.js';
import { fixedKeyProvider, keyProviderFromEnv, type KeyProvider } from './keyProvider.js';
import { markerFile, readEncryptionMarker, writeEncryptionMarker } from './marker.js';
import { isPlainSqliteFile } from '../store/cipher.js';

const idNumber = '52262719900101123X';
const summary = `现场检查发现废气超标排放，当事人法定代表人身份证号码${idNumber}。`;

const { opened, tempDir, track } = cleanupAfterEach('anjuan-crypt-');

async function core(dir: string, keys: KeyProvider): Promise<TestCore> {
  return track(await createTestCore({ dir, core: { keys } }));
}

/** Whether the ID number is anywhere in the database file or its WAL, as bytes. */
function onDisk(dir: string): boolean {
  const file = join(dir, 'anjuan.sqlite');
  return [file, `${file}-wal`, `${file}-journal`].some(
    (f) => existsSync(f) && readFileSync(f).includes(Buffer.from(idNumber)),
  );
}

async function closeAll(): Promise<void> {
  while (opened.length) await opened.pop()!.close();
}

describe('encryption at rest', () => {
  it('encrypts a used data directory: nothing lost, no ID number left in the file or its WAL, opens only with the key', async () => {
    const dir = tempDir();
    const keys = fixedKeyProvider(null);
    const t = await core(dir, keys);
    const officer = await t.login('officer');
    const admin = await t.login('admin');
    const first = await openCase(t, officer, { summary });
    expect(onDisk(dir)).toBe(true); // the check below can fail: the number is there in clear before

    const before = await t.call(admin, 'security.encryptionStatus', {});
    expect(before).toMatchObject({ encrypted: false, canEnable: true, keyStore: 'test', filesEncrypted: false });
    expect((await expectFailure(t.call(officer, 'security.enableEncryption', {}))).code).toBe('FORBIDDEN_ROLE');
    expect((await expectFailure(t.call(await t.login('head'), 'security.encryptionStatus', {}))).code).toBe(
      'FORBIDDEN_ROLE',
    );

    const after = await t.call(admin, 'security.enableEncryption', {});
    expect(after).toMatchObject({ encrypted: true, cipher: 'AES-256', canEnable: false });
    expect(after.since).toMatch(/^\d{4}-\d{2}-\d{2}T/);
    const key = keys.key()!;
    expect(readFileSync(join(dir, markerFile), 'utf8')).not.toContain(key.toString('hex'));

    // Sessions and data survive; new writes go to the encrypted WAL.
    const got = await t.call(officer, 'cases.get', { caseId: first.state.id });
    expect(got.state.summary).toBe(summary);
    expect((await t.call(officer, 'cases.history', { caseId: first.state.id })).chainValid).toBe(true);
    await openCase(t, officer, { summary: `第二起：${summary}` });
    expect(existsSync(join(dir, 'anjuan.sqlite-wal'))).toBe(true);
    expect(onDisk(dir)).toBe(false);
    expect(isPlainSqliteFile(join(dir, 'anjuan.sqlite'))).toBe(false);
    expect(await t.call(admin, 'security.enableEncryption', {})).toMatchObject({ encrypted: true }); // again: nothing to do
    await closeAll();
    expect(onDisk(dir)).toBe(false);

    const again = await core(dir, fixedKeyProvider(key));
    expect((await again.call(await again.login('officer'), 'cases.list', {})).total).toBe(2);
    await closeAll();

    const missing = await createCore({ dataDir: dir, keys: fixedKeyProvider(null) }).then(
      () => null,
      (e: unknown) => e as { code: string; message: string },
    );
    expect(missing?.code).toBe('DATABASE_KEY_MISSING');
    expect(missing?.message).toMatch(/数据库已加密.*没有密钥/);
    const wrong = await createCore({ dataDir: dir, keys: fixedKeyProvider(randomBytes(32)) }).then(
      () => null,
      (e: unknown) => e as { code: string; message: string },
    );
    expect(wrong?.code).toBe('DATABASE_KEY_WRONG');
    expect(wrong?.message).toMatch(/无法打开/);
    expect(wrong?.message).not.toMatch(/file is not a database/);
    expect(isPlainSqliteFile(join(dir, 'anjuan.sqlite'))).toBe(false);
  });

  it('says why it cannot be enabled without a key store, and changes nothing', async () => {
    const dir = tempDir();
    const t = await core(dir, keyProviderFromEnv({}, dir)); // the web host with neither ANJUAN_DB_KEY nor ANJUAN_DB_KEY_FILE
    const admin = await t.login('admin');
    const s = await t.call(admin, 'security.encryptionStatus', {});
    expect(s).toMatchObject({ encrypted: false, canEnable: false, keyStore: 'none' });
    expect(s.unavailableReason).toMatch(/未配置数据库密钥.*ANJUAN_DB_KEY_FILE/);
    expect((await expectFailure(t.call(admin, 'security.enableEncryption', {}))).code).toBe('ENCRYPTION_UNAVAILABLE');
    expect(readEncryptionMarker(dir)).toBeNull();
    expect(isPlainSqliteFile(join(dir, 'anjuan.sqlite'))).toBe(true);
  });

  it('keeps backups encrypted, restores them, and encrypts a plain backup from before on the way in', async () => {
    const dir = tempDir();
    const keys = fixedKeyProvider(null);
    const t = await core(dir, keys);
    const officer = await t.login('officer');
    const head = await t.login('head');
    const admin = await t.login('admin');
    await openCase(t, officer, { summary });
    const plain = await t.call(head, 'backup.now', {});
    const plainCopy = join(dir, 'backups', plain.id, 'anjuan.sqlite');
    expect(readFileSync(plainCopy).includes(Buffer.from(idNumber))).toBe(true);

    expect((await t.call(admin, 'security.enableEncryption', {})).plainBackups).toBe(1);
    await openCase(t, officer, { summary: `第二起：${summary}` });
    t.clock.setDate('2026-03-03'); // the retention keeps one backup a day
    const encrypted = await t.call(head, 'backup.now', {});
    expect(encrypted.cases).toBe(2);
    const copy = join(dir, 'backups', encrypted.id, 'anjuan.sqlite');
    expect(isPlainSqliteFile(copy)).toBe(false);
    expect(readFileSync(copy).includes(Buffer.from(idNumber))).toBe(false);

    await t.call(head, 'backup.restore', { id: plain.id });
    const head2 = await t.login('head');
    expect((await t.call(head2, 'cases.list', {})).total).toBe(1);
    expect(isPlainSqliteFile(join(dir, 'anjuan.sqlite'))).toBe(false);
    expect(onDisk(dir)).toBe(false);

    const safety = (await t.call(head2, 'backup.list', {})).backups.find((b) => b.kind === 'safety')!;
    await t.call(head2, 'backup.restore', { id: encrypted.id });
    expect((await t.call(await t.login('head'), 'cases.list', {})).total).toBe(2);
    expect(isPlainSqliteFile(join(dir, 'backups', safety.id, 'anjuan.sqlite'))).toBe(false);
  });

  it('finishes a conversion a crash interrupted (marker written, file still plain) at the next start', async () => {
    const dir = tempDir();
    const t = await core(dir, fixedKeyProvider(null));
    await openCase(t, await t.login('officer'), { summary });
    await closeAll();
    writeEncryptionMarker(dir, {
      format: 1,
      cipher: 'sqlcipher4',
      state: 'converting',
      since: '2026-12-07T02:00:00.000Z',
      keyStore: 'test',
    });
    const key = randomBytes(32);
    const after = await core(dir, fixedKeyProvider(key));
    expect((await after.call(await after.login('officer'), 'cases.list', {})).total).toBe(1);
    expect(readEncryptionMarker(dir)?.state).toBe('encrypted');
    await closeAll();
    expect(isPlainSqliteFile(join(dir, 'anjuan.sqlite'))).toBe(false);
    expect(onDisk(dir)).toBe(false);
  });
});
