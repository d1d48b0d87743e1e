/**
 * The update feed as electron-updater reads it. electron-updater's generic provider speaks
 * HTTP only, and a county without a link keeps its updates in a folder: a USB stick, a LAN share. So
 * the shell serves the feed itself, on 127.0.0.1 under a random path, from wherever 本局设置 points:
 * a folder (read from disk) or an address (fetched, then passed on). On the way it checks the
 * signature of the feed's index (`latest*.yml`, which carries every installer's SHA-512): with the
 * release key's public half built into the app (`resources/update-feed-key.pem`), an index without a
 * valid `latest*.yml.sig` (Ed25519, made by scripts/release/signFeed.mjs in the release job) is
 * refused, so a file copied onto a stick or a share by someone else is never installed.
 * electron-updater then checks each download against the signed SHA-512 (and, on Windows, the
 * installer's Authenticode publisher). No Electron here: plain Node, tested in updateFeed.test.ts.
 */
import { createHash, randomBytes, verify, type KeyObject } from 'node:crypto';
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { Readable } from 'node:stream';
import { fileURLToPath } from 'node:url';
import type { UpdateSource } from '#common/updateSource.js';

/** The index files electron-updater asks for: latest.yml (Windows), latest-linux.yml, latest-linux-arm64.yml … */
export const isFeedIndex = (name: string): boolean => /^latest(-[a-z0-9]+)*\.yml$/.test(name);

/** A file of the feed: one plain name, no folder (installers, blockmaps, indexes, signatures). */
const feedFileName = /^[A-Za-z0-9][A-Za-z0-9._-]{0,200}$/;

/** The folder behind a folder source: a path as typed, or a file: URL. */
export function folderOf(
  source: UpdateSource & { kind: 'folder' },
  platform: NodeJS.Platform = process.platform,
): string {
  if (!source.location.startsWith('file:')) return source.location;
  return fileURLToPath(source.location, { windows: platform === 'win32' });
}

/** True when `signatureBase64` is the Ed25519 signature of `index` by the release key. */
export function indexSignatureValid(index: Buffer, signatureBase64: string, key: KeyObject): boolean {
  const signature = Buffer.from(signatureBase64.trim(), 'base64');
  if (signature.length !== 64) return false;
  try {
    return verify(null, index, key, signature);
  } catch {
    return false;
  }
}

export interface FeedGateOptions {
  /** The release key's public half; null: this build has none, indexes are passed on unchecked (logged). */
  publicKey: KeyObject | null;
  log(message: string): void;
  /** For address sources (tests pass a stand-in). */
  fetch?: typeof fetch;
  /** Tests: the random path instead of one made here. */
  token?: string;
}

type Body = { status: number; length?: number; stream?: Readable; data?: Buffer };

export class FeedGate {
  private server: Server | null = null;
  private base: string | null = null;
  private source: UpdateSource | null = null;
  private readonly token: string;
  private readonly fetchFn: typeof fetch;
  /** Why the last index was refused (a Chinese sentence for the updater's status), or null. */
  lastRefusal: string | null = null;

  constructor(private readonly opts: FeedGateOptions) {
    this.token = opts.token ?? randomBytes(16).toString('hex');
    this.fetchFn = opts.fetch ?? fetch;
  }

