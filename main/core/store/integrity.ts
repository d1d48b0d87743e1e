/**
 * Finding a damaged database at start without making every start wait for a full check.
 * `PRAGMA quick_check` reads every page: ~0.3–1 s for 10,000 cases (230 MB), most of an open. So:
 *   - a small database (≤ 16 MB: every test and a young workstation) is checked whole at open, as before;
 *   - a larger one is checked at open on what SQLite needs to start (the schema, read whole) and on
 *     every table but the bulky ones (the case log and projection, the directory and law library
 *     with their search indexes); the bulky ones are checked table by table right after the core's
 *     first answer, yielding to requests between tables (`DeferredIntegrityCheck`), and the result
 *     goes to `app.startupReport` and the log.
 * A backup checks its own copy whole (backup/take.ts), so a damaged page never reaches a backup unseen.
 */
import { statSync } from 'node:fs';
import type { Db } from './sqlite.js';

export const fullCheckAtOpenMaxBytes = 16 * 1024 * 1024;

/** Tables whose check waits until after the first answer: large by design, and not read to start. */
const bulky = /^(cases|case_events|enterprises(_.*)?|law_.*|laws|derived_pdfs|auth_audit|blobs)$/;

function fileBytes(file: string): number {
  try {
    return statSync(file).size;
  } catch {
    return 0;
  }
}

/** The ordinary tables, bulky ones last (virtual tables are checked through their shadow tables). */
function tables(db: Db): string[] {
  return db
    .prepare("SELECT name FROM sqlite_master WHERE type = 'table' AND sql NOT LIKE 'CREATE VIRTUAL%' ORDER BY name")
    .pluck()
    .all() as string[];
}

const quote = (name: string): string => `"${name.replace(/"/g, '""')}"`;

/** `PRAGMA quick_check`, whole or of one table and its indexes: 'ok' or the first problems found. */
export function quickCheck(db: Db, table?: string): string {
  const rows = db.pragma(table ? `quick_check(${quote(table)})` : 'quick_check') as Array<{ quick_check: string }>;
  const result = rows.map((r) => r.quick_check);
  return result.length === 1 && result[0] === 'ok' ? 'ok' : result.slice(0, 5).join('；');
}

/**
 * The check at open: whole for a small file; else the schema and the non-bulky tables. Returns the
 * tables left for `DeferredIntegrityCheck` and the first problem found ('ok' when none).
 */
export function checkAtOpen(
  db: Db,
  file: string,
  maxBytesForFull = fullCheckAtOpenMaxBytes,
): { result: string; deferred: string[] } {
  if (fileBytes(file) <= maxBytesForFull) return { result: quickCheck(db), deferred: [] };
  const names = tables(db); // reads the whole schema: a damaged schema page fails here
  const deferred: string[] = [];
  for (const name of names) {
    if (bulky.test(name)) {
      deferred.push(name);
      continue;
    }
    const r = quickCheck(db, name);
    if (r !== 'ok') return { result: r, deferred: [] };
  }
  return { result: 'ok', deferred };
}

export type DeferredCheckState =
  | { state: 'none' }
  | { state: 'pending' | 'running' }
  | { state: 'ok'; finishedAt: string }
  | { state: 'damaged'; finishedAt: string; table: string; result: string };

/**
 * The rest of the start check, table by table after the first answer. Each table is one synchronous
 * `quick_check` (the largest, the case log, holds the core for its length once); between tables the
 * core answers whatever waits.
 */
export class DeferredIntegrityCheck {
  private status: DeferredCheckState;
  private stopped = false;
  private done: Promise<void> | null = null;

  constructor(
    private readonly db: Db,
    private readonly tablesLeft: string[],
    private readonly now: () => Date,
    private readonly onDamage: (table: string, result: string) => void,
  ) {
    this.status = tablesLeft.length ? { state: 'pending' } : { state: 'none' };
  }

  get state(): DeferredCheckState {
    return this.status;
  }

  /** Starts once (later calls return the same run); resolves when every table was checked or the core closed. */
  start(): Promise<void> {
    if (this.done) return this.done;
    if (this.status.state !== 'pending') {
      this.done = Promise.resolve();
      return this.done;
    }
    this.status = { state: 'running' };
    this.done = (async () => {
      for (const table of this.tablesLeft) {
        await new Promise<void>((r) => setImmediate(r));
        if (this.stopped) return;
        let result: string;
        try {
          result = quickCheck(this.db, table);
        } catch (e) {
          if (this.stopped || !this.db.open) return;
          result = `${(e as { code?: string }).code ?? ''} ${e instanceof Error ? e.message : String(e)}`.trim();
        }
        if (result !== 'ok') {
          this.status = { state: 'damaged', finishedAt: this.now().toISOString(), table, result };
          this.onDamage(table, result);
          return;
        }
      }
      this.status = { state: 'ok', finishedAt: this.now().toISOString() };
    })();
    return this.done;
  }

  /** Before the database closes: the table being checked finishes, no next one starts. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.done) await this.done;
  }
}
