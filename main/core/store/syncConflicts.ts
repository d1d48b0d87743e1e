/**
 * How a sync conflict ends. The row stays (with what was kept); only `resolved_at`, `resolution` and
 * `resolved_by` are set, once:
 * - `redone`: the clerk performed the kept action again — its form's draft became a new action, in the
 *   same transaction (performAction);
 * - `discarded`: he threw it away, confirmed (sync.discardConflict).
 */
import type { Db } from './db.js';
import type { SyncConflict } from '#common/schemas/sync.js';

export interface ConflictRef {
  id: string;
  caseId: string;
  kind: SyncConflict['kind'];
  actorId: string | null;
  /** The first kept record's clerk, as the conflict shows him. */
  actorName: string;
  draft: NonNullable<SyncConflict['draft']> | null;
  resolvedAt: string | null;
}

export function conflictRef(db: Db, id: string): ConflictRef | null {
  const r = db
    .prepare('SELECT id, case_id, kind, actor_id, kept, draft, resolved_at FROM sync_conflicts WHERE id = ?')
    .get(id) as
    | {
        id: string;
        case_id: string;
        kind: SyncConflict['kind'];
        actor_id: string | null;
        kept: string;
        draft: string | null;
        resolved_at: string | null;
      }
    | undefined;
  if (!r) return null;
  const kept = JSON.parse(r.kept) as SyncConflict['kept'];
  return {
    id: r.id,
    caseId: r.case_id,
    kind: r.kind,
    actorId: r.actor_id,
    actorName: kept[0]?.actorName ?? '',
    draft: r.draft ? (JSON.parse(r.draft) as NonNullable<SyncConflict['draft']>) : null,
    resolvedAt: r.resolved_at,
  };
}

/** True when the conflict was open and is now resolved. */
export function resolveConflict(db: Db, id: string, resolution: 'discarded', by: string, at: string): boolean {
  return (
    db
      .prepare(
        'UPDATE sync_conflicts SET resolved_at = ?, resolution = ?, resolved_by = ? WHERE id = ? AND resolved_at IS NULL',
      )
      .run(at, resolution, by, id).changes > 0
  );
}

/** The user performed the action whose form held a conflict's data: those conflicts of his are redone. */
export function resolveRedone(db: Db, userId: string, caseId: string, form: string, at: string): number {
  return db
    .prepare(
      `UPDATE sync_conflicts SET resolved_at = ?, resolution = 'redone', resolved_by = ?
       WHERE case_id = ? AND actor_id = ? AND json_extract(draft, '$.form') = ? AND resolved_at IS NULL`,
    )
    .run(at, userId, caseId, userId, form).changes;
}
