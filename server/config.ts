/** The server's settings, from the environment (docs/server.md). */
import { homedir, userInfo } from 'node:os';
import { join } from 'node:path';
import type { S3Settings } from './files/s3BlobStore.js';

export interface ServerConfig {
  /** An external PostgreSQL; absent: the embedded one in `dataDir`. */
  databaseUrl: string | null;
  dataDir: string;
  host: string;
  port: number;
  /** The province administrator's first password (first start only); absent: a random one is printed. */
  adminPassword: string | undefined;
  /** Where whole files are kept: the data directory's disk (`files/blobs`), or an S3-compatible bucket. */
  fileStore: { kind: 'disk' } | ({ kind: 's3' } & S3Settings);
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
    fileStore: readFileStore(env),
  };
}

const s3Required = ['ANJUAN_S3_BUCKET', 'ANJUAN_S3_ACCESS_KEY_ID', 'ANJUAN_S3_SECRET_ACCESS_KEY'] as const;

/**
 * ANJUAN_S3_ENDPOINT chooses the bucket; without it files stay on disk. A half-given setting is refused
 * at start, by name, rather than silently keeping files where the operator did not mean them to be.
 */
function readFileStore(env: NodeJS.ProcessEnv): ServerConfig['fileStore'] {
  const get = (name: string) => env[name]?.trim() || '';
  const endpoint = get('ANJUAN_S3_ENDPOINT');
  if (!endpoint) {
    const stray = [...s3Required, 'ANJUAN_S3_PREFIX', 'ANJUAN_S3_REGION'].find(get);
    if (stray)
      throw new Error(`已设置 ${stray}，但未设置 ANJUAN_S3_ENDPOINT（对象存储地址）；不用对象存储时请删去 ${stray}`);
    return { kind: 'disk' };
  }
  if (!/^https?:\/\/[^/?#\s]+\/?$/.test(endpoint))
    throw new Error(
      `ANJUAN_S3_ENDPOINT 应为 http:// 或 https:// 开头的地址（含端口，不含存储桶名），现为：${endpoint}`,
    );
  const missing = s3Required.filter((name) => !get(name));
  if (missing.length)
    throw new Error(`已设置 ANJUAN_S3_ENDPOINT，但缺少 ${missing.join('、')}：使用对象存储须同时设置这些变量`);
  if (!/^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/.test(get('ANJUAN_S3_BUCKET')))
    throw new Error(
      `ANJUAN_S3_BUCKET 不是有效的存储桶名（3至63个小写字母、数字、“.”或“-”）：${get('ANJUAN_S3_BUCKET')}`,
    );
  const prefix = get('ANJUAN_S3_PREFIX').replace(/^\/+|\/+$/g, '');
  if (!/^[A-Za-z0-9._\-/]*$/.test(prefix) || prefix.split('/').some((p) => p === '.' || p === '..'))
    throw new Error(`ANJUAN_S3_PREFIX 只能含字母、数字、“.”“_”“-”和“/”，现为：${get('ANJUAN_S3_PREFIX')}`);
  return {
    kind: 's3',
    endpoint: endpoint.replace(/\/+$/, ''),
    bucket: get('ANJUAN_S3_BUCKET'),
    region: get('ANJUAN_S3_REGION') || 'us-east-1',
    accessKeyId: get('ANJUAN_S3_ACCESS_KEY_ID'),
    secretAccessKey: get('ANJUAN_S3_SECRET_ACCESS_KEY'),
    prefix: prefix ? `${prefix}/` : '',
  };
}
