/**
 * Backups: the contract of `backup.list`, `backup.now`, `backup.restore` and
 * `backup.setFolder` (main/core/backup/). A backup is a folder `<backups>/<id>/` holding a copy of the
 * database made with SQLite's online backup API, the bureau's data files and a manifest; the files
 * (evidence, documents, dossiers) are kept once for all backups in `<backups>/blobs/`, by hash.
 */
import { z } from 'zod';
import { hasControlChars } from './primitives.js';

/** 20261207T120000Z (UTC), with -2, -3 … when two are taken in the same second. Also a path segment: nothing else passes. */
export const backupIdPattern = /^\d{8}T\d{6}Z(-\d{1,3})?$/;
export const backupId = z.string().max(40).regex(backupIdPattern, '备份编号格式不正确');

export const backupKinds = ['daily', 'manual', 'safety'] as const;
export type BackupKind = (typeof backupKinds)[number];
export const backupKindNames: Record<BackupKind, string> = {
  daily: '每日自动备份',
  manual: '手动备份',
  safety: '恢复前的安全备份',
};

export const backupInfo = z.object({
  id: z.string(),
  kind: z.enum(backupKinds),
  createdAt: z.string(),
  /** The database copy, in bytes. */
  databaseBytes: z.number().int(),
  cases: z.number().int(),
  events: z.number().int(),
  /** Files (evidence, documents, dossiers) the backup restores. */
  blobs: z.number().int(),
  blobBytes: z.number().int(),
  /** Files that were already missing or damaged in the data directory when the backup was taken. */
  missingBlobs: z.number().int(),
  /** Problems found when listing (a missing or unreadable manifest): such a backup cannot be restored. */
  problems: z.array(z.string()),
});
export type BackupInfo = z.infer<typeof backupInfo>;

export const backupRetention = z.object({
  daily: z.number().int(),
  weekly: z.number().int(),
  safety: z.number().int(),
});

export const backupListOutput = z.object({
  /** Where the backups are: the bureau's folder, or `<data directory>/backups`. */
  folder: z.string(),
  defaultFolder: z.string(),
  usingDefault: z.boolean(),
  intervalHours: z.number(),
  retention: backupRetention,
  /** Whether this core takes the daily backup itself (the desktop app and the web host do; the CLI does not). */
  scheduled: z.boolean(),
  running: z.boolean(),
  /** The last automatic backup's failure, until one succeeds. */
  lastError: z.object({ at: z.string(), message: z.string() }).nullable(),
  backups: z.array(backupInfo),
});
export type BackupListOutput = z.infer<typeof backupListOutput>;

export const backupRestoreInput = z.object({ id: backupId });
export const backupRestoreOutput = z.object({
  restored: backupInfo,
  /** The state just before the restore, kept as a backup of its own (kind `safety`). */
  safetyBackupId: z.string().nullable(),
  /** Files copied back into the data directory because they were missing or damaged there. */
  blobsRepaired: z.number().int(),
  /** The core closed the database, replaced it and opened it again: every user logs in again. */
  restarted: z.boolean(),
  message: z.string(),
});
export type BackupRestoreOutput = z.infer<typeof backupRestoreOutput>;

export const backupSetFolderInput = z.object({
  /** An absolute folder on this PC (a second disk, a network share); null: back to `<data directory>/backups`. */
  folder: z
    .string()
    .trim()
    .min(1, '请填写备份文件夹')
    .max(500, '文件夹路径过长（不超过500个字符）')
    .refine((s) => !hasControlChars(s), '文件夹路径含有不允许的控制字符')
    .nullable(),
});
