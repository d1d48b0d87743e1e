/**
 * Requests already answered, by the id the caller chose (`requests` table): an operation a caller
 * may retry after a lost reply (立案 from a flaky connection) is recorded with its result in the
 * same transaction as its events, so the retry finds the first result instead of doing it twice.
 */
import type { Db } from './db.js';

/** What the request with this id produced (e.g. the case id), or undefined when it is new. */
export function answeredRequest(db: Db, requestId: string): string | undefined {
  return (
    db.prepare('SELECT result FROM requests WHERE request_id = ?').get(requestId) as { result: string } | undefined
  )?.result;
}

/** Call inside the transaction that does the request's work: both land, or neither. */
export function recordRequest(db: Db, requestId: string, op: string, result: string, at: string): void {
  db.prepare('INSERT INTO requests (request_id, op, result, created_at) VALUES (?, ?, ?, ?)').run(
    requestId,
    op,
    result,
    at,
  );
}
