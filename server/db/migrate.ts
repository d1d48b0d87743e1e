/**
 * Applies server/db/migrations/*.sql in name order (names start with a timestamp), each once, each in
 * its own transaction with its row in `schema_migrations`. An advisory lock keeps two servers starting
 * on one database from applying the same file twice.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type pg from 'pg';
import { inTransaction } from './pool.js';

export const migrationsDir = join(dirname(fileURLToPath(import.meta.url)), 'migrations');

/** Any fixed number: the key of the advisory lock held while migrating. */
const migrationLock = 4_780_001;

export function migrationFiles(dir = migrationsDir): string[] {
  return readdirSync(dir)
    .filter((f) => /^\d{8}T\d{4}_[a-z0-9_]+\.sql$/.test(f))
    .sort();
}

/** Returns the names applied now (empty when the database was up to date). */
export async function migrate(pool: pg.Pool, dir = migrationsDir): Promise<string[]> {
  const applied: string[] = [];
  for (const file of migrationFiles(dir)) {
    const name = file.replace(/\.sql$/, '');
    const done = await inTransaction(pool, async (tx) => {
      await tx.query('SELECT pg_advisory_xact_lock($1)', [migrationLock]);
      await tx.query(
        'CREATE TABLE IF NOT EXISTS schema_migrations (name text PRIMARY KEY, applied_at timestamptz NOT NULL DEFAULT now())',
      );
      const seen = await tx.query('SELECT 1 FROM schema_migrations WHERE name = $1', [name]);
      if (seen.rowCount) return false;
      await tx.query(readFileSync(join(dir, file), 'utf8'));
      await tx.query('INSERT INTO schema_migrations (name) VALUES ($1)', [name]);
      return true;
    });
    if (done) applied.push(name);
  }
  return applied;
}
