/** The server's settings, from the environment (docs/server.md). */
import { homedir, userInfo } from 'node:os';
import { join } from 'node:path';

export interface ServerConfig {
  /** An external PostgreSQL; absent: the embedded one in `dataDir`. */
  databaseUrl: string | null;
  dataDir: string;
  host: string;
  port: number;
  /** The province administrator's first password (first start only); absent: a random one is printed. */
  adminPassword: string | undefined;
}

export const defaultPort = 47900;

/**
 * `~/.local/share/anjuan-server` (XDG), `%APPDATA%\anjuan-server` on Windows; as root
 * `/var/lib/anjuan-server`, since PostgreSQL then runs as `postgres`, which cannot enter /root.
 */
export function defaultDataDir(env: NodeJS.ProcessEnv = process.env): string {
  if (process.platform === 'win32') return join(env.APPDATA ?? join(homedir(), 'AppData', 'Roaming'), 'anjuan-server');
  if (userInfo().uid === 0) return '/var/lib/anjuan-server';
  return join(env.XDG_DATA_HOME || join(homedir(), '.local', 'share'), 'anjuan-server');
}

export function readConfig(env: NodeJS.ProcessEnv = process.env): ServerConfig {
  const port = env.ANJUAN_SERVER_PORT ? Number(env.ANJUAN_SERVER_PORT) : defaultPort;
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`ANJUAN_SERVER_PORT 不是有效的端口号：${env.ANJUAN_SERVER_PORT}`);
  return {
    databaseUrl: env.DATABASE_URL?.trim() || null,
    dataDir: env.ANJUAN_SERVER_DATA_DIR?.trim() || defaultDataDir(env),
    host: env.ANJUAN_SERVER_HOST?.trim() || '127.0.0.1',
    port,
    adminPassword: env.ANJUAN_SERVER_ADMIN_PASSWORD || undefined,
  };
}
