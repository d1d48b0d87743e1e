/**
 * A fault-injecting HTTP proxy on loopback, between workstations and the provincial server, for the sync
 * tests and the bench. Per request, a seeded random picks what the link does to it — so a failing run
 * is replayed from its seed:
 *   - `drop`: the connection closes before anything is forwarded (the server never sees it);
 *   - `delay`: forwarded after a wait;
 *   - `duplicate`: forwarded twice, one after the other; the workstation gets the second reply (the
 *     one of a replay, which the server must answer as it answered the first);
 *   - `reorder`: held back until the next request has gone through (or a short while), so requests of
 *     different desks reach the server in another order than they were sent;
 *   - `cutRequest`: half the body reaches the server, then both connections close;
 *   - `cutReply`: the server gets all and answers; the workstation gets half the reply, then a closed
 *     connection (the server committed, the desk does not know).
 * With `bytesPerSecond` both directions are throttled, and with `cutEveryMs` every open connection is cut
 * at that interval (a county link that drops every few seconds).
 */
import http from 'node:http';
import type net from 'node:net';

export const faults = ['pass', 'drop', 'delay', 'duplicate', 'reorder', 'cutRequest', 'cutReply'] as const;
export type Fault = (typeof faults)[number];

export interface FaultProxyOptions {
  /** The server's base URL (http://127.0.0.1:port). */
  target: string;
  seed?: number;
  /** Relative weights of each fault; `pass` 1 and the rest 0 unless given. */
  weights?: Partial<Record<Fault, number>>;
  /** Longest wait of `delay` and `reorder` (ms). */
  maxDelayMs?: number;
  bytesPerSecond?: number;
  cutEveryMs?: number;
}

export interface FaultProxy {
  url: string;
  /** Faults are injected only while on (setup and the final clean sync run with it off). */
  on: boolean;
  /** How often each fault was applied. */
  counts: Record<Fault, number>;
  /** Starts the fault sequence again from another seed. */
  reseed(seed: number): void;
  /** Connections cut by `cutEveryMs`. */
  periodicCuts: number;
  /** Bytes carried up (workstation → server) and down. */
  bytes: { up: number; down: number };
  close(): Promise<void>;
}

