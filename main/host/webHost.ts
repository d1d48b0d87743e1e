/**
 * The local web host: the same app as the Electron window, served on 127.0.0.1 for machines where
 * the Electron binary is absent, for the browser tests, and for scripts. A thin transport over
 * the operations table: POST /api with an envelope, static files for the renderer, nothing else.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import type { AddressInfo } from 'node:net';
import { stampTransport, type Envelope, type Reply } from '#common/client.js';
import { webApiPath } from '#common/bridge.js';
import type { ErrorCode } from '#common/errors.js';
import { filesPath } from '#common/files.js';
import { serveStoredFile, type OpenFile } from './fileRoute.js';
import { uploadPath } from '#common/uploads.js';
import { receiveUploadRoute, type ReceiveUpload } from './uploadRoute.js';

/** The largest request body: the biggest upload of the contract (a 35 MB directory in Base64) fits. */
export const maxBodyBytes = 64 * 1024 * 1024;
const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ttf': 'font/ttf',
  '.woff2': 'font/woff2',
  '.ico': 'image/x-icon',
  '.map': 'application/json',
};
const csp =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; object-src 'none'; frame-ancestors 'none'";

export interface WebHostOptions {
  port: number;
  staticDir: string;
  dispatch: (e: Envelope) => Promise<Reply<unknown>>;
  /** GET /files/…: stored files as bytes (fileRoute.ts); absent: not served. */
  openFile?: OpenFile;
  /** PUT /files/upload: evidence files in as a stream (uploadRoute.ts); absent: not taken. */
  receiveUpload?: ReceiveUpload;
}

/** Only our own host name may be used: a page on another site cannot reach us by DNS rebinding. */
export function isAllowedHost(host: string | undefined, port: number): boolean {
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
}

/**
 * Only our own pages may call the API: a browser names the page's origin on every cross-site POST
 * (and on same-origin ones), so a request whose Origin is present and not ours came from another
 * site. Scripts and the CLI send none. `null` (a sandboxed frame, a file:// page) is refused.
 */
export function isAllowedOrigin(origin: string | undefined, port: number): boolean {
  return origin === undefined || origin === `http://127.0.0.1:${port}` || origin === `http://localhost:${port}`;
}

/** Only `application/json`: a cross-site HTML form can post text/plain, urlencoded or multipart without a preflight, never JSON. */
function isJson(contentType: string | undefined): boolean {
  return (contentType ?? '').split(';')[0]!.trim().toLowerCase() === 'application/json';
}

const megabytes = (n: number): string => `${Math.round(n / 1024 / 1024)}MB`;

