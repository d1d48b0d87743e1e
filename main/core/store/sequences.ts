/**
 * Yearly number sequences per bureau and document kind (案号, 告知书文号, 决定书文号).
 * Numbers are taken inside the same transaction as the event that uses them, so a rolled-back
 * action gives its number back and the sequence has no gaps.
 */
import type { Db } from './db.js';

export class Sequences {
  private readonly bump;
  constructor(db: Db) {
    this.bump = db.prepare(`INSERT INTO sequences (bureau_id, kind, year, last) VALUES (?, ?, ?, 1)
      ON CONFLICT (bureau_id, kind, year) DO UPDATE SET last = last + 1 RETURNING last`);
  }
  next(bureauId: string, kind: string, year: number): number {
    return (this.bump.get(bureauId, kind, year) as { last: number }).last;
  }
}

/** Fills a number pattern such as `{abbr}罚字〔{year}〕{seq}号`. */
export function formatNumber(pattern: string, values: { abbr: string; year: number; seq: number }): string {
  return pattern
    .replace('{abbr}', values.abbr)
    .replace('{year}', String(values.year))
    .replace('{seq}', String(values.seq));
}
