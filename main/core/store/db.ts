/**
 * Opens the case database: WAL for crash safety and concurrent readers, foreign keys on,
 * then applies the migrations it has not seen, each in its own transaction.
 */
import { Database, type Db } from './sqlite.js';
import { applyKey } from './cipher.js';
import { checkAtOpen } from './integrity.js';
import { migrations } from './migrations/index.js';
import { AppError } from '#common/errors.js';
import { closeSync, existsSync, openSync } from 'node:fs';
import { privateFileMode, restrictToOwner } from './durableFile.js';

/**
 * The database holds every case and personal data: owner-only on POSIX (SQLite would
 * create it 0644). Created empty with mode 0600 before SQLite opens it — SQLite then gives its WAL
 * and shared-memory files the database's mode — and an existing one is tightened.
 */
function ownerOnlyDatabaseFile(file: string): void {
  if (file === ':memory:' || file === '') return;
  if (!existsSync(file)) closeSync(openSync(file, 'a', privateFileMode));
  for (const f of [file, `${file}-wal`, `${file}-shm`]) restrictToOwner(f, privateFileMode);
}

export type { Db };

/** The case database's file in a data directory (a backup folder holds it under the same name). */
export const databaseFile = 'anjuan.sqlite';

export interface OpenOptions {
  /** The data directory is encrypted (encryption/marker.ts): its key, applied before the first read (store/cipher.ts). */
  key?: Buffer | null;
  /**
   * 'full' (default): the whole `PRAGMA quick_check` before anything is written. 'at-open': only what
   * `checkAtOpen` checks before the first answer (store/integrity.ts); the caller checks the tables it
   * returns afterwards (the core does, with DeferredIntegrityCheck).
   */
  integrity?: 'full' | 'at-open';
}

export function openDatabase(file: string, opts: OpenOptions = {}): Db {
  return openDatabaseChecked(file, opts).db;
}

/** `openDatabase`, also returning the tables left for a check after the first answer (`integrity: 'at-open'`). */
export function openDatabaseChecked(file: string, opts: OpenOptions = {}): { db: Db; deferred: string[] } {
  ownerOnlyDatabaseFile(file);
  const db = new Database(file);
  if (opts.key) applyKey(db, opts.key);
  const deferred = assertIntact(db, file, opts.integrity ?? 'full'); // before anything is written to it
  db.pragma('journal_mode = WAL');
  // NORMAL is durable across application crashes in WAL mode; only an OS crash can lose the
  // last transactions, never corrupt the file.
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  migrate(db);
  return { db, deferred };
}

/**
 * a damaged database is found when it is opened (`PRAGMA quick_check`, see store/integrity.ts
 * for how much of it runs before the first answer), before a pragma or a migration writes to it, and
 * never used: the caller (backup/startup.ts) names the way back. A file that is not a database at all
 * (or an encrypted one read with a wrong key) fails here with SQLite's SQLITE_NOTADB.
 */
function assertIntact(db: Db, file: string, integrity: 'full' | 'at-open'): string[] {
  let checked: { result: string; deferred: string[] };
  try {
    checked =
      integrity === 'full'
        ? { result: String(db.pragma('quick_check', { simple: true })), deferred: [] }
        : checkAtOpen(db, file);
  } catch (e) {
    db.close();
    throw e;
  }
  const { result } = checked;
  if (result !== 'ok') {
    db.close();
    throw new AppError('DATABASE_CORRUPT', `数据库文件已损坏（PRAGMA quick_check：${result.slice(0, 200)}）`, {
      file,
      reason: result.slice(0, 500),
    });
  }
  return checked.deferred;
}

export function migrate(db: Db): string[] {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY, applied_at TEXT NOT NULL)');
  const done = new Set(
    (db.prepare('SELECT name FROM schema_migrations').all() as Array<{ name: string }>).map((r) => r.name),
  );
  const applied: string[] = [];
  for (const m of migrations) {
    if (done.has(m.name)) continue;
    db.transaction(() => {
      db.exec(m.sql);
      db.prepare('INSERT INTO schema_migrations (name, applied_at) VALUES (?, ?)').run(
        m.name,
        new Date().toISOString(),
      );
    })();
    applied.push(m.name);
  }
  return applied;
}

/** The schema as text, for the snapshot test. */
export function schemaDump(db: Db): string {
  const rows = db
    .prepare(
      "SELECT type, name, sql FROM sqlite_master WHERE sql IS NOT NULL AND name NOT LIKE 'sqlite_%' ORDER BY type, name",
    )
    .all() as Array<{ sql: string }>;
  return `${rows.map((r) => `${r.sql.trim()};`).join('\n\n')}\n`;
}
