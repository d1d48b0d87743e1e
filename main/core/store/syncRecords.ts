/**
 * What sync keeps for people to see: conflicts (a pending action another desk's work made unlawful,
 * or one the server refused — with its typed data, never dropped) and the reference data versions
 * the province published (recorded as received; applying each kind comes later).
 */
import type { Db } from './db.js';
import type { SyncConflict } from '#common/schemas/sync.js';

export interface ReferenceVersion {
  seq: number;
  kind: string;
  version: string;
  payload: unknown;
  publishedAt: string;
}

interface ConflictRow {
  id: string;
  case_id: string;
  case_number: string;
  kind: SyncConflict['kind'];
  summary: string;
  reason: string;
  kept: string;
  created_at: string;
  theirs: string;
  actor_id: string | null;
  draft: string | null;
}

export class SyncRecords {
  constructor(private readonly db: Db) {}

  addConflict(c: SyncConflict): void {
    this.db
      .prepare(`INSERT INTO sync_conflicts (id, case_id, case_number, kind, summary, reason, kept, created_at,
          theirs, actor_id, draft)
        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
      .run(
        c.id,
        c.caseId,
        c.caseNumber,
        c.kind,
        c.summary,
        c.reason,
        JSON.stringify(c.kept),
        c.createdAt,
        c.theirs ?? '',
        c.actorId ?? null,
        c.draft ? JSON.stringify(c.draft) : null,
      );
  }

  /** Unresolved conflicts, newest first (the handler keeps those of cases the caller may see). */
  openConflicts(): SyncConflict[] {
    return (
      this.db
        .prepare('SELECT * FROM sync_conflicts WHERE resolved_at IS NULL ORDER BY created_at DESC, id DESC')
        .all() as ConflictRow[]
    ).map((r) => ({
      id: r.id,
      caseId: r.case_id,
      caseNumber: r.case_number,
      kind: r.kind,
      summary: r.summary,
      reason: r.reason,
      kept: JSON.parse(r.kept) as SyncConflict['kept'],
      createdAt: r.created_at,
      theirs: r.theirs,
      actorId: r.actor_id,
      draft: r.draft ? (JSON.parse(r.draft) as SyncConflict['draft']) : null,
    }));
  }

  openConflictCount(): number {
    return (
      this.db.prepare('SELECT COUNT(*) AS n FROM sync_conflicts WHERE resolved_at IS NULL').get() as { n: number }
    ).n;
  }

  /** Cases the server refused: held back from pushing until resolved (else every push would fail on them). */
  heldCases(): Set<string> {
    return new Set(
      (
        this.db
          .prepare("SELECT DISTINCT case_id FROM sync_conflicts WHERE kind = 'refused' AND resolved_at IS NULL")
          .all() as Array<{ case_id: string }>
      ).map((r) => r.case_id),
    );
  }

  /** Returns false for a version already received (a repeated page). */
  addReference(r: ReferenceVersion, receivedAt: string): boolean {
    return (
      this.db
        .prepare(`INSERT INTO sync_reference (seq, kind, version, payload, published_at, received_at)
          VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (seq) DO NOTHING`)
        .run(r.seq, r.kind, r.version, JSON.stringify(r.payload ?? null), r.publishedAt, receivedAt).changes > 0
    );
  }

  referenceVersions(): Array<Omit<ReferenceVersion, 'payload'>> {
    return this.db
      .prepare('SELECT seq, kind, version, published_at AS publishedAt FROM sync_reference ORDER BY seq')
      .all() as Array<Omit<ReferenceVersion, 'payload'>>;
  }
}
