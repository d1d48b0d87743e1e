/**
 * Which stored files the cases refer to, and which of them the provincial server is known to hold
 * (sync_files, migration 20261207T2150). A hash is looked for in the cases' states as a whole JSON
 * string, as fileRefs.ts does; the caller keeps those the blob store has (or lacks).
 */
import type { Db } from './db.js';

export class SyncFiles {
  constructor(private readonly db: Db) {}

  /** Every SHA-256 named in a case's state (evidence, documents, sealed PDFs, dossier volumes). */
  referenced(): string[] {
    const found = new Set<string>();
    const rows = this.db.prepare('SELECT state FROM cases').iterate() as Iterable<{ state: string }>;
    for (const r of rows) for (const m of r.state.matchAll(/"([0-9a-f]{64})"/g)) found.add(m[1]!);
    return [...found];
  }

  confirmed(): Set<string> {
    return new Set(
      (this.db.prepare('SELECT hash FROM sync_files').all() as Array<{ hash: string }>).map((r) => r.hash),
    );
  }

  confirm(hash: string, size: number, at: string): void {
    this.db
      .prepare('INSERT INTO sync_files (hash, size, confirmed_at) VALUES (?, ?, ?) ON CONFLICT DO NOTHING')
      .run(hash, size, at);
  }
}
