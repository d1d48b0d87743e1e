/** A row of case_events as SQLite returns it, and the event it holds: the event log and sync read the same rows. */
import type { CaseEvent } from '../domain/events.js';

export interface EventRow {
  id: string;
  case_id: string;
  case_seq: number;
  type: string;
  payload: string;
  actor_id: string;
  actor_name: string;
  device: string;
  hlc: string;
  at: string;
  prev_hash: string;
  hash: string;
}

export const eventFromRow = (r: EventRow): CaseEvent =>
  ({
    id: r.id,
    caseId: r.case_id,
    seq: r.case_seq,
    type: r.type,
    payload: JSON.parse(r.payload),
    actorId: r.actor_id,
    actorName: r.actor_name,
    device: r.device,
    hlc: r.hlc,
    at: r.at,
    prevHash: r.prev_hash,
    hash: r.hash,
  }) as CaseEvent;
