/** Reference data versions received and not yet applied or refused (sync_reference, migrations 20261207T2000/2150). */
import type { Db } from './db.js';

export interface PendingReference {
  seq: number;
  kind: string;
  version: string;
  payload: unknown;
}

export class SyncReference {
  constructor(private readonly db: Db) {}

  pending(): PendingReference[] {
    return (
      this.db
        .prepare(
          'SELECT seq, kind, version, payload FROM sync_reference WHERE applied_at IS NULL AND refused IS NULL ORDER BY seq',
        )
        .all() as Array<{ seq: number; kind: string; version: string; payload: string }>
    ).map((r) => ({ ...r, payload: JSON.parse(r.payload) }));
  }

  /** The versions waiting, without their payloads: a first provisioning's are tens of MB, read one at a time. */
  pendingKeys(): Array<Omit<PendingReference, 'payload'>> {
    return this.db
      .prepare(
        'SELECT seq, kind, version FROM sync_reference WHERE applied_at IS NULL AND refused IS NULL ORDER BY seq',
      )
      .all() as Array<Omit<PendingReference, 'payload'>>;
  }

  payload(seq: number): unknown {
    const r = this.db.prepare('SELECT payload FROM sync_reference WHERE seq = ?').get(seq) as
      | { payload: string }
      | undefined;
    return r ? JSON.parse(r.payload) : null;
  }

  applied(seq: number, at: string): void {
    this.db.prepare('UPDATE sync_reference SET applied_at = ? WHERE seq = ?').run(at, seq);
  }

  refused(seq: number, reason: string): void {
    this.db.prepare('UPDATE sync_reference SET refused = ? WHERE seq = ?').run(reason, seq);
  }
}
