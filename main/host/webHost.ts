/**
 * The local web host: the same app as the Electron window, served on 127.0.0.1 for machines where
 * the Electron binary is absent, for the browser tests, and for scripts. A thin transport over
 * the operations table: POST /api with an envelope, static files for the renderer, nothing else.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { extname, join, normalize, sep } from 'node:path';
import type { AddressInfo } from 'node:net';
import type { Envelope, Reply } from '../../common/client.js';
import { webApiPath } from '../../common/bridge.js';

const maxBody = 64 * 1024 * 1024;
const types: Record<string, string> = {
  '.html': 'text/html; charset=utf-8', '.js': 'text/javascript; charset=utf-8', '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8', '.json': 'application/json', '.svg': 'image/svg+xml', '.png': 'image/png',
  '.ttf': 'font/ttf', '.woff2': 'font/woff2', '.ico': 'image/x-icon', '.map': 'application/json',
};
const csp = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data: blob:; font-src 'self' data:; connect-src 'self'; worker-src 'self' blob:; object-src 'none'; frame-ancestors 'none'";

export interface WebHostOptions {
  port: number;
  staticDir: string;
  dispatch: (e: Envelope) => Promise<Reply<unknown>>;
}

/** Only our own origin may call the API: a page on another site cannot drive the workstation. */
export function isAllowedHost(host: string | undefined, port: number): boolean {
  return host === `127.0.0.1:${port}` || host === `localhost:${port}`;
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > maxBody) { reject(new Error('too large')); req.destroy(); return; }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function send(res: ServerResponse, status: number, body: string | Buffer, type: string): void {
  res.writeHead(status, { 'Content-Type': type, 'X-Content-Type-Options': 'nosniff', 'Cache-Control': 'no-store' });
  res.end(body);
}

function serveStatic(dir: string, url: string, res: ServerResponse): void {
  const path = decodeURIComponent(url.split('?')[0] ?? '/');
  const file = normalize(join(dir, path === '/' ? 'index.html' : path));
  if (!file.startsWith(dir + sep) && file !== join(dir, 'index.html')) return send(res, 403, 'forbidden', 'text/plain');
  const target = existsSync(file) && statSync(file).isFile() ? file : join(dir, 'index.html');
  if (!existsSync(target)) return send(res, 500, '界面文件缺失：请先运行 npm run build', 'text/plain; charset=utf-8');
  const type = types[extname(target)] ?? 'application/octet-stream';
  res.writeHead(200, { 'Content-Type': type, 'X-Content-Type-Options': 'nosniff', ...(type.startsWith('text/html') ? { 'Content-Security-Policy': csp } : {}) });
  res.end(readFileSync(target));
}

export function startWebHost(opts: WebHostOptions): Promise<{ server: Server; url: string }> {
  let port = opts.port;
  const server = createServer((req, res) => {
    void (async () => {
      if (!isAllowedHost(req.headers.host, port)) return send(res, 403, 'forbidden host', 'text/plain');
      if (req.url === webApiPath && req.method === 'POST') {
        let envelope: Envelope;
        try {
          envelope = JSON.parse(await readBody(req)) as Envelope;
        } catch {
          const bad: Reply<never> = { ok: false, error: { code: 'VALIDATION', message: '请求格式错误或过大' } };
          return send(res, 400, JSON.stringify(bad), 'application/json; charset=utf-8');
        }
        const reply = await opts.dispatch(envelope);
        return send(res, 200, JSON.stringify(reply), 'application/json; charset=utf-8');
      }
      if (req.method === 'GET' || req.method === 'HEAD') return serveStatic(opts.staticDir, req.url ?? '/', res);
      send(res, 405, 'method not allowed', 'text/plain');
    })().catch((e) => {
      console.error('[anjuan] web host error:', e);
      if (!res.headersSent) send(res, 500, 'internal error', 'text/plain');
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
