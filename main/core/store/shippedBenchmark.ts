/**
 * The release's discretion benchmark is saved at every start (DiscretionStore.saveShipped). Parsing
 * resources/discretion/violations.json (~0.5 MB, through zod) and hashing it canonically cost 0.1–0.2 s
 * of each start: most of what was left of `open-database-10k-cases` once the start check was split
 * (store/integrity.ts). So the file's own SHA-256 is kept in `meta`: the same bytes as at the last save
 * skip both; any other file (a new release) or any other database (one restored from an older backup,
 * whose `meta` says otherwise) goes through saveShipped exactly as before.
 */
import { readFileSync } from 'node:fs';
import type { DiscretionBenchmark } from '#common/schemas/discretion.js';
import type { DiscretionStore } from './discretionStore.js';
import { sha256Hex } from './hashing.js';
import type { Db } from './sqlite.js';

const metaKey = 'shippedBenchmarkFileSha256';

/** Saves the shipped benchmark unless this database already holds this very file. Returns whether it was parsed and saved. */
export function saveShippedBenchmark(
  db: Db,
  discretion: DiscretionStore,
  file: string,
  load: (file: string) => DiscretionBenchmark,
  at: string,
): boolean {
  const digest = sha256Hex(readFileSync(file));
  const row = db.prepare('SELECT value FROM meta WHERE key = ?').get(metaKey) as { value: string } | undefined;
  if (row?.value === digest) return false;
  discretion.saveShipped(load(file), at);
  db.prepare('INSERT INTO meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value').run(
    metaKey,
    digest,
  );
  return true;
}