/** The body, read chunk by chunk; `null` as soon as it passes the limit (the rest is not kept). */
function readBody(req: IncomingMessage, limit: number): Promise<string | null> {
  return new Promise((resolve, reject) => {
    let size = 0;
    let over = false;
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => {
      if (over) return;
      size += c.length;
      if (size > limit) {
        over = true;
        chunks.length = 0;
        resolve(null);
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => {
      if (!over) resolve(Buffer.concat(chunks).toString('utf8'));
    });
    req.on('error', (e) => {
      if (!over) reject(e);
    });
  });
}

function send(res: ServerResponse, status: number, body: string | Buffer, type: string): void {
  res.writeHead(status, { 'Content-Type': type, 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-store' });
  res.end(body);
}

/** An error value as the core would give it, for what the host itself refuses. */
function sendError(
  res: ServerResponse,
  status: number,
  code: ErrorCode,
  message: string,
  headers: Record<string, string> = {},
): void {
  const reply: Reply<never> = { ok: false, error: { code, message } };
  res.writeHead(status, {
    'Content-Type': 'application/json; charset=utf-8',
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-store',
    ...headers,
  });
  res.end(JSON.stringify(reply));
}

/**
 * A body over the limit: answered at once, and the connection closed after the answer. The client
 * may still be sending: what it sends meanwhile is read and dropped (never kept), for at most a few
 * seconds, so it reads the answer instead of a reset.
 */
function refuseTooLarge(req: IncomingMessage, res: ServerResponse, limit: number): void {
  sendError(res, 413, 'REQUEST_TOO_LARGE', `请求内容过大（不超过${megabytes(limit)}），请缩小文件或分批提交`, {
    Connection: 'close',
  });
  if (req.complete) return;
  req.resume();
  const stop = setTimeout(() => req.socket.destroy(), 5000);
  stop.unref();
  req.once('end', () => clearTimeout(stop));
  req.once('close', () => clearTimeout(stop));
}

function decodePath(url: string): string | null {
  try {
    const path = decodeURIComponent(url.split('?')[0] ?? '/');
    return path.includes('\0') ? null : path;
  } catch {
    return null;
  }
}

function serveStatic(dir: string, url: string, res: ServerResponse): void {
  const path = decodePath(url);
  if (path === null) {
    sendError(res, 400, 'VALIDATION', '网址格式不正确');
    return;
  }
  const file = normalize(join(dir, path === '/' ? 'index.html' : path));
  if (!file.startsWith(dir + sep) && file !== join(dir, 'index.html')) {
    send(res, 403, 'forbidden', 'text/plain');
    return;
  }
  const target = existsSync(file) && statSync(file).isFile() ? file : join(dir, 'index.html');
  if (!existsSync(target)) {
    send(res, 500, '界面文件缺失：请先运行 npm run build', 'text/plain; charset=utf-8');
    return;
  }
  const type = types[extname(target)] ?? 'application/octet-stream';
  res.writeHead(200, {
    'Content-Type': type,
    'X-Content-Type-Options': 'nosniff',
    ...(type.startsWith('text/html') ? { 'Content-Security-Policy': csp } : {}),
  });
  res.end(readFileSync(target));
}

export function startWebHost(opts: WebHostOptions): Promise<{ server: Server; url: string }> {
  let port = opts.port;
  const server = createServer((req, res) => {
    void (async () => {
      if (!isAllowedHost(req.headers.host, port)) return send(res, 403, 'forbidden host', 'text/plain');
      if (req.url === webApiPath && req.method === 'POST') {
        if (!isAllowedOrigin(req.headers.origin, port))
          return sendError(res, 403, 'FORBIDDEN_ORIGIN', '不接受来自其他网站的请求：只有本工作站自己的页面可以调用');
        if (!isJson(req.headers['content-type']))
          return sendError(res, 415, 'VALIDATION', '请求的内容类型应为 application/json');
        const length = Number(req.headers['content-length']);
        if (Number.isFinite(length) && length > maxBodyBytes) return refuseTooLarge(req, res, maxBodyBytes);
        const body = await readBody(req, maxBodyBytes);
        if (body === null) return refuseTooLarge(req, res, maxBodyBytes);
        let envelope: Envelope;
        try {
          envelope = JSON.parse(body) as Envelope;
        } catch {
          return sendError(res, 400, 'VALIDATION', '请求格式错误：不是有效的JSON');
        }
        // the core learns it came from the web, whatever the page wrote in `transport`.
        const reply = await opts.dispatch(stampTransport(envelope, 'web'));
        return send(res, 200, JSON.stringify(reply), 'application/json; charset=utf-8');
      }
      if (req.method === 'PUT' && opts.receiveUpload && (req.url ?? '').split('?')[0] === uploadPath) {
        if (!isAllowedOrigin(req.headers.origin, port))
          return sendError(
            res,
            403,
            'FORBIDDEN_ORIGIN',
            '不接受来自其他网站的请求：只有本工作站自己的页面可以上传文件',
            {
              Connection: 'close',
            },
          );
        return receiveUploadRoute(req, res, opts.receiveUpload, sendError);
      }
      if ((req.method === 'GET' || req.method === 'HEAD') && opts.openFile && req.url?.startsWith(filesPath)) {
        if (!isAllowedOrigin(req.headers.origin, port))
          return sendError(
            res,
            403,
            'FORBIDDEN_ORIGIN',
            '不接受来自其他网站的请求：只有本工作站自己的页面可以读取文件',
          );
        return serveStoredFile(req, res, opts.openFile, sendError);
      }
      if (req.method === 'GET' || req.method === 'HEAD') return serveStatic(opts.staticDir, req.url ?? '/', res);
      send(res, 405, 'method not allowed', 'text/plain');
    })().catch((e) => {
      // Logged here with its stack; the caller gets a Chinese error value and nothing of the stack.
      console.error('[anjuan] web host error:', e);
      if (!res.headersSent) sendError(res, 500, 'INTERNAL', '系统内部错误');
    });
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(opts.port, '127.0.0.1', () => {
      port = (server.address() as AddressInfo).port;
      resolve({ server, url: `http://127.0.0.1:${port}/` });
    });
  });
}
