/**
 * The `meta` table: small key–value facts of this workstation (its device id, the projections'
 * version, the demo flag) and the bureau's settings. Callers name a key and get a string; the typed
 * meaning of each key lives with its reader (application/settings.ts, core.ts), the SQL here.
 */
import type { Db } from './db.js';

export function metaValue(db: Db, key: string): string | undefined {
  return (db.prepare('SELECT value FROM meta WHERE key = ?').get(key) as { value: string } | undefined)?.value;
}

export function setMetaValue(db: Db, key: string, value: string): void {
  db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(
    key,
    value,
  );
}

/** True when there was a value to remove. */
export function deleteMetaValue(db: Db, key: string): boolean {
  return db.prepare('DELETE FROM meta WHERE key = ?').run(key).changes > 0;
}

/** The stamp of the newest event on disk: the hybrid logical clock resumes from it after a restart. */
export function newestEventHlc(db: Db): string | undefined {
  return (db.prepare('SELECT hlc FROM case_events ORDER BY hlc DESC LIMIT 1').get() as { hlc: string } | undefined)
    ?.hlc;
}