/** mulberry32: a small seeded generator, enough to replay a run from its seed. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const sleep = (ms: number) => new Promise<void>((r) => setTimeout(r, ms));

interface Upstream {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: Buffer;
}

export async function startFaultProxy(opts: FaultProxyOptions): Promise<FaultProxy> {
  const target = new URL(opts.target);
  let random = seededRandom(opts.seed ?? 1);
  const weights: Record<Fault, number> = {
    pass: 1,
    drop: 0,
    delay: 0,
    duplicate: 0,
    reorder: 0,
    cutRequest: 0,
    cutReply: 0,
    ...opts.weights,
  };
  const totalWeight = faults.reduce((s, f) => s + weights[f], 0);
  const maxDelayMs = opts.maxDelayMs ?? 40;
  const sockets = new Set<net.Socket>();
  const upstreamRequests = new Set<http.ClientRequest>();
  let released: Array<() => void> = [];

  const p: FaultProxy = {
    url: '',
    on: true,
    counts: Object.fromEntries(faults.map((f) => [f, 0])) as Record<Fault, number>,
    reseed: (seed) => {
      random = seededRandom(seed);
    },
    periodicCuts: 0,
    bytes: { up: 0, down: 0 },
    close: async () => undefined,
  };

  const pick = (): Fault => {
    if (!p.on) return 'pass';
    let r = random() * totalWeight;
    for (const f of faults) {
      r -= weights[f];
      if (r < 0) return f;
    }
    return 'pass';
  };

  /** Writes `data` at the throttled rate (in slices of 1/20 s), or at once. */
  async function throttled(data: Buffer, write: (b: Buffer) => boolean | undefined, isOpen: () => boolean) {
    if (!opts.bytesPerSecond) {
      write(data);
      return;
    }
    const slice = Math.max(1, Math.floor(opts.bytesPerSecond / 20));
    for (let i = 0; i < data.length && isOpen(); i += slice) {
      write(data.subarray(i, i + slice));
      await sleep(50);
    }
  }

  function forward(req: http.IncomingMessage, body: Buffer, cutBodyAt: number | null): Promise<Upstream> {
    return new Promise((resolve, reject) => {
      // The Host stays the proxy's: tus answers with upload addresses on it, so resumed uploads go through the proxy too.
      const headers = { ...req.headers };
      const up = http.request(
        { host: target.hostname, port: Number(target.port), method: req.method, path: req.url, headers },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () =>
            resolve({ status: res.statusCode ?? 502, headers: res.headers, body: Buffer.concat(chunks) }),
          );
          res.on('error', reject);
        },
      );
      upstreamRequests.add(up);
      up.on('close', () => upstreamRequests.delete(up));
      up.on('error', reject);
      if (cutBodyAt !== null) {
        up.write(body.subarray(0, cutBodyAt));
        // Give the bytes a moment to reach the server before the connection is cut.
        setTimeout(() => {
          up.destroy();
          reject(new Error('cut'));
        }, 5);
        return;
      }
      void throttled(
        body,
        (b) => {
          p.bytes.up += b.length;
          return up.write(b);
        },
        () => !up.destroyed,
      ).then(() => up.end());
    });
  }

  async function reply(res: http.ServerResponse, u: Upstream, cutAt: number | null) {
    const headers = { ...u.headers };
    delete headers['transfer-encoding'];
    headers['content-length'] = String(u.body.length);
    res.writeHead(u.status, headers);
    if (cutAt !== null) {
      res.write(u.body.subarray(0, cutAt));
      res.socket?.destroy();
      return;
    }
    await throttled(
      u.body,
      (b) => {
        p.bytes.down += b.length;
        return res.write(b);
      },
      () => !res.destroyed,
    );
    res.end();
  }

  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('error', () => res.destroy());
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const fault = pick();
      p.counts[fault]++;
      void handle(fault, req, res, body).catch(() => res.socket?.destroy());
    });
  });

  async function handle(fault: Fault, req: http.IncomingMessage, res: http.ServerResponse, body: Buffer) {
    // A request held by `reorder` goes once another has started.
    const waiting = released;
    released = [];
    for (const go of waiting) go();
    switch (fault) {
      case 'drop':
        res.socket?.destroy();
        return;
      case 'delay':
        await sleep(random() * maxDelayMs);
        break;
      case 'reorder':
        await new Promise<void>((go) => {
          released.push(go);
          setTimeout(go, maxDelayMs * 2);
        });
        await sleep(2);
        break;
      case 'duplicate':
        await forward(req, body, null).catch(() => undefined);
        break;
      case 'cutRequest':
        await forward(req, body, Math.floor(body.length / 2)).catch(() => undefined);
        res.socket?.destroy();
        return;
      default:
        break;
    }
    const u = await forward(req, body, null);
    await reply(res, u, fault === 'cutReply' ? Math.floor(u.body.length / 2) : null);
  }

  server.on('connection', (s) => {
    sockets.add(s);
    s.on('close', () => sockets.delete(s));
  });
  let cutter: ReturnType<typeof setInterval> | null = null;
  if (opts.cutEveryMs) {
    cutter = setInterval(() => {
      for (const s of sockets) {
        p.periodicCuts++;
        s.destroy();
      }
      for (const u of upstreamRequests) u.destroy();
    }, opts.cutEveryMs);
    cutter.unref();
  }
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const addr = server.address() as net.AddressInfo;
  p.url = `http://127.0.0.1:${addr.port}`;
  p.close = () =>
    new Promise((r) => {
      if (cutter) clearInterval(cutter);
      for (const s of sockets) s.destroy();
      for (const u of upstreamRequests) u.destroy();
      server.close(() => r());
    });
  return p;
}
