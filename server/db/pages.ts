/**
 * A query's rows a page at a time through a server-side cursor, so a reader of 50,000 rows (the 台账)
 * never holds them all: one read-only transaction (one snapshot, so a page never sees rows pushed after
 * the first), `FETCH n` per page, planned for reading every row. Leaving the loop early (the download was abandoned) rolls back and
 * gives the connection back.
 */
import type pg from 'pg';

export async function* pagesOf<R extends pg.QueryResultRow>(
  pool: pg.Pool,
  sql: string,
  params: unknown[],
  pageSize = 1000,
): AsyncGenerator<R[]> {
  const client = await pool.connect();
  let done = false;
  try {
    await client.query('BEGIN READ ONLY');
    // Every row is read: plan for all of them (the default plans a cursor for its first tenth, which here
    // chose an index walk with a nested loop, half again slower than a sort over a hash join).
    await client.query('SET LOCAL cursor_tuple_fraction = 1');
    await client.query(`DECLARE pages_cursor NO SCROLL CURSOR FOR ${sql}`, params);
    for (;;) {
      const r = await client.query<R>(`FETCH ${pageSize} FROM pages_cursor`);
      if (!r.rows.length) break;
      // Hand on a copy and empty pg's own array. pg's objects for a FETCH (its result, reachable from its
      // query) can be moved to V8's old generation while the page arrives, and a young collection keeps
      // whatever an old object points at, dead or not: every row read was promoted and the dead pages piled
      // up until a full collection (three reads of the province's 50,000 cases: about 80 MB over the idle
      // server, about 10 MB with the copy). A page handed on stays whole for a reader that keeps it.
      const page = r.rows.slice();
      r.rows.length = 0;
      yield page;
    }
    await client.query('COMMIT');
    done = true;
  } finally {
    if (!done) await client.query('ROLLBACK').catch(() => undefined);
    client.release();
  }
}
