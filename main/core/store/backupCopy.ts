/**
 * What a backup reads from a copy of the database (never the live one): its integrity, the stored
 * files it refers to and how many cases and events it holds. Queries of the schema stay in the store;
 * backup/take.ts and backup/restore.ts decide what to do with the answers.
 */
import type { Db } from './db.js';

/** `PRAGMA quick_check`: 'ok', or the first problem found. */
export function quickCheckOf(db: Db): string {
  return (db.pragma('quick_check', { simple: true }) as string) ?? '';
}

/** `PRAGMA integrity_check`: ['ok'], or the problems found. */
export function integrityCheckOf(db: Db): string[] {
  return (db.pragma('integrity_check', { simple: false }) as Array<{ integrity_check: string }>).map(
    (r) => r.integrity_check,
  );
}

/** Every stored file the database refers to, by hash, with its size. */
export function storedBlobs(db: Db): Array<{ hash: string; size: number }> {
  return db.prepare('SELECT hash, size FROM blobs ORDER BY hash').all() as Array<{ hash: string; size: number }>;
}

export function caseAndEventCounts(db: Db): { cases: number; events: number } {
  const count = (table: 'cases' | 'case_events'): number =>
    (db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
  return { cases: count('cases'), events: count('case_events') };
}
