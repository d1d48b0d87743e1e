/**
 * Requests to the provincial server with an injectable `fetch` (tests cut replies, lose them after the
 * server committed, or fake a server that went back). Every failure becomes a `SyncFailure` whose kind
 * decides what the client does next: `network` backs off and retries, `auth` and `stop` stop syncing
 * until the administrator acts, `clock` waits for the clock to be fixed, `refused` is about the data sent.
 * Messages are Chinese; the credential is sent only in the Authorization header and never in a message.
 */
import type { z } from 'zod';
import { syncErrorCodes, type SyncErrorCode } from '#common/sync/errors.js';

export type FetchFn = (url: string, init: RequestInit) => Promise<Response>;

/** `stop`: syncing stops until the administrator acts (a server that went back, a bureau mismatch). */
export type FailureKind = 'network' | 'auth' | 'clock' | 'refused' | 'server' | 'stop';

export class SyncFailure extends Error {
  constructor(
    readonly kind: FailureKind,
    readonly code: string,
    message: string,
    readonly details?: unknown,
  ) {
    super(message);
  }
}

const authCodes = new Set<string>(['DEVICE_REVOKED', 'DEVICE_UNKNOWN', 'NOT_AUTHENTICATED']);
const retryCodes = new Set<string>(['DATABASE_UNAVAILABLE', 'INTERNAL']);
/** Long enough for a push of 2,000 events over a slow county link, short enough not to hang a round. */
const timeoutMs = 60_000;

export interface SyncHttp {
  request<T>(method: 'GET' | 'POST', path: string, schema: z.ZodType<T>, body?: unknown): Promise<T>;
  /**
   * A GET sent with If-None-Match `etag` (when there is one): `null` when the server answers 304 Not
   * Modified (what the desk holds is still current), else the reply and its ETag (null if none or unusable).
   */
  getIfChanged<T>(
    path: string,
    schema: z.ZodType<T>,
    etag: string | null,
  ): Promise<{ data: T; etag: string | null } | null>;
}

/** An ETag worth keeping and sending back: one quoted or W/-quoted token of visible ASCII, not a page of text. */
export const usableEtag = (v: string | null): string | null =>
  v && v.length <= 200 && /^(W\/)?"[\x21\x23-\x7e]*"$/.test(v) ? v : null;

/** The server's address as a base URL (one trailing slash), the path appended to it. */
export function joinUrl(base: string, path: string): string {
  return base.replace(/\/+$/, '') + path;
}

export function syncHttp(fetchFn: FetchFn, serverUrl: string, credential: string | null): SyncHttp {
  return {
    async request(method, path, schema, body) {
      // Never null: a request naming no ETag is never taken as answered 304.
      return (await exchange(method, path, schema, body, {}))!.data;
    },
    async getIfChanged(path, schema, etag) {
      const sent = usableEtag(etag);
      const r = await exchange('GET', path, schema, undefined, sent ? { 'if-none-match': sent } : {}, sent !== null);
      return r && { data: r.data, etag: usableEtag(r.etag) };
    },
  };

  async function exchange<T>(
    method: 'GET' | 'POST',
    path: string,
    schema: z.ZodType<T>,
    body: unknown,
    extra: Record<string, string>,
    conditional = false,
  ): Promise<{ data: T; etag: string | null } | null> {
    const headers: Record<string, string> = { accept: 'application/json', ...extra };
    if (credential) headers.authorization = `Bearer ${credential}`;
    if (body !== undefined) headers['content-type'] = 'application/json';
    let res: Response;
    let text: string;
    try {
      res = await fetchFn(joinUrl(serverUrl, path), {
        method,
        headers,
        body: body === undefined ? undefined : JSON.stringify(body),
        signal: AbortSignal.timeout(timeoutMs),
      });
      text = await res.text();
    } catch {
      throw new SyncFailure(
        'network',
        'NETWORK',
        `无法连接同步服务器（${serverUrl}）：请检查网络连接和服务器地址，稍后将自动重试`,
      );
    }
    // Only a request that named an ETag may be answered 304; to any other a 304 is not a reply.
    if (conditional && res.status === 304) return null;
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new SyncFailure(
        res.status >= 500 ? 'network' : 'server',
        'BAD_REPLY',
        `同步服务器的回复不是有效的数据（HTTP ${res.status}）：请确认服务器地址指向案卷省级服务器`,
      );
    }
    if (!res.ok) throw failureOf(res.status, json);
    const parsed = schema.safeParse(json);
    if (!parsed.success)
      throw new SyncFailure(
        'server',
        'BAD_REPLY',
        '同步服务器的回复格式不正确：服务器版本可能与本工作站不匹配，请联系管理员',
      );
    return { data: parsed.data, etag: res.headers.get('etag') };
  }
}

function failureOf(status: number, json: unknown): SyncFailure {
  const err = (json as { error?: { code?: string; message?: string; details?: unknown } } | null)?.error;
  const code = typeof err?.code === 'string' ? err.code : `HTTP_${status}`;
  const known = syncErrorCodes[code as SyncErrorCode] as string | undefined;
  const message =
    typeof err?.message === 'string' && err.message ? err.message : (known ?? `同步服务器拒绝了请求（HTTP ${status}）`);
  if (authCodes.has(code)) return new SyncFailure('auth', code, message, err?.details);
  if (code === 'CLOCK_DRIFT') return new SyncFailure('clock', code, message, err?.details);
  if (retryCodes.has(code) || status >= 500 || status === 429)
    return new SyncFailure('network', code, `${message}（稍后将自动重试）`, err?.details);
  return new SyncFailure('refused', code, message, err?.details);
}
