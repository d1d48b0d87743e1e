/**
 * Where backups live and what a backup folder holds.
 *
 *   <backups>/                      <data directory>/backups, or the folder the bureau chose
 *     20261207T120000Z/             one backup, named by its UTC time
 *       anjuan.sqlite               the database, copied with SQLite's online backup API
 *       files/calendars/…           the bureau's data files (next year's holidays, procedure and template versions)
 *       manifest.json               written last: kind, time, counts, SHA-256 of the database and of every file
 *     blobs/ab/cdef…                evidence, documents and dossiers, once for all backups, by SHA-256
 *     .partial-<id>/                a backup being taken (never listed; removed if a start finds it)
 *
 * The chosen folder is kept in `<data directory>/backup-settings.json`, not in the database, so that
 * the way back is known even when the database is the thing that broke.
 */
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { isAbsolute, join, resolve } from 'node:path';
import { z } from 'zod';
import { backupIdPattern, backupKinds, type BackupInfo } from '#common/schemas/backup.js';
import { writeFileDurably } from '../store/durableFile.js';
import { databaseFile } from '../store/db.js';
import { isPlainSqliteFile } from '../store/cipher.js';

export { databaseFile };
/** The folders of the data directory a backup carries besides the database and the blobs (see dataFiles.ts). */
export const dataFolders = ['calendars', 'procedures', 'templates'] as const;
const settingsFile = 'backup-settings.json';

export const manifestSchema = z.object({
  format: z.literal(1),
  id: z.string().regex(backupIdPattern),
  kind: z.enum(backupKinds),
  createdAt: z.string(),
  appVersion: z.string(),
  device: z.string(),
  database: z.object({
    file: z.literal(databaseFile),
    sha256: z.string().regex(/^[0-9a-f]{64}$/),
    bytes: z.number().int(),
  }),
  counts: z.object({ cases: z.number().int(), events: z.number().int() }),
  blobs: z.object({
    count: z.number().int(),
    bytes: z.number().int(),
    /** Missing or damaged in the data directory when the backup was taken: not in the backup. */
    missing: z.array(z.object({ hash: z.string(), reason: z.enum(['missing', 'damaged']) })),
  }),
  files: z.array(z.object({ path: z.string(), sha256: z.string(), bytes: z.number().int() })),
});
export type Manifest = z.infer<typeof manifestSchema>;

const settingsSchema = z.object({ folder: z.string().nullable() });

export function defaultBackupRoot(dataDir: string): string {
  return join(dataDir, 'backups');
}

/** The bureau's folder, if one was chosen (and the settings file is readable), else null. */
export function chosenBackupFolder(dataDir: string): string | null {
  const file = join(dataDir, settingsFile);
  if (!existsSync(file)) return null;
  try {
    const s = settingsSchema.parse(JSON.parse(readFileSync(file, 'utf8')));
    return s.folder && isAbsolute(s.folder) ? s.folder : null;
  } catch {
    return null;
  }
}

export function backupRoot(dataDir: string): string {
  return chosenBackupFolder(dataDir) ?? defaultBackupRoot(dataDir);
}

export function saveBackupFolder(dataDir: string, folder: string | null): void {
  writeFileDurably(
    join(dataDir, settingsFile),
    Buffer.from(`${JSON.stringify({ folder: folder ? resolve(folder) : null }, null, 2)}\n`),
  );
}

export const backupDir = (root: string, id: string): string => join(root, id);
export const poolDir = (root: string): string => join(root, 'blobs');
export const poolPath = (root: string, hash: string): string => join(poolDir(root), hash.slice(0, 2), hash.slice(2));
/** Where the data directory keeps a blob (store/blobStore.ts). */
export const blobPath = (dataDir: string, hash: string): string =>
  join(dataDir, 'blobs', hash.slice(0, 2), hash.slice(2));

export function readManifest(root: string, id: string): Manifest {
  return manifestSchema.parse(JSON.parse(readFileSync(join(backupDir(root, id), 'manifest.json'), 'utf8')));
}

export function infoOf(m: Manifest, problems: string[] = []): BackupInfo {
  return {
    id: m.id,
    kind: m.kind,
    createdAt: m.createdAt,
    databaseBytes: m.database.bytes,
    cases: m.counts.cases,
    events: m.counts.events,
    blobs: m.blobs.count,
    blobBytes: m.blobs.bytes,
    missingBlobs: m.blobs.missing.length,
    problems,
  };
}

/** The backups in a folder, newest first. One without a readable manifest is listed with its problem (it cannot be restored). */
export function listBackups(root: string): BackupInfo[] {
  if (!existsSync(root)) return [];
  const out: BackupInfo[] = [];
  for (const name of readdirSync(root)) {
    if (!backupIdPattern.test(name)) continue;
    try {
      if (!statSync(join(root, name)).isDirectory()) continue;
    } catch {
      continue;
    }
    try {
      out.push(infoOf(readManifest(root, name)));
    } catch {
      out.push({
        id: name,
        kind: 'manual',
        createdAt: idToInstant(name),
        databaseBytes: 0,
        cases: 0,
        events: 0,
        blobs: 0,
        blobBytes: 0,
        missingBlobs: 0,
        problems: ['备份清单文件缺失或损坏，此备份不能用于恢复'],
      });
    }
  }
  return out.sort((a, b) => b.createdAt.localeCompare(a.createdAt) || b.id.localeCompare(a.id));
}

/** How many whole backups in a folder hold a plain database: what enabling encryption leaves readable (encryption/service.ts). */
export function plainBackupCount(root: string): number {
  const plain = (b: BackupInfo): boolean => !b.problems.length && isPlainSqliteFile(join(root, b.id, databaseFile));
  return listBackups(root).filter(plain).length;
}

/** 20261207T120000Z → 2026-12-07T12:00:00.000Z */
export function idToInstant(id: string): string {
  const m = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z/.exec(id);
  return m ? `${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6]}.000Z` : '';
}

/** A new id for a backup taken at `at`, unique in `root`. */
export function newBackupId(root: string, at: Date): string {
  const base = at
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}Z$/, 'Z');
  let id = base;
  for (let n = 2; existsSync(join(root, id)) || existsSync(join(root, `.partial-${id}`)); n++) id = `${base}-${n}`;
  return id;
}

/** Whether a data directory has been used (files stored, or backups taken): an empty database there is not a new one. */
export function dataDirInUse(dataDir: string): boolean {
  const blobs = join(dataDir, 'blobs');
  try {
    if (
      existsSync(blobs) &&
      readdirSync(blobs).some((d) => /^[0-9a-f]{2}$/.test(d) && readdirSync(join(blobs, d)).length > 0)
    )
      return true;
  } catch {
    /* unreadable: judged by the backups */
  }
  return listBackups(backupRoot(dataDir)).length > 0;
}
