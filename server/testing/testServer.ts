/**
 * A real server for tests: an embedded PostgreSQL on a temporary folder and a free port, migrated and
 * seeded, and the HTTP app listening on 127.0.0.1 port 0. One per test file (beforeAll/afterAll).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type pg from 'pg';
import type { FastifyInstance } from 'fastify';
import { startEmbedded, type EmbeddedCluster } from '../db/embedded.js';
import { createPool } from '../db/pool.js';
import { migrate } from '../db/migrate.js';
import { loadBureaus, seedBureaus } from '../db/bureaus.js';
import { bootstrapAdmin } from '../bootstrap.js';
import { buildServer } from '../app.js';
import type { ServerBlobStore } from '../files/blobStore.js';

/** The province administrator's password in tests (the bootstrap reads it as ANJUAN_SERVER_ADMIN_PASSWORD would give it). */
export const testAdminPassword = 'Shengji-guanli-2026';

// biome-ignore lint/suspicious/noExplicitAny: a test reads the reply's fields it asserts; each typed reply would only restate them
export interface Reply<T = any> {
  status: number;
  body: T;
  contentType: string | null;
}

export interface TestServer {
  url: string;
  pool: pg.Pool;
  cluster: EmbeddedCluster;
  app: FastifyInstance;
  /** Where the server keeps case files (blobs/ab/cdef…, unless a `fileStore` was given) and partial uploads (uploads/). */
  filesDir: string;
  /** The update feed's folder (served at /updates/<file>); absent until a test creates it. */
  updatesDir: string;
  /** Moves the server's clock (ms added to the real one). */
  clock: { offsetMs: number };
  // biome-ignore lint/suspicious/noExplicitAny: as Reply
  request<T = any>(
    method: string,
    path: string,
    opts?: { body?: unknown; raw?: string | Buffer; token?: string; contentType?: string },
  ): Promise<Reply<T>>;
  close(): Promise<void>;
}

/**
 * `judgeGuards: false` for a test that seeds synthetic case histories (no documents, receipts or evidence
 * behind the steps) to exercise what reads them — dashboards, ledgers —, not the push's law checks.
 * `fileStore`: whole files go there (a bucket) instead of `filesDir/blobs`.
 */
export async function startTestServer(
  opts: { judgeGuards?: boolean; fileStore?: ServerBlobStore } = {},
): Promise<TestServer> {
  const dir = mkdtempSync(join(tmpdir(), 'anjuan-server-test-'));
  const cluster = await startEmbedded({ dir, durable: false });
  const pool = createPool(cluster.url);
  const clock = { offsetMs: 0 };
  let app: FastifyInstance;
  try {
    await migrate(pool);
    await seedBureaus(pool, loadBureaus());
    await bootstrapAdmin(pool, testAdminPassword, new Date());
    app = await buildServer({
      pool,
      now: () => new Date(Date.now() + clock.offsetMs),
      filesDir: join(dir, 'files'),
      updatesDir: join(dir, 'updates'),
      ...(opts.judgeGuards === false ? { judgeGuards: false } : {}),
      ...(opts.fileStore ? { fileStore: opts.fileStore } : {}),
    });
    await app.listen({ port: 0, host: '127.0.0.1' });
  } catch (e) {
    await pool.end().catch(() => undefined);
    await cluster.stop().catch(() => undefined);
    rmSync(dir, { recursive: true, force: true });
    throw e;
  }
  const addr = app.server.address();
  const url = `http://127.0.0.1:${addr && typeof addr === 'object' ? addr.port : 0}`;
  return {
    url,
    pool,
    cluster,
    app,
    filesDir: join(dir, 'files'),
    updatesDir: join(dir, 'updates'),
    clock,
    async request(method, path, opts = {}) {
      const headers: Record<string, string> = {};
      if (opts.token) headers.authorization = `Bearer ${opts.token}`;
      let body: string | Buffer | undefined;
      if (opts.raw !== undefined) body = opts.raw;
      else if (opts.body !== undefined) body = JSON.stringify(opts.body);
      if (body !== undefined) headers['content-type'] = opts.contentType ?? 'application/json';
      const res = await fetch(url + path, { method, headers, body });
      const text = await res.text();
      let parsed: unknown = text;
      try {
        parsed = JSON.parse(text);
      } catch {
        /* left as text: the test will say so */
      }
      return {
        status: res.status,
        body: parsed as never /* the caller names what it expects: Reply<T> */,
        contentType: res.headers.get('content-type'),
      };
    },
    async close() {
      await app.close();
      await pool.end();
      await cluster.stop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
