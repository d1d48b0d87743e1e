/**
 * The number blocks this workstation holds (migration 20261207T2150): how many numbers are left per
 * kind and year, and new blocks as the server reserved them. Drawing a number is `Sequences.next`.
 */
import type { Db } from './db.js';

export interface HeldBlock {
  kind: string;
  year: number;
  start: number;
  end: number;
  /** The next number to give; `end + 1` when spent. */
  next: number;
}

export class SyncBlocks {
  constructor(private readonly db: Db) {}

  /** Numbers not yet given, over all blocks of the kind and year. */
  remaining(kind: string, year: number): number {
    const r = this.db
      .prepare('SELECT COALESCE(SUM(end_no - next_no + 1), 0) AS n FROM sync_number_blocks WHERE kind = ? AND year = ?')
      .get(kind, year) as { n: number };
    return r.n;
  }

  /** Whether the desk ever held a block of the kind and year (its first request declares its earlier numbers). */
  heldBefore(kind: string, year: number): boolean {
    return (
      this.db.prepare('SELECT 1 FROM sync_number_blocks WHERE kind = ? AND year = ? LIMIT 1').get(kind, year) !==
      undefined
    );
  }

  /** The last number the desk's own counter gave before it was enrolled (0 if none). */
  localLast(bureauId: string, kind: string, year: number): number {
    const r = this.db
      .prepare('SELECT last FROM sequences WHERE bureau_id = ? AND kind = ? AND year = ?')
      .get(bureauId, kind, year) as { last: number } | undefined;
    return r?.last ?? 0;
  }

  /** A block the server reserved; `next` is past `end` for numbers already given (before enrolment). */
  add(kind: string, year: number, start: number, end: number, at: string, next = start): void {
    this.db
      .prepare(`INSERT INTO sync_number_blocks (kind, year, start_no, end_no, next_no, reserved_at)
        VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (kind, year, start_no) DO NOTHING`)
      .run(kind, year, start, end, next, at);
  }

  all(): HeldBlock[] {
    return (
      this.db
        .prepare(
          'SELECT kind, year, start_no AS start, end_no AS "end", next_no AS next FROM sync_number_blocks ORDER BY kind, year, start_no',
        )
        .all() as HeldBlock[]
    ).map((b) => ({ ...b }));
  }
}
