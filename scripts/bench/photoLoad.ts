/**
 * Many camera photos in one case, added and read back the way the screens do it (security audit: a
 * case with 25 photos took the web host to 4.6 GB, 50 killed it). Used by `photoLoad.test.ts` (20
 * photos, in the suite) and by `npm run bench photos` (200 photos of 4000×3000):
 *   - added through the web host's POST /api (evidence.add, Base64 bounded by its schema),
 *   - read back through GET /files/… as streams, every photo checked against its hash, and every
 *     thumbnail,
 *   - read back through the desktop app's path without Electron: the page's request through
 *     main/app/ipc.ts → coreProcess.ts → main/host/utility.ts (a structured clone at each process
 *     edge, as Electron copies them) to the core, and the bytes back,
 * while the host's resident memory is sampled.
 */
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { Reply } from '#common/client.js';
import { fileUrlPath, type FileRequest } from '#common/files.js';
import type { Core } from '#core/core.js';
import { handleFile, type IpcDeps, type SenderEvent } from '../../main/app/ipc.js';
import { startCoreProcess, type CoreChild } from '../../main/app/coreProcess.js';
import { serveCore, type ParentPortLike } from '../../main/host/utility.js';
import { varyJpeg } from '#core/testing/photos.js';

/** One operation through POST /api; the error's Chinese message thrown. */
export async function api<T>(url: string, token: string | null, op: string, input: unknown): Promise<T> {
  const res = await fetch(`${url}api`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify({ op, input, token }),
  });
  const reply = (await res.json()) as Reply<T>;
  if (!reply.ok) throw new Error(`${op}：${reply.error.message}`);
  return reply.value;
}

/** Adds `count` distinct copies of `photo` (a numbered COM segment each) to the case through the web host. */
export async function addPhotos(
  url: string,
  token: string,
  caseId: string,
  photo: Buffer,
  count: number,
  takenOn: string,
): Promise<string[]> {
  const hashes: string[] = [];
  for (let i = 0; i < count; i++) {
    const bytes = varyJpeg(photo, i);
    const r = await api<{ hash: string }>(url, token, 'evidence.add', {
      caseId,
      kind: 'photo',
      fileName: `现场照片${i + 1}.jpg`,
      contentBase64: bytes.toString('base64'),
      description: `现场照片${i + 1}`,
      takenOn,
    });
    hashes.push(r.hash);
  }
  return hashes;
}

export interface ReadBack {
  files: number;
  bytes: number;
  thumbBytes: number;
}

/** `work` over `items`, `parallel` at a time (a browser asks for about six files of a host at once). */
async function inParallel<T>(items: T[], parallel: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(
    Array.from({ length: Math.min(parallel, items.length) }, async () => {
      while (next < items.length) await work(items[next++]!);
    }),
  );
}

/** Every photo through GET /files/… as a stream, hashed on the way (never held whole), and its thumbnail. */
export async function readBackWeb(
  url: string,
  token: string,
  caseId: string,
  hashes: string[],
  parallel = 4,
): Promise<ReadBack> {
  const out: ReadBack = { files: 0, bytes: 0, thumbBytes: 0 };
  const headers = { Authorization: `Bearer ${token}` };
  await inParallel(hashes, parallel, async (hash) => {
    const thumb = await fetch(`${url.replace(/\/$/, '')}${fileUrlPath({ hash, caseId, variant: 'thumb' })}`, {
      headers,
    });
    if (thumb.status !== 200 || thumb.headers.get('content-type') !== 'image/jpeg')
      throw new Error(`缩略图读取失败：HTTP ${thumb.status}`);
    out.thumbBytes += (await thumb.arrayBuffer()).byteLength;
    const res = await fetch(`${url.replace(/\/$/, '')}${fileUrlPath({ hash, caseId })}`, { headers });
    if (res.status !== 200 || !res.body) throw new Error(`照片读取失败：HTTP ${res.status}`);
    const digest = createHash('sha256');
    let n = 0;
    for await (const chunk of res.body as unknown as AsyncIterable<Uint8Array>) {
      digest.update(chunk);
      n += chunk.byteLength;
    }
    if (digest.digest('hex') !== hash || String(n) !== res.headers.get('content-length'))
      throw new Error('照片内容与其哈希不符');
    out.files += 1;
    out.bytes += n;
  });
  return out;
}