  /** Serves `source` from now on; the address electron-updater should read (the same for the life of the gate). */
  async use(source: UpdateSource): Promise<string> {
    this.source = source;
    if (!this.base) {
      const server = createServer((req, res) => void this.answer(req, res));
      await new Promise<void>((resolve, reject) => {
        server.once('error', reject);
        server.listen(0, '127.0.0.1', () => resolve());
      });
      this.server = server;
      this.base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/${this.token}/`;
    }
    return this.base;
  }

  async close(): Promise<void> {
    const s = this.server;
    this.server = null;
    this.base = null;
    if (s) await new Promise<void>((resolve) => s.close(() => resolve()));
  }

  private async answer(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const send = (status: number, text: string): void => {
      if (res.headersSent) {
        res.destroy();
        return;
      }
      res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8', 'Cache-Control': 'no-store' });
      res.end(req.method === 'HEAD' ? undefined : text);
    };
    try {
      if (req.method !== 'GET' && req.method !== 'HEAD') return send(405, 'method not allowed');
      const path = (req.url ?? '').split('?')[0]!;
      const prefix = `/${this.token}/`;
      if (!path.startsWith(prefix)) return send(404, 'not found');
      let name: string;
      try {
        name = decodeURIComponent(path.slice(prefix.length));
      } catch {
        return send(400, 'bad name');
      }
      if (!feedFileName.test(name) || name.includes('..')) return send(404, 'not found');
      const source = this.source;
      if (!source) return send(503, 'no feed');

      if (isFeedIndex(name)) {
        const index = await this.read(source, name, true);
        if (index.status !== 200 || !index.data) return send(index.status, 'index not found');
        if (this.opts.publicKey) {
          const sig = await this.read(source, `${name}.sig`, true);
          if (sig.status !== 200 || !sig.data)
            return this.refuse(res, send, `更新文件 ${name} 没有签名（缺少 ${name}.sig），已拒绝`);
          if (!indexSignatureValid(index.data, sig.data.toString('utf8'), this.opts.publicKey)) {
            return this.refuse(res, send, `更新文件 ${name} 的签名不符，可能被改动过，已拒绝`);
          }
        }
        this.lastRefusal = null;
        res.writeHead(200, {
          'Content-Type': 'text/yaml; charset=utf-8',
          'Content-Length': index.data.length,
          'Cache-Control': 'no-store',
        });
        res.end(req.method === 'HEAD' ? undefined : index.data);
        return;
      }
      const file = await this.read(source, name, false);
      if (file.status !== 200) return send(file.status, 'not found');
      res.writeHead(200, {
        'Content-Type': 'application/octet-stream',
        ...(file.length !== undefined ? { 'Content-Length': file.length } : {}),
        'Cache-Control': 'no-store',
      });
      if (req.method === 'HEAD') {
        file.stream?.destroy();
        res.end();
        return;
      }
      if (file.data) {
        res.end(file.data);
        return;
      }
      file.stream!.on('error', () => res.destroy()).pipe(res);
    } catch (e) {
      this.opts.log(`读取更新文件失败：${e instanceof Error ? e.message : String(e)}`);
      send(502, 'feed unreadable');
    }
  }

  private refuse(_res: ServerResponse, send: (status: number, text: string) => void, why: string): void {
    this.lastRefusal = why;
    this.opts.log(why);
    send(403, 'signature refused');
  }

  /** A file of the feed: whole (`whole`, small files: indexes and signatures) or as a stream. 404 when absent. */
  private async read(source: UpdateSource, name: string, whole: boolean): Promise<Body> {
    if (source.kind === 'folder') {
      const file = join(folderOf(source), name);
      try {
        const s = await stat(file);
        if (!s.isFile()) return { status: 404 };
        if (whole) return { status: 200, data: await readFile(file) };
        return { status: 200, length: s.size, stream: createReadStream(file) };
      } catch (e) {
        if ((e as NodeJS.ErrnoException).code === 'ENOENT' || (e as NodeJS.ErrnoException).code === 'ENOTDIR')
          return { status: 404 };
        throw e;
      }
    }
    const r = await this.fetchFn(new URL(encodeURIComponent(name), source.location), { redirect: 'follow' });
    if (r.status === 404) return { status: 404 };
    if (!r.ok || !r.body) return { status: 502 };
    if (whole) return { status: 200, data: Buffer.from(await r.arrayBuffer()) };
    const length = Number(r.headers.get('content-length'));
    return {
      status: 200,
      ...(Number.isFinite(length) && length > 0 ? { length } : {}),
      stream: Readable.fromWeb(r.body as never),
    };
  }
}

/** SHA-256 of a key's public half, for the log: which release key this build trusts. */
export function keyFingerprint(key: KeyObject): string {
  return createHash('sha256')
    .update(key.export({ type: 'spki', format: 'der' }))
    .digest('hex')
    .slice(0, 16);
}
