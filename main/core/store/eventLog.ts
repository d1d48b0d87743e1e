/**
 * The append-only case event log with a per-case hash chain: each event's hash covers its content
 * and the previous event's hash, so any later edit of the history is detectable (过程痕迹化).
 */
import type { Db } from './db.js';
import type { CaseEvent, CaseEventBody } from '../domain/events.js';
import { genesisHash } from './hashing.js';
import { eventHash } from './eventHash.js';
import { eventFromRow, type EventRow } from './eventRow.js';

// The pure part lives in eventHash.ts (the provincial server imports it); re-exported for existing callers.
export { eventHash, verifyChain } from './eventHash.js';

export interface EventMeta {
  id: string;
  caseId: string;
  actorId: string;
  actorName: string;
  device: string;
  hlc: string;
  at: string;
}

export class EventLog {
  private readonly insert;
  private readonly lastOf;
  private readonly byCase;

  constructor(private readonly db: Db) {
    this.insert =
      db.prepare(`INSERT INTO case_events (id, case_id, case_seq, type, payload, actor_id, actor_name, device, hlc, at, prev_hash, hash)
      VALUES (@id, @caseId, @seq, @type, @payload, @actorId, @actorName, @device, @hlc, @at, @prevHash, @hash)`);
    this.lastOf = db.prepare('SELECT case_seq, hash FROM case_events WHERE case_id = ? ORDER BY case_seq DESC LIMIT 1');
    this.byCase = db.prepare('SELECT * FROM case_events WHERE case_id = ? ORDER BY case_seq');
  }

  /** Appends one event; must run inside the caller's transaction together with the projection update. */
  append(body: CaseEventBody, meta: EventMeta): CaseEvent {
    const last = this.lastOf.get(meta.caseId) as { case_seq: number; hash: string } | undefined;
    const partial = { ...body, ...meta, seq: (last?.case_seq ?? 0) + 1, prevHash: last?.hash ?? genesisHash } as Omit<
      CaseEvent,
      'hash'
    >;
    const event = { ...partial, hash: eventHash(partial) } as CaseEvent;
    this.insert.run({ ...event, payload: JSON.stringify(event.payload) });
    return event;
  }

  forCase(caseId: string): CaseEvent[] {
    return (this.byCase.all(caseId) as EventRow[]).map(eventFromRow);
  }

  /**
   * Every event in log order (replay, rebuild, sync). Rows come as arrays (`raw()`): for the 500,000
   * events of the replay figure that reads in ~35% less time than one object per row.
   */
  *all(): Generator<CaseEvent> {
    const rows = this.db
      .prepare(`SELECT id, case_id, case_seq, type, payload, actor_id, actor_name, device, hlc, at, prev_hash, hash
      FROM case_events ORDER BY seq`)
      .raw()
      .iterate() as Iterable<
      [string, string, number, string, string, string, string, string, string, string, string, string]
    >;
    for (const [id, caseId, seq, type, payload, actorId, actorName, device, hlc, at, prevHash, hash] of rows) {
      yield {
        id,
        caseId,
        seq,
        type,
        payload: JSON.parse(payload),
        actorId,
        actorName,
        device,
        hlc,
        at,
        prevHash,
        hash,
      } as CaseEvent;
    }
  }
}