/**
 * The desktop app's file path without the Electron binary: ipc.ts's handler (the page's sender
 * checked), coreProcess.ts's correlation and time-outs, utility.ts's answer — with a structured
 * clone wherever Electron would copy a message between processes.
 */
export function ipcRelay(
  core: Pick<Core, 'dispatch' | 'close' | 'file'>,
  log: (m: string) => void = () => {},
): { read(request: FileRequest, token: string): Promise<Reply<unknown>> } {
  let toCore: ((e: { data: unknown }) => void) | null = null;
  const fromCore: { message?: (m: unknown) => void } = {};
  const port: ParentPortLike = {
    on: (_event, listener) => {
      toCore = listener;
    },
    postMessage: (m) => {
      const copy = structuredClone(m);
      setImmediate(() => fromCore.message?.(copy));
    },
  };
  serveCore(port, Promise.resolve(core), { log, exit: () => {} });
  const child = {
    postMessage: (m: unknown) => {
      const copy = structuredClone(m);
      setImmediate(() => toCore?.({ data: copy }));
    },
    on: (event: string, listener: (m: unknown) => void) => {
      if (event === 'message') fromCore.message = listener;
      return child;
    },
    kill: () => true,
  };
  const shell = startCoreProcess({ fork: () => child as unknown as CoreChild, log });
  const deps: IpcDeps = { appOrigin: 'app://anjuan', core: shell, print: async () => ({ ok: false }), log };
  const page: SenderEvent = { senderFrame: { url: 'app://anjuan/index.html', parent: null } };
  return {
    read: async (request, token) => structuredClone(await handleFile(page, structuredClone({ request, token }), deps)),
  };
}

/** Every photo and its thumbnail through the IPC relay, each photo checked against its hash. */
export async function readBackIpc(
  relay: ReturnType<typeof ipcRelay>,
  token: string,
  caseId: string,
  hashes: string[],
): Promise<ReadBack> {
  const out: ReadBack = { files: 0, bytes: 0, thumbBytes: 0 };
  for (const hash of hashes) {
    const thumb = await relay.read({ hash, caseId, variant: 'thumb' }, token);
    if (!thumb.ok) throw new Error(`缩略图读取失败：${thumb.error.message}`);
    out.thumbBytes += (thumb.value as { bytes: Uint8Array }).bytes.byteLength;
    const full = await relay.read({ hash, caseId }, token);
    if (!full.ok) throw new Error(`照片读取失败：${full.error.message}`);
    const bytes = (full.value as { bytes: Uint8Array }).bytes;
    if (!(bytes instanceof Uint8Array) || createHash('sha256').update(bytes).digest('hex') !== hash)
      throw new Error('照片内容与其哈希不符');
    out.files += 1;
    out.bytes += bytes.byteLength;
  }
  return out;
}

/** A process's resident memory in MB: this one, or another by pid (Linux /proc). */
export function rssMb(pid?: number): number {
  if (pid === undefined) return process.memoryUsage.rss() / 1024 / 1024;
  const m = /VmRSS:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  return m ? Number(m[1]) / 1024 : 0;
}

/** The highest resident memory seen while `work` runs, sampled every 20 ms. */
export async function peakRssDuring<T>(work: () => Promise<T>, pid?: number): Promise<{ result: T; peakMb: number }> {
  let peak = rssMb(pid);
  const timer = setInterval(() => {
    try {
      peak = Math.max(peak, rssMb(pid));
    } catch {
      /* the process is gone */
    }
  }, 20);
  try {
    const result = await work();
    peak = Math.max(peak, rssMb(pid));
    return { result, peakMb: peak };
  } finally {
    clearInterval(timer);
  }
}
