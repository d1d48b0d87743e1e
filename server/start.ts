/**
 * Starts the whole server: the file store (checked first: an unreachable bucket stops the start before
 * anything else runs), the database (embedded PostgreSQL, or DATABASE_URL), migrations, the bureaus, the
 * first administrator on an empty database, then HTTP. `stop` undoes it in reverse
 * order, the embedded PostgreSQL last (a clean shutdown, no recovery at the next start).
 */
import { join } from 'node:path';
import type pg from 'pg';
import { startEmbedded, type EmbeddedCluster } from './db/embedded.js';
import { createPool } from './db/pool.js';
import { migrate } from './db/migrate.js';
import { loadBureaus, seedBureaus } from './db/bureaus.js';
import { bootstrapAdmin } from './bootstrap.js';
import { buildServer } from './app.js';
import type { ServerBlobStore } from './files/blobStore.js';
import { diskBlobStore } from './files/diskBlobStore.js';
import { s3BlobStore } from './files/s3BlobStore.js';
import type { ServerConfig } from './config.js';

export interface RunningServer {
  url: string;
  /** The embedded cluster's folder, or null with DATABASE_URL. */
  embeddedDir: string | null;
  /** The connection string in use (with its password: never print it). */
  databaseUrl: string;
  /** Where whole files are kept, for the start-up line (disk, or the bucket). */
  filesWhere: string;
  migrationsApplied: string[];
  /** Set on the first start: the administrator created (and its password when it was generated). */
  bootstrap: { username: string; generatedPassword: string | null } | null;
  pool: pg.Pool;
  stop(): Promise<void>;
}

function openFileStore(config: ServerConfig, filesDir: string): ServerBlobStore {
  const store = config.fileStore;
  return store.kind === 's3' ? s3BlobStore(store) : diskBlobStore(filesDir);
}

export async function startServer(config: ServerConfig): Promise<RunningServer> {
  let cluster: EmbeddedCluster | null = null;
  let pool: pg.Pool | null = null;
  const filesDir = join(config.dataDir, 'files');
  const fileStore = openFileStore(config, filesDir);
  await fileStore.check();
  try {
    if (!config.databaseUrl) cluster = await startEmbedded({ dir: config.dataDir });
    pool = createPool(config.databaseUrl ?? cluster!.url);
    const migrationsApplied = await migrate(pool);
    await seedBureaus(pool, loadBureaus());
    const bootstrap = await bootstrapAdmin(pool, config.adminPassword, new Date());
    const app = await buildServer({
      pool,
      filesDir,
      fileStore,
      updatesDir: join(config.dataDir, 'updates'),
    });
    await app.listen({ port: config.port, host: config.host });
    const addr = app.server.address();
    const port = addr && typeof addr === 'object' ? addr.port : config.port;
    const p = pool;
    const c = cluster;
    return {
      url: `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}/`,
      embeddedDir: c?.dir ?? null,
      databaseUrl: config.databaseUrl ?? c!.url,
      filesWhere: fileStore.where,
      migrationsApplied,
      bootstrap,
      pool: p,
      stop: async () => {
        await app.close();
        await p.end();
        await c?.stop();
      },
    };
  } catch (e) {
    await pool?.end().catch(() => undefined);
    await cluster?.stop().catch(() => undefined);
    throw e;
  }
}
