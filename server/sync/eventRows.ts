/** Case events between the database's rows and the wire's shape (the workstation's `CaseEvent`). */
import type { WireEvent } from '#common/sync/events.js';

export interface EventRow {
  server_seq: string;
  id: string;
  case_id: string;
  seq: number;
  type: string;
  payload: Record<string, unknown>;
  actor_id: string;
  actor_name: string;
  device: string;
  hlc: string;
  at: string;
  prev_hash: string;
  hash: string;
}

export const eventColumns =
  'server_seq, id, case_id, seq, type, payload, actor_id, actor_name, device, hlc, at, prev_hash, hash';

export function toWire(r: EventRow): WireEvent {
  return {
    id: r.id,
    caseId: r.case_id,
    seq: r.seq,
    type: r.type as WireEvent['type'],
    payload: r.payload,
    actorId: r.actor_id,
    actorName: r.actor_name,
    device: r.device,
    hlc: r.hlc,
    at: r.at,
    prevHash: r.prev_hash,
    hash: r.hash,
  };
}
