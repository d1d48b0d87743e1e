/**
 * Yearly number sequences per bureau and document kind (案号, 告知书文号, 决定书文号).
 * Numbers are taken inside the same transaction as the event that uses them, so a rolled-back
 * action gives its number back and the sequence has no gaps.
 *
 * A workstation enrolled with the provincial server numbers only from the blocks the server reserved
 * for it (sync_number_blocks, lowest first), so two desks of a bureau never give the same number even
 * while both are offline. When its blocks are spent it refuses rather than invent a number; the next
 * sync brings a new block. A workstation without a server keeps its own counter.
 */
import { AppError } from '#common/errors.js';
import type { Db } from './db.js';

/** The refusal when the desk's blocks of a kind are spent (offline): the step that needs a number waits for a sync. */
export function numbersExhaustedMessage(kind: string): string {
  return kind === 'case'
    ? '本机预留的案号已用完，请联网同步后再立案'
    : '本机预留的文号已用完，请联网同步后再制作此文书';
}

export class Sequences {
  private readonly bump;
  private readonly enrolled;
  private readonly fromBlock;
  private readonly take;
  constructor(db: Db) {
    this.bump = db.prepare(`INSERT INTO sequences (bureau_id, kind, year, last) VALUES (?, ?, ?, 1)
      ON CONFLICT (bureau_id, kind, year) DO UPDATE SET last = last + 1 RETURNING last`);
    this.enrolled = db.prepare('SELECT 1 FROM sync_enrolment');
    this.fromBlock = db.prepare(`SELECT start_no, next_no FROM sync_number_blocks
      WHERE kind = ? AND year = ? AND next_no <= end_no ORDER BY start_no LIMIT 1`);
    this.take = db.prepare(
      'UPDATE sync_number_blocks SET next_no = next_no + 1 WHERE kind = ? AND year = ? AND start_no = ?',
    );
  }
  next(bureauId: string, kind: string, year: number): number {
    if (this.enrolled.get() === undefined) return (this.bump.get(bureauId, kind, year) as { last: number }).last;
    const b = this.fromBlock.get(kind, year) as { start_no: number; next_no: number } | undefined;
    if (!b) throw new AppError('NUMBERS_EXHAUSTED', numbersExhaustedMessage(kind), { kind, year });
    this.take.run(kind, year, b.start_no);
    return b.next_no;
  }
}

/** Fills a number pattern such as `{abbr}罚字〔{year}〕{seq}号`. */
export function formatNumber(pattern: string, values: { abbr: string; year: number; seq: number }): string {
  return pattern
    .replace('{abbr}', values.abbr)
    .replace('{year}', String(values.year))
    .replace('{seq}', String(values.seq));
}
