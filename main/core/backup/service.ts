/**
 * Backups while the core runs: the daily backup, `backup.now`, pruning by the policy
 * (policy.ts), and restore — check the backup, keep the current state as a safety backup, then let
 * the core close the database, put the backup in place and open it again (restartableCore.ts).
 * One backup or restore at a time.
 */
import { accessSync, constants as fsConstants, existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import { isAbsolute, join, resolve, sep } from 'node:path';
import { AppError } from '#common/errors.js';
import type { BackupInfo, BackupKind, BackupListOutput, BackupRestoreOutput } from '#common/schemas/backup.js';
import type { Db } from '../store/db.js';
import { backupDue, backupPolicy, backupsToKeep, type BackupPolicy } from './policy.js';
import { backupRoot, chosenBackupFolder, defaultBackupRoot, listBackups, poolDir, saveBackupFolder } from './layout.js';
import { readCopy, takeBackup } from './take.js';
import { removeTree } from './files.js';
import { replaceDataDir, verifyBackup, type RestoreKey } from './restore.js';
import type { Reopen } from '../reopen.js';

export interface BackupServiceOptions {
  db: Db;
  dataDir: string;
  device: string;
  now: () => Date;
  appVersion: string;
  reopen: Reopen;
  /** Take the daily backup in the background (the hosts; not the CLI nor the tests). */
  schedule: boolean;
  policy?: BackupPolicy;
  log?: (message: string) => void;
  /** Encryption at rest: the database's key and where it is kept; backups stay encrypted with it. */
  encryption?: RestoreKey | null;
}

export class BackupService {
  private running: Promise<unknown> | null = null;
  private timers: NodeJS.Timeout[] = [];
  private lastError: { at: string; message: string } | null = null;
  private readonly policy: BackupPolicy;
  private readonly log: (m: string) => void;
  private closed = false;
  /** Set while a restore closes this core from inside its own work: close() must not wait for it. */
  private restoring = false;

  constructor(private readonly o: BackupServiceOptions) {
    this.policy = o.policy ?? backupPolicy;
    this.log = o.log ?? ((m) => console.error(`[anjuan] ${m}`));
    if (o.schedule) this.startSchedule();
  }

  private get key(): Buffer | null {
    return this.o.encryption?.key ?? null;
  }

  get root(): string {
    return backupRoot(this.o.dataDir);
  }

  list(): BackupListOutput {
    return {
      folder: this.root,
      defaultFolder: defaultBackupRoot(this.o.dataDir),
      usingDefault: chosenBackupFolder(this.o.dataDir) === null,
      intervalHours: this.policy.intervalHours,
      retention: { ...this.policy.keep },
      scheduled: this.o.schedule,
      running: this.running !== null,
      lastError: this.lastError,
      backups: listBackups(this.root),
    };
  }

  /** Runs one backup or restore at a time: a second caller waits for the first to finish. */
  private async exclusive<T>(work: () => Promise<T>): Promise<T> {
    while (this.running) await this.running.catch(() => undefined);
    if (this.closed) throw new AppError('BUSY', '工作站正在关闭，请稍后重试');
    const p = work();
    this.running = p;
    try {
      return await p;
    } finally {
      this.running = null;
    }
  }

  private take(kind: BackupKind): Promise<BackupInfo> {
    return takeBackup({
      db: this.o.db,
      dataDir: this.o.dataDir,
      root: this.root,
      kind,
      now: this.o.now(),
      device: this.o.device,
      appVersion: this.o.appVersion,
      key: this.key,
    });
  }

  /** `backup.now`: a backup at once, then pruning. */
  async now(kind: BackupKind = 'manual'): Promise<BackupInfo> {
    return this.exclusive(async () => {
      const info = await this.take(kind);
      this.prune();
      this.lastError = null;
      return info;
    });
  }

  /** The scheduler's look: a backup if the newest is `intervalHours` old. */
  async runIfDue(): Promise<BackupInfo | null> {
    if (this.running || this.closed) return null;
    if (!backupDue(listBackups(this.root), this.o.now(), this.policy)) return null;
    try {
      const info = await this.now('daily');
      this.log(`每日自动备份完成：${info.id}（${this.root}）`);
      return info;
    } catch (e) {
      const message = e instanceof Error ? e.message : String(e);
      this.lastError = { at: this.o.now().toISOString(), message };
      this.log(`每日自动备份失败：${message}`);
      return null;
    }
  }

  private startSchedule(): void {
    const look = (): void => {
      void this.runIfDue();
    };
    const first = setTimeout(look, this.policy.firstCheckAfterMinutes * 60_000);
    const every = setInterval(look, this.policy.checkEveryMinutes * 60_000);
    first.unref();
    every.unref();
    this.timers.push(first, every);
  }

  /**
   * Removes the backups the policy does not keep, then the stored files no kept backup refers to, and
   * any half-written backup left by a crash. Called after each backup, inside `exclusive`.
   */
  prune(): string[] {
    const root = this.root;
    const all = listBackups(root);
    const keep = backupsToKeep(
      all.filter((b) => !b.problems.length),
      this.policy.keep,
    );
    const removed: string[] = [];
    for (const b of all) {
      if (keep.has(b.id) || b.problems.length) continue; // a backup we cannot read is left for a person to look at
      removeTree(join(root, b.id));
      removed.push(b.id);
    }
    for (const name of existsSync(root) ? readdirSync(root) : [])
      if (name.startsWith('.partial-')) removeTree(join(root, name));
    // The store: every file some remaining backup's database refers to stays.
    const referenced = new Set<string>();
    for (const b of listBackups(root)) {
      if (b.problems.length) continue;
      try {
        for (const { hash } of readCopy(join(root, b.id, 'anjuan.sqlite'), this.key).blobs) referenced.add(hash);
      } catch {
        return removed; // unsure what is referenced: remove no stored file
      }
    }
    const pool = poolDir(root);
    for (const prefix of existsSync(pool) ? readdirSync(pool) : []) {
      for (const rest of readdirSync(join(pool, prefix))) {
        if (!referenced.has(`${prefix}${rest}`)) rmSync(join(pool, prefix, rest), { force: true });
      }
    }
    return removed;
  }

  /**
   * `backup.restore`: check the backup (refused if anything is wrong, nothing changed), keep the
   * current state as a safety backup, then close the database, put the backup in place, reopen.
   */
  async restore(id: string): Promise<BackupRestoreOutput> {
    return this.exclusive(async () => {
      const root = this.root;
      const verified = await verifyBackup(root, id, this.key);
      let safety: BackupInfo | null = null;
      let repaired = 0;
      this.restoring = true;
      try {
        await this.o.reopen({
          // Taken while no other request runs: nothing done before the restore is missing from it.
          beforeClose: async () => {
            safety = await this.take('safety');
          },
          replace: async () => {
            repaired = (await replaceDataDir(this.o.dataDir, root, verified, this.o.encryption ?? null)).blobsRepaired;
          },
        });
      } finally {
        this.restoring = false;
      }
      const kept = safety as BackupInfo | null;
      if (!kept) throw new AppError('BACKUP_FAILED', '未能保存恢复前的安全备份，恢复未进行');
      const message = [
        `已从备份 ${id} 恢复（${verified.info.cases}件案件）。恢复前的数据已另存为安全备份 ${kept.id}。`,
        '工作站已重新打开数据库，请重新登录。',
        ...verified.warnings,
      ].join('');
      return { restored: verified.info, safetyBackupId: kept.id, blobsRepaired: repaired, restarted: true, message };
    });
  }

  /** `backup.setFolder`: an absolute folder this PC can write to, outside the data directory's own files; null for the default. */
  setFolder(folder: string | null): BackupListOutput {
    if (folder !== null) {
      if (!isAbsolute(folder))
        throw new AppError('VALIDATION', '备份文件夹应为完整路径（如 D:\\案卷备份 或 /media/备份盘/案卷）');
      const abs = resolve(folder);
      const data = resolve(this.o.dataDir);
      const inside = (a: string, b: string): boolean => a === b || a.startsWith(b.endsWith(sep) ? b : b + sep);
      if (inside(abs, data) && !inside(abs, defaultBackupRoot(data)))
        throw new AppError('VALIDATION', '备份文件夹不能在数据目录之内（默认的 backups 文件夹除外）');
      if (inside(data, abs)) throw new AppError('VALIDATION', '备份文件夹不能包含数据目录');
      try {
        mkdirSync(abs, { recursive: true, mode: 0o700 });
        accessSync(abs, fsConstants.W_OK);
      } catch {
        throw new AppError('VALIDATION', `不能写入此文件夹：${abs}`);
      }
    }
    saveBackupFolder(this.o.dataDir, folder === null ? null : resolve(folder));
    return this.list();
  }

  /** Stops the schedule and waits for a backup under way (the database closes after). */
  async close(): Promise<void> {
    this.closed = true;
    for (const t of this.timers) clearTimeout(t);
    this.timers = [];
    if (this.running && !this.restoring) await this.running.catch(() => undefined);
  }
}
