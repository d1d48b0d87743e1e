/**
 * The `drafts` table: a user's unsubmitted form values, one row per user, case and form. Every query
 * names the user, so one user's draft is never read, listed or deleted by another. The values are
 * stored as the JSON the renderer sent; the core never interprets them.
 */
import type { Db } from './db.js';

export interface DraftRow {
  caseId: string | null;
  form: string;
  values: unknown;
  savedAt: string;
}

/** '' stands for "no case yet" in the key (see the migration); callers see null. */
const caseKey = (caseId: string | null): string => caseId ?? '';
const caseOf = (key: string): string | null => (key === '' ? null : key);

/** Insert or replace the user's draft of this form (one statement on the primary key: cheap at any size). */
export function putDraft(db: Db, userId: string, caseId: string | null, form: string, valuesJson: string, at: string) {
  db.prepare(
    `INSERT INTO drafts (user_id, case_id, form, values_json, saved_at) VALUES (?, ?, ?, ?, ?)
     ON CONFLICT (user_id, case_id, form) DO UPDATE SET values_json = excluded.values_json, saved_at = excluded.saved_at`,
  ).run(userId, caseKey(caseId), form, valuesJson, at);
}

export function readDraft(db: Db, userId: string, caseId: string | null, form: string): DraftRow | null {
  const row = db
    .prepare('SELECT values_json, saved_at FROM drafts WHERE user_id = ? AND case_id = ? AND form = ?')
    .get(userId, caseKey(caseId), form) as { values_json: string; saved_at: string } | undefined;
  return row ? { caseId, form, values: JSON.parse(row.values_json) as unknown, savedAt: row.saved_at } : null;
}

/** The user's drafts, newest first, without their values (a list, not a restore). */
export function draftsOfUser(db: Db, userId: string): Array<Omit<DraftRow, 'values'>> {
  const rows = db
    .prepare('SELECT case_id, form, saved_at FROM drafts WHERE user_id = ? ORDER BY saved_at DESC')
    .all(userId) as Array<{ case_id: string; form: string; saved_at: string }>;
  return rows.map((r) => ({ caseId: caseOf(r.case_id), form: r.form, savedAt: r.saved_at }));
}

/** True when there was a draft to delete. Called inside the transaction of what the draft became. */
export function deleteDraft(db: Db, userId: string, caseId: string | null, form: string): boolean {
  return (
    db.prepare('DELETE FROM drafts WHERE user_id = ? AND case_id = ? AND form = ?').run(userId, caseKey(caseId), form)
      .changes > 0
  );
}
