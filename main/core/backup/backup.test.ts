/**
 * "Backups": an online backup and a restore through the operations (cases, events with
 * their hash chain, files), retention, a backup with a bad file refused, and a damaged database at
 * start refused with the way back — never replaced by an empty one.
 */
import { describe, expect, it } from 'vitest';
import {
  existsSync,
  readdirSync,
  readFileSync,
  rmSync,
  statSync,
  truncateSync,
  unlinkSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { createTestCore, expectFailure, type TestCore } from '../testing/testCore.js';
import { openCase } from '../testing/caseRunner.js';
import { makePng } from '../testing/png.js';
import { cleanupAfterEach } from '../testing/cleanup.js';
import { createCore } from '../core.js';
import { backupsToKeep, backupDue, backupPolicy, type Dated } from './policy.js';
import { blobPath, listBackups, poolPath } from './layout.js';
import { inspectDatabaseFile } from './startup.js';
import { runOfflineBackup } from '../../cli/offlineBackup.js';
import { vi } from 'vitest';

const { tempDir, track } = cleanupAfterEach('anjuan-backup-');

async function core(dir?: string): Promise<TestCore> {
  return track(await createTestCore({ dir }));
}

async function addPhoto(t: TestCore, token: string, caseId: string, seed: number): Promise<string> {
  const rec = await t.call(token, 'evidence.add', {
    caseId,
    kind: 'photo',
    fileName: `现场${seed}.png`,
    contentBase64: makePng(20 + seed, 10).toString('base64'),
    description: `现场照片${seed}`,
    takenOn: '2026-03-02',
  });
  return rec.hash;
}

describe('backup and restore through the operations', () => {
  it('restores cases, events with a valid hash chain and files; keeps the state before as a safety backup', async () => {
    const t = await core();
    const head = await t.login('head');
    const officer = await t.login('officer');
    const first = await openCase(t, officer);
    const photo1 = await addPhoto(t, officer, first.state.id, 1);

    const historyBefore = await t.call(head, 'cases.history', { caseId: first.state.id });
    const backup = await t.call(head, 'backup.now', {});
    expect(backup.kind).toBe('manual');
    expect(backup.cases).toBe(1);
    expect(backup.blobs).toBeGreaterThanOrEqual(1);
    expect(backup.missingBlobs).toBe(0);
    const listed = await t.call(head, 'backup.list', {});
    expect(listed.backups.map((b) => b.id)).toEqual([backup.id]);
    expect(listed.folder).toBe(join(t.dir, 'backups'));
    expect(existsSync(poolPath(listed.folder, photo1))).toBe(true);

    // Work after the backup, then the photo's file is lost from the data directory.
    const second = await openCase(t, officer);
    await addPhoto(t, officer, second.state.id, 2);
    unlinkSync(blobPath(t.dir, photo1));
    expect((await t.call(head, 'cases.list', {})).total).toBe(2);

    const r = await t.call(head, 'backup.restore', { id: backup.id });
    expect(r.restarted).toBe(true);
    expect(r.restored.id).toBe(backup.id);
    expect(r.blobsRepaired).toBeGreaterThanOrEqual(1);
    expect(r.message).toMatch(/已从备份.*恢复.*安全备份.*请重新登录/);

    // The same core object answers from the restored database; logins are those of the backup.
    const head2 = await t.login('head');
    const cases = await t.call(head2, 'cases.list', {});
    expect(cases.total).toBe(1);
    expect(cases.rows[0]!.id).toBe(first.state.id);
    const history = await t.call(head2, 'cases.history', { caseId: first.state.id });
    expect(history.chainValid).toBe(true);
    expect(history.entries.map((e) => e.hash)).toEqual(historyBefore.entries.map((e) => e.hash));
    const blob = await t.core.dispatch({ op: 'blobs.read', input: { hash: photo1 }, token: head2 });
    expect(blob.ok).toBe(true);
    expect(existsSync(blobPath(t.dir, photo1))).toBe(true);

    // The state before the restore is a backup of its own, and restores the second case.
    expect(r.safetyBackupId).not.toBeNull();
    const safety = (await t.call(head2, 'backup.list', {})).backups.find((b) => b.id === r.safetyBackupId)!;
    expect(safety.kind).toBe('safety');
    expect(safety.cases).toBe(2);
    await t.call(head2, 'backup.restore', { id: safety.id });
    const head3 = await t.login('head');
    expect((await t.call(head3, 'cases.list', {})).total).toBe(2);
  });

  it('lets requests under way finish and keeps them in the safety backup; requests meanwhile wait for the restored database', async () => {
    const t = await core();
    const head = await t.login('head');
    const officer = await t.login('officer');
    await openCase(t, officer);
    const backup = await t.call(head, 'backup.now', {});
    await openCase(t, officer);
    const restoring = t.call(head, 'backup.restore', { id: backup.id });
    const during = openCase(t, officer); // sent while the restore checks the backup
    const [r, opened] = await Promise.all([restoring, during]);
    const head2 = await t.login('head');
    const safety = (await t.call(head2, 'backup.list', {})).backups.find((b) => b.id === r.safetyBackupId)!;
    expect(safety.cases).toBe(3);
    expect(opened.state.id).toBeTruthy();
    // After the restore: the backup's one case, and the core answers normally.
    expect((await t.call(head2, 'cases.list', {})).total).toBe(1);
    const after = await t.call(await t.login('officer'), 'cases.list', {});
    expect(after.total).toBe(1);
  });

  it('is for heads and administrators only', async () => {
    const t = await core();
    const officer = await t.login('officer');
    expect((await expectFailure(t.call(officer, 'backup.now', {}))).code).toBe('FORBIDDEN_ROLE');
    expect((await expectFailure(t.call(officer, 'backup.list', {}))).code).toBe('FORBIDDEN_ROLE');
    expect((await expectFailure(t.call(officer, 'backup.restore', { id: '20260302T020000Z' }))).code).toBe(
      'FORBIDDEN_ROLE',
    );
  });

  it('refuses a backup with a damaged or missing file, and changes nothing', async () => {
    const t = await core();
    const head = await t.login('head');
    const officer = await t.login('officer');
    const c = await openCase(t, officer);
    const photo = await addPhoto(t, officer, c.state.id, 3);
    const backup = await t.call(head, 'backup.now', {});
    const root = (await t.call(head, 'backup.list', {})).folder;
    const stored = poolPath(root, photo);
    const good = readFileSync(stored);
    writeFileSync(
      stored,
      Buffer.concat([good.subarray(0, good.length - 1), Buffer.from([good[good.length - 1]! ^ 1])]),
    );
    await openCase(t, officer);

    const refused = await expectFailure(t.call(head, 'backup.restore', { id: backup.id }));
    expect(refused.code).toBe('BACKUP_INVALID');
    expect(refused.message).toMatch(/校验未通过.*当前数据未作任何改动.*1个证据或文书文件缺失或已损坏/);
    expect((await t.call(head, 'cases.list', {})).total).toBe(2);
    expect((await t.call(head, 'backup.list', {})).backups.some((b) => b.kind === 'safety')).toBe(false);

    rmSync(stored);
    expect((await expectFailure(t.call(head, 'backup.restore', { id: backup.id }))).message).toMatch(/缺失/);
  });

  it('refuses a backup whose database copy was changed', async () => {
    const t = await core();
    const head = await t.login('head');
    const backup = await t.call(head, 'backup.now', {});
    const file = join(t.dir, 'backups', backup.id, 'anjuan.sqlite');
    const bytes = readFileSync(file);
    bytes[bytes.length - 100] = bytes[bytes.length - 100]! ^ 0xff;
    writeFileSync(file, bytes);
    const refused = await expectFailure(t.call(head, 'backup.restore', { id: backup.id }));
    expect(refused.code).toBe('BACKUP_INVALID');
    expect(refused.message).toMatch(/哈希不符/);
  });

  it('accepts only backup ids (never a path)', async () => {
    const t = await core();
    const head = await t.login('head');
    for (const id of ['../../etc', '/tmp/x', '20260302T020000Z/../..', '']) {
      expect((await expectFailure(t.call(head, 'backup.restore', { id }))).code).toBe('VALIDATION');
    }
    expect((await expectFailure(t.call(head, 'backup.restore', { id: '20200101T000000Z' }))).code).toBe('NOT_FOUND');
  });

  it('copies each file once for all backups, and can use a folder the bureau chose', async () => {
    const t = await core();
    const head = await t.login('head');
    const officer = await t.login('officer');
    const c = await openCase(t, officer);
    await addPhoto(t, officer, c.state.id, 4);
    const folder = tempDir();
    const set = await t.call(head, 'backup.setFolder', { folder });
    expect(set.folder).toBe(folder);
    expect(set.usingDefault).toBe(false);
    await t.call(head, 'backup.now', {});
    t.clock.set('2026-03-03T10:00:00+08:00');
    await t.call(head, 'backup.now', {});
    const pooled = readdirSync(join(folder, 'blobs')).flatMap((p) => readdirSync(join(folder, 'blobs', p)));
    const b = (await t.call(head, 'backup.list', {})).backups;
    expect(b).toHaveLength(2);
    expect(pooled.length).toBe(b[0]!.blobs);
    expect((await expectFailure(t.call(head, 'backup.setFolder', { folder: 'relative/path' }))).message).toMatch(
      /完整路径/,
    );
    expect((await expectFailure(t.call(head, 'backup.setFolder', { folder: join(t.dir, 'blobs') }))).message).toMatch(
      /数据目录之内/,
    );
    expect((await t.call(head, 'backup.setFolder', { folder: null })).folder).toBe(join(t.dir, 'backups'));
  });

  it('takes the daily backup when one is due, and prunes by the policy', async () => {
    const t = await core();
    const svc = t.core.services.backups;
    expect(await svc.runIfDue()).not.toBeNull();
    expect(await svc.runIfDue()).toBeNull(); // not due again the same day
    for (let day = 3; day <= 40; day++) {
      t.clock.set(
        `2026-03-${String(day).padStart(2, '0')}T10:00:00+08:00`.replace(
          /-03-(3[2-9]|4\d)T/,
          (_m, d: string) => `-04-${String(Number(d) - 31).padStart(2, '0')}T`,
        ),
      );
      expect(await svc.runIfDue(), `day ${day}`).not.toBeNull();
    }
    const kept = listBackups(join(t.dir, 'backups'));
    // 7 days, then one a week for 4 weeks.
    expect(kept.length).toBe(backupPolicy.keep.daily + backupPolicy.keep.weekly);
    expect(kept.every((b) => b.kind === 'daily')).toBe(true);
  });
});

describe('retention (policy.ts)', () => {
  const at = (iso: string, kind: Dated['kind'] = 'daily'): Dated => ({
    id: iso,
    kind,
    createdAt: new Date(iso).toISOString(),
  });
  it('keeps the newest of each of the last 7 days, then the newest of 4 weeks before, and 3 safety backups', () => {
    const all: Dated[] = [];
    for (let d = 1; d <= 60; d++) {
      const day = new Date(Date.UTC(2026, 0, d, 2));
      all.push(at(day.toISOString()), at(new Date(day.getTime() + 3600_000).toISOString(), 'manual'));
    }
    for (let i = 0; i < 5; i++) all.push(at(new Date(Date.UTC(2026, 1, 20 + i, 5)).toISOString(), 'safety'));
    const keep = backupsToKeep(all, { daily: 7, weekly: 4, safety: 3 });
    const kept = all.filter((b) => keep.has(b.id));
    expect(kept.filter((b) => b.kind !== 'safety')).toHaveLength(11);
    expect(kept.filter((b) => b.kind === 'safety').map((b) => b.createdAt.slice(0, 10))).toEqual([
      '2026-02-22',
      '2026-02-23',
      '2026-02-24',
    ]);
    // The last 7 days: the later (manual) backup of each day.
    const days = kept
      .filter((b) => b.kind === 'manual')
      .map((b) => b.createdAt.slice(0, 10))
      .sort();
    expect(days.slice(-7)).toEqual([
      '2026-02-23',
      '2026-02-24',
      '2026-02-25',
      '2026-02-26',
      '2026-02-27',
      '2026-02-28',
      '2026-03-01',
    ]);
  });
  it('always keeps the newest backup, and is due after intervalHours', () => {
    const only = [at('2026-03-02T02:00:00Z', 'safety')];
    expect(backupsToKeep(only, { daily: 0, weekly: 0, safety: 0 })).toEqual(new Set([only[0]!.id]));
    const now = new Date('2026-03-03T01:59:00Z');
    expect(backupDue([at('2026-03-02T02:00:00Z')], now)).toBe(false);
    expect(backupDue([at('2026-03-02T02:00:00Z')], new Date('2026-03-03T02:00:00Z'))).toBe(true);
    expect(backupDue([at('2026-03-02T02:00:00Z', 'safety')], now)).toBe(true);
    expect(backupDue([], now)).toBe(true);
  });
});

describe('a damaged database at start', () => {
  async function withBackup(): Promise<{ dir: string; id: string }> {
    const dir = tempDir();
    const t = await createTestCore({ dir });
    const head = await t.login('head');
    const officer = await t.login('officer');
    const c = await openCase(t, officer);
    await addPhoto(t, officer, c.state.id, 5);
    const { id } = await t.call(head, 'backup.now', {});
    await t.close();
    return { dir, id };
  }

  it('refuses a file that is not a database, names the newest good backup, and leaves the file alone', async () => {
    const { dir, id } = await withBackup();
    const file = join(dir, 'anjuan.sqlite');
    const garbage = Buffer.from('这不是数据库'.repeat(1000));
    writeFileSync(file, garbage);
    rmSync(`${file}-wal`, { force: true });
    rmSync(`${file}-shm`, { force: true });
    const err = await createCore({ dataDir: dir, demo: true }).then(
      () => null,
      (e: unknown) => e as { code: string; message: string },
    );
    expect(err?.code).toBe('DATABASE_CORRUPT');
    expect(err?.message).toMatch(/数据库文件已损坏/);
    expect(err?.message).toContain(`编号 ${id}`);
    expect(err?.message).toContain(`backup.restore '{"id":"${id}"}'`);
    expect(readFileSync(file).equals(garbage)).toBe(true);
    expect(existsSync(`${file}-wal`)).toBe(false);
  });

  it('refuses a database SQLite finds damaged (quick_check)', async () => {
    const { dir } = await withBackup();
    const file = join(dir, 'anjuan.sqlite');
    const bytes = readFileSync(file);
    // Keep the header (page 1's first 100 bytes), overwrite the pages after it.
    for (let i = 4096; i < bytes.length; i += 7) bytes[i] = 0xa5;
    writeFileSync(file, bytes);
    const before = statSync(file).size;
    const err = await createCore({ dataDir: dir }).then(
      () => null,
      (e: unknown) => e as { code: string; message: string },
    );
    expect(err?.code).toBe('DATABASE_CORRUPT');
    expect(err?.message).toMatch(/最近的完好备份/);
    expect(statSync(file).size).toBe(before);
  });

  it('does not start on an empty or missing database in a used data directory', async () => {
    const { dir } = await withBackup();
    const file = join(dir, 'anjuan.sqlite');
    truncateSync(file, 0);
    expect(inspectDatabaseFile(dir)).toMatch(/为空/);
    const err = await createCore({ dataDir: dir, demo: true }).then(
      () => null,
      (e: unknown) => e as { code: string },
    );
    expect(err?.code).toBe('DATABASE_CORRUPT');
    expect(statSync(file).size).toBe(0);
    unlinkSync(file);
    expect(inspectDatabaseFile(dir)).toMatch(/缺失/);
    expect(
      (
        await createCore({ dataDir: dir }).then(
          () => null,
          (e: unknown) => e as { code: string },
        )
      )?.code,
    ).toBe('DATABASE_CORRUPT');
    expect(existsSync(file)).toBe(false);
  });

  it('is restored offline by the CLI (anjuan backup.restore), without a login; the damaged file is kept', async () => {
    const { dir, id } = await withBackup();
    const file = join(dir, 'anjuan.sqlite');
    writeFileSync(file, Buffer.alloc(8192, 0x42));
    const out: string[] = [];
    const log = vi.spyOn(console, 'log').mockImplementation((m: string) => {
      out.push(m);
    });
    const err = vi.spyOn(console, 'error').mockImplementation(() => undefined);
    try {
      expect(await runOfflineBackup('backup.list', {}, dir)).toBe(0);
      expect(JSON.parse(out.pop()!).backups[0].id).toBe(id);
      expect(await runOfflineBackup('backup.restore', { id: '../x' }, dir)).toBe(1);
      expect(await runOfflineBackup('backup.restore', { id }, dir)).toBe(0);
      const r = JSON.parse(out.pop()!) as { damagedMovedTo: string; message: string };
      expect(r.message).toMatch(/已从备份.*恢复.*请重新启动案卷/);
      expect(readFileSync(join(r.damagedMovedTo, 'anjuan.sqlite')).equals(Buffer.alloc(8192, 0x42))).toBe(true);
    } finally {
      log.mockRestore();
      err.mockRestore();
    }
    const t = await core(dir);
    expect((await t.call(await t.login('head'), 'cases.list', {})).total).toBe(1);
    // With a sound database the CLI goes through the core (and its login) again.
    expect(await runOfflineBackup('backup.list', {}, dir)).toBeNull();
  });

  it('starts normally on a new data directory', async () => {
    expect(inspectDatabaseFile(tempDir())).toBeNull();
  });
});
