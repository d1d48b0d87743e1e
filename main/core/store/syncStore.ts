/**
 * The sync client's own state (migration 20261207T2000_sync_client): the enrolment with its
 * credential and cursors, the acknowledged heads of cases (what is NOT pending), and the mutations
 * sent but not yet acknowledged. Acknowledging a reply updates heads, mutations and the device's
 * mutation counter in ONE transaction, so a crash never leaves the counter ahead of the events
 * (Replicache's lastMutationID, kept on both ends).
 */
import type { Db } from './db.js';

export interface Enrolment {
  serverUrl: string;
  deviceId: string;
  deviceName: string;
  /** Never returned by an operation, never logged. */
  credential: string;
  bureauId: string;
  bureauName: string;
  enrolledAt: string;
  enrolledBy: string;
  cursor: number;
  cursorEventId: string | null;
  refCursor: number;
  lastMutationId: number;
  usersSeen: number;
  /** The ETag of the last users reply applied here (null: none yet, or forgotten after a local change to the accounts). */
  usersEtag: string | null;
  lastGoodSync: string | null;
  lastError: string | null;
  stopped: string | null;
  changes: string[];
}

export interface Head {
  seq: number;
  hash: string;
}

export interface SentMutation {
  mutationId: number;
  caseId: string;
  fromSeq: number;
  toSeq: number;
}

interface EnrolmentRow {
  server_url: string;
  device_id: string;
  device_name: string;
  credential: string;
  bureau_id: string;
  bureau_name: string;
  enrolled_at: string;
  enrolled_by: string;
  cursor: number;
  cursor_event_id: string | null;
  ref_cursor: number;
  last_mutation_id: number;
  users_seen: number;
  users_etag: string | null;
  last_good_sync: string | null;
  last_error: string | null;
  stopped: string | null;
  changes: string;
}

export class SyncStore {
  constructor(readonly db: Db) {}

  enrolment(): Enrolment | null {
    const r = this.db.prepare('SELECT * FROM sync_enrolment WHERE id = 1').get() as EnrolmentRow | undefined;
    if (!r) return null;
    return {
      serverUrl: r.server_url,
      deviceId: r.device_id,
      deviceName: r.device_name,
      credential: r.credential,
      bureauId: r.bureau_id,
      bureauName: r.bureau_name,
      enrolledAt: r.enrolled_at,
      enrolledBy: r.enrolled_by,
      cursor: r.cursor,
      cursorEventId: r.cursor_event_id,
      refCursor: r.ref_cursor,
      lastMutationId: r.last_mutation_id,
      usersSeen: r.users_seen,
      usersEtag: r.users_etag,
      lastGoodSync: r.last_good_sync,
      lastError: r.last_error,
      stopped: r.stopped,
      changes: JSON.parse(r.changes) as string[],
    };
  }

