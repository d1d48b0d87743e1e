/**
 * The case events sync moves: a case's events in a range (to push), events of another desk written
 * verbatim (their id, hash and stamps are the other desk's, so the chain is the same on every
 * workstation and on the server), and the replacement of pending events another desk overtook: each
 * is first copied verbatim to sync_superseded_events (append-only) and only then removed from
 * case_events (the DELETE trigger of migration 20261207T2000 checks both).
 */
import type { Db } from './db.js';
import { eventFromRow, type EventRow } from './eventRow.js';
import type { CaseEvent } from '../domain/events.js';

const columns = 'id, case_id, case_seq, type, payload, actor_id, actor_name, device, hlc, at, prev_hash, hash';
const values = '@id, @caseId, @seq, @type, @payload, @actorId, @actorName, @device, @hlc, @at, @prevHash, @hash';

export class SyncEvents {
  constructor(private readonly db: Db) {}

  /** Events `fromSeq`..`toSeq` of a case, in order. */
  range(caseId: string, fromSeq: number, toSeq = Number.MAX_SAFE_INTEGER): CaseEvent[] {
    return (
      this.db
        .prepare(`SELECT ${columns} FROM case_events WHERE case_id = ? AND case_seq BETWEEN ? AND ? ORDER BY case_seq`)
        .all(caseId, fromSeq, toSeq) as EventRow[]
    ).map(eventFromRow);
  }

  last(caseId: string): CaseEvent | null {
    const r = this.db
      .prepare(`SELECT ${columns} FROM case_events WHERE case_id = ? ORDER BY case_seq DESC LIMIT 1`)
      .get(caseId) as EventRow | undefined;
    return r ? eventFromRow(r) : null;
  }

  /** Another desk's event as it is (the caller checked its hash and its link to the case's last event). */
  insertVerbatim(e: CaseEvent): void {
    this.db
      .prepare(`INSERT INTO case_events (${columns}) VALUES (${values})`)
      .run({ ...e, payload: JSON.stringify(e.payload) });
  }

  /** Copies the events verbatim to the archive, then removes them from the log (inside the caller's transaction). */
  supersede(events: readonly CaseEvent[], at: string, outcome: string): void {
    const copy = this.db.prepare(
      `INSERT INTO sync_superseded_events (${columns}, superseded_at, outcome) VALUES (${values}, @supersededAt, @outcome)`,
    );
    const del = this.db.prepare('DELETE FROM case_events WHERE id = ?');
    // Newest first: the case's last event goes first, so the chain left behind always ends cleanly.
    for (const e of [...events].reverse()) {
      copy.run({ ...e, payload: JSON.stringify(e.payload), supersededAt: at, outcome });
      del.run(e.id);
    }
  }

  /** How many events of the case were superseded (a test and the history may show them). */
  superseded(caseId: string): CaseEvent[] {
    return (
      this.db
        .prepare(`SELECT ${columns} FROM sync_superseded_events WHERE case_id = ? ORDER BY superseded_at, case_seq`)
        .all(caseId) as EventRow[]
    ).map(eventFromRow);
  }
}
