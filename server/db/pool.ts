/** The PostgreSQL connection pool (node-postgres) and a transaction helper. SQL lives only under server/. */
import pg from 'pg';

export type Pool = pg.Pool;
export type Tx = pg.PoolClient;

export function createPool(connectionString: string): pg.Pool {
  const pool = new pg.Pool({ connectionString, max: 10, idleTimeoutMillis: 30_000, connectionTimeoutMillis: 10_000 });
  // An idle client losing its connection (the database restarted) must not crash the server: the next
  // query gets a fresh one, and a request in flight answers DATABASE_UNAVAILABLE.
  pool.on('error', (e) => console.error('[anjuan-server] 数据库连接中断：', e.message));
  return pool;
}

/** Runs `fn` in one transaction: committed when it returns, rolled back when it throws. */
export async function inTransaction<T>(pool: pg.Pool, fn: (tx: Tx) => Promise<T>): Promise<T> {
  const tx = await pool.connect();
  try {
    await tx.query('BEGIN');
    const out = await fn(tx);
    await tx.query('COMMIT');
    return out;
  } catch (e) {
    await tx.query('ROLLBACK').catch(() => undefined);
    throw e;
  } finally {
    tx.release();
  }
}