  /**
   * A new enrolment (or a new one replacing a revoked one): a new device on the server starts its
   * mutation counter at 0, so unacknowledged mutations are forgotten (their events stay pending and are
   * sent again; events the server already holds are no-ops there). Cursors are kept for the same bureau.
   */
  enrol(
    e: Pick<
      Enrolment,
      'serverUrl' | 'deviceId' | 'deviceName' | 'credential' | 'bureauId' | 'bureauName' | 'enrolledAt' | 'enrolledBy'
    >,
  ): void {
    this.db
      .transaction(() => {
        const before = this.enrolment();
        const keep = before && before.bureauId === e.bureauId;
        this.db.prepare('DELETE FROM sync_enrolment').run();
        this.db.prepare('DELETE FROM sync_mutations').run();
        this.db
          .prepare(`INSERT INTO sync_enrolment (id, server_url, device_id, device_name, credential, bureau_id, bureau_name,
            enrolled_at, enrolled_by, cursor, cursor_event_id, ref_cursor, users_seen)
            VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
          .run(
            e.serverUrl,
            e.deviceId,
            e.deviceName,
            e.credential,
            e.bureauId,
            e.bureauName,
            e.enrolledAt,
            e.enrolledBy,
            keep ? before.cursor : 0,
            keep ? before.cursorEventId : null,
            keep ? before.refCursor : 0,
            keep ? before.usersSeen : 0,
          );
      })
      .immediate();
  }

  /** The GB/T 2260 county the workstation was set up for (bureaus.county), to check an enrolment code's bureau. */
  county(): string | null {
    return (
      (this.db.prepare('SELECT county FROM bureaus LIMIT 1').get() as { county: string | null } | undefined)?.county ??
      null
    );
  }

  /** The outcome of a round: `error` null on success (then lastGoodSync = at). */
  recordOutcome(at: string, error: string | null, stopped: string | null = null): void {
    this.db
      .prepare(`UPDATE sync_enrolment SET last_error = ?, stopped = COALESCE(?, stopped),
        last_good_sync = CASE WHEN ? IS NULL THEN ? ELSE last_good_sync END WHERE id = 1`)
      .run(error, stopped, error, at);
  }

  /** What the last rounds brought, newest first, at most 20 lines. */
  addChanges(lines: string[]): void {
    if (!lines.length) return;
    const before = (this.enrolment()?.changes ?? []).filter((l) => !lines.includes(l));
    this.db
      .prepare('UPDATE sync_enrolment SET changes = ? WHERE id = 1')
      .run(JSON.stringify([...lines, ...before].slice(0, 20)));
  }

  setCursors(cursor: number, cursorEventId: string | null, refCursor: number): void {
    this.db
      .prepare('UPDATE sync_enrolment SET cursor = ?, cursor_event_id = ?, ref_cursor = ? WHERE id = 1')
      .run(cursor, cursorEventId, refCursor);
  }

  /** After a users reply is applied: how many users it had, and its ETag (kept only now, never before applying). */
  setUsersSeen(n: number, etag: string | null = null): void {
    this.db.prepare('UPDATE sync_enrolment SET users_seen = ?, users_etag = ? WHERE id = 1').run(n, etag);
  }

  head(caseId: string): Head | null {
    return (
      (this.db.prepare('SELECT seq, hash FROM sync_heads WHERE case_id = ?').get(caseId) as Head | undefined) ?? null
    );
  }

  /** Moves a case's acknowledged head forward (never back: a late acknowledgement of older events changes nothing). */
  advanceHead(caseId: string, head: Head): void {
    this.db
      .prepare(`INSERT INTO sync_heads (case_id, seq, hash) VALUES (?, ?, ?)
        ON CONFLICT (case_id) DO UPDATE SET seq = excluded.seq, hash = excluded.hash WHERE excluded.seq > sync_heads.seq`)
      .run(caseId, head.seq, head.hash);
  }

  sentMutations(): SentMutation[] {
    return this.db
      .prepare(
        'SELECT mutation_id AS mutationId, case_id AS caseId, from_seq AS fromSeq, to_seq AS toSeq FROM sync_mutations ORDER BY mutation_id',
      )
      .all() as SentMutation[];
  }

  /** Recorded before the request leaves, so that a retry after a lost reply resends exactly these. */
  recordSent(ms: SentMutation[]): void {
    const ins = this.db.prepare(
      'INSERT INTO sync_mutations (mutation_id, case_id, from_seq, to_seq) VALUES (?, ?, ?, ?)',
    );
    this.db.transaction(() => {
      for (const m of ms) ins.run(m.mutationId, m.caseId, m.fromSeq, m.toSeq);
    })();
  }

  /**
   * The server's answer: every mutation in `acked` is applied there, the counter is the server's.
   * Heads move to each acknowledged mutation's last event; the other sent mutations are forgotten
   * (the server has not applied them, so they may be renumbered and rebuilt). One transaction.
   */
  acknowledge(lastMutationId: number, acked: Array<{ caseId: string; head: Head }>): void {
    this.db
      .transaction(() => {
        for (const a of acked) this.advanceHead(a.caseId, a.head);
        this.db.prepare('DELETE FROM sync_mutations').run();
        this.db.prepare('UPDATE sync_enrolment SET last_mutation_id = ? WHERE id = 1').run(lastMutationId);
      })
      .immediate();
  }

  /** Cases with events after their acknowledged head, and how many (the outbox), oldest change first. */
  pendingCases(): Array<{ caseId: string; fromSeq: number; toSeq: number }> {
    return this.db
      .prepare(`SELECT c.id AS caseId, COALESCE(h.seq, 0) + 1 AS fromSeq, c.version AS toSeq
        FROM cases c LEFT JOIN sync_heads h ON h.case_id = c.id
        WHERE c.version > COALESCE(h.seq, 0) ORDER BY c.updated_at, c.id`)
      .all() as Array<{ caseId: string; fromSeq: number; toSeq: number }>;
  }

  pendingCount(): number {
    return (
      this.db
        .prepare(`SELECT COALESCE(SUM(c.version - COALESCE(h.seq, 0)), 0) AS n FROM cases c
          LEFT JOIN sync_heads h ON h.case_id = c.id WHERE c.version > COALESCE(h.seq, 0)`)
        .get() as { n: number }
    ).n;
  }
}
