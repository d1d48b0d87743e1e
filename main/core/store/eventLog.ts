/**
 * The append-only case event log with a per-case hash chain: each event's hash covers its content
 * and the previous event's hash, so any later edit of the history is detectable (过程痕迹化).
 */
import type { Db } from './db.js';
import type { CaseEvent, CaseEventBody } from '../domain/events.js';
import { canonicalJson, genesisHash, sha256Hex } from './hashing.js';

export interface EventMeta {
  id: string;
  caseId: string;
  actorId: string;
  actorName: string;
  device: string;
  hlc: string;
  at: string;
}

interface EventRow {
  seq: number; id: string; case_id: string; case_seq: number; type: string; payload: string;
  actor_id: string; actor_name: string; device: string; hlc: string; at: string; prev_hash: string; hash: string;
}

export function eventHash(e: Omit<CaseEvent, 'hash'>): string {
  const { id, caseId, seq, type, payload, actorId, actorName, device, hlc, at, prevHash } = e;
  return sha256Hex(canonicalJson({ id, caseId, seq, type, payload, actorId, actorName, device, hlc, at, prevHash }));
}

function fromRow(r: EventRow): CaseEvent {
  return {
    id: r.id, caseId: r.case_id, seq: r.case_seq, type: r.type, payload: JSON.parse(r.payload),
    actorId: r.actor_id, actorName: r.actor_name, device: r.device, hlc: r.hlc, at: r.at, prevHash: r.prev_hash, hash: r.hash,
  } as CaseEvent;
}

export class EventLog {
  private readonly insert;
  private readonly lastOf;
  private readonly byCase;

  constructor(private readonly db: Db) {
    this.insert = db.prepare(`INSERT INTO case_events (id, case_id, case_seq, type, payload, actor_id, actor_name, device, hlc, at, prev_hash, hash)
      VALUES (@id, @caseId, @seq, @type, @payload, @actorId, @actorName, @device, @hlc, @at, @prevHash, @hash)`);
    this.lastOf = db.prepare('SELECT case_seq, hash FROM case_events WHERE case_id = ? ORDER BY case_seq DESC LIMIT 1');
    this.byCase = db.prepare('SELECT * FROM case_events WHERE case_id = ? ORDER BY case_seq');
  }

  /** Appends one event; must run inside the caller's transaction together with the projection update. */
  append(body: CaseEventBody, meta: EventMeta): CaseEvent {
    const last = this.lastOf.get(meta.caseId) as { case_seq: number; hash: string } | undefined;
    const partial = { ...body, ...meta, seq: (last?.case_seq ?? 0) + 1, prevHash: last?.hash ?? genesisHash } as Omit<CaseEvent, 'hash'>;
    const event = { ...partial, hash: eventHash(partial) } as CaseEvent;
    this.insert.run({ ...event, payload: JSON.stringify(event.payload) });
    return event;
  }

  forCase(caseId: string): CaseEvent[] {
    return (this.byCase.all(caseId) as EventRow[]).map(fromRow);
  }

  /** Every event in log order (replay, rebuild, sync). */
  *all(): Generator<CaseEvent> {
    for (const r of this.db.prepare('SELECT * FROM case_events ORDER BY seq').iterate() as Iterable<EventRow>) yield fromRow(r);
  }
}

/** Checks a case's chain: every hash recomputes and links to its predecessor. */
export function verifyChain(events: CaseEvent[]): { valid: boolean; brokenAt: number | null } {
  let prev = genesisHash;
  for (const e of events) {
    const { hash, ...rest } = e;
    if (e.prevHash !== prev || eventHash(rest) !== hash) return { valid: false, brokenAt: e.seq };
    prev = hash;
  }
  return { valid: true, brokenAt: null };
}
