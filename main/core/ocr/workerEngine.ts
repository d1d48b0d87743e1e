/**
 * The OCR engine the core uses: PaddleOCR (paddle.ts) in a worker thread (ocrWorker.ts), so that a
 * page's inference (~0.5 s of detection, then 5–100 ms a line, each holding the thread it runs on)
 * never holds the core's own thread: the clerk's requests are answered while a run goes on.
 *
 * The worker starts at the first page and serves the pages that follow, run after run; it is ended
 * after `idleMs` without a page (its models hold ~150 MB) and when the core closes. Pages go one at a
 * time, each image copied once into a buffer that is transferred, not cloned. A worker that dies
 * mid-page (a crash, out of memory) fails that page only: the next page starts a new one. A new one
 * that dies too before reading any page means something is wrong with the engine itself: reads then
 * fail with `OcrUnavailable` for `restWhenDownMs`, so a run stops rather than marking every page
 * unreadable.
 */
import { existsSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { AppError } from '#common/errors.js';
import { sharpLib } from '../files/thumbnailer.js';
import { appRoot } from '../paths.js';
import type { OcrEngine, OcrLine } from './engine.js';
import type { PaddleTimings } from './paddle.js';
import type { FromOcrWorker, ToOcrWorker } from './ocrWorker.js';

/** The worker has died twice in a row: the run stops; the pages not read wait for a later run. */
export class OcrUnavailable extends AppError {
  constructor() {
    super('INTERNAL', '文字识别程序连续异常退出，本次识别已停止；未识别的页面稍后自动重试');
  }
}

export interface WorkerEngineOptions {
  /** Without a page for this long, the worker (and its models' memory) is ended. */
  idleMs: number;
  /** After two deaths in a row, reads fail this long before a new worker is tried. */
  restWhenDownMs: number;
  /** close() first lets the request in flight (a page, or loading the models) finish, this long at most. */
  closeWaitMs: number;
  /**
   * Starts the thread (default: the OCR worker). Tests of a dying worker pass a stand-in: ending the real
   * one while ONNX Runtime works aborts the whole process, so a death cannot be staged on it.
   */
  start: () => Worker;
}
const defaults: WorkerEngineOptions = {
  idleMs: 60_000,
  restWhenDownMs: 10 * 60_000,
  closeWaitMs: 20_000,
  start: () => startWorker(),
};

export interface WorkerOcrEngine extends OcrEngine {
  /** The phases of the last page read, as measured in the worker (the bench's profile). */
  lastTimings: PaddleTimings | null;
  /** Starts the worker and loads the models now (the bench, so its first page is not the load). */
  load(): Promise<void>;
  /** Ends the worker once the request in flight is done (or after `closeWaitMs`). The engine may be used again (a new worker). */
  close(): Promise<void>;
  /** The running worker, if any (tests end it mid-page). */
  readonly thread: Worker | null;
}

/** This file, or the bundle holding it (paths.ts does the same for its folder). */
function thisFile(): string {
  if (typeof __filename !== 'undefined') return __filename;
  try {
    return fileURLToPath(import.meta.url);
  } catch {
    return '';
  }
}

/**
 * The worker, however the core runs: from the sources (tsx, vitest: TypeScript, loaded through tsx's
 * loader inside the worker) or from a bundle (dist/core/host.mjs, utility.cjs, also inside the
 * packaged app's asar, which Electron's worker threads read): the worker's own bundle in dist/core.
 */
function startWorker(): Worker {
  const here = thisFile();
  if (here.endsWith('.ts')) {
    const source = pathToFileURL(join(dirname(here), 'ocrWorker.ts')).href;
    // tsx's ESM build of its API (require.resolve finds its CommonJS one).
    const tsxApi = createRequire(here)
      .resolve('tsx/esm/api')
      .replace(/\.cjs$/, '.mjs');
    const tsx = pathToFileURL(tsxApi).href;
    const boot = `import(${JSON.stringify(tsx)}).then((t) => t.tsImport(${JSON.stringify(source)}, ${JSON.stringify(source)}))`;
    return new Worker(boot, { eval: true });
  }
  const bundle = join(appRoot(), 'dist', 'core', 'ocrWorker.cjs');
  if (!existsSync(bundle)) throw new Error('找不到文字识别程序（dist/core/ocrWorker.cjs），请重新安装');
  return new Worker(bundle);
}

interface Pending {
  id: number;
  resolve: (a: FromOcrWorker) => void;
  reject: (e: Error) => void;
}

export function workerOcrEngine(options: Partial<WorkerEngineOptions> = {}): WorkerOcrEngine {
  const o = { ...defaults, ...options };
  let worker: Worker | null = null;
  let pending: Pending | null = null;
  let nextId = 1;
  let idle: NodeJS.Timeout | null = null;
  /** Deaths since the last page read; two in a row put the engine down until `downUntil`. */
  let deaths = 0;
  let downUntil = 0;
  /** Pages go one at a time: each waits for the one before. */
  let queue: Promise<unknown> = Promise.resolve();
  /** The request the worker is working on, settled either way. */
  let inFlight: Promise<unknown> = Promise.resolve();
  /** Counts closes: a worker being started when the engine closes is not kept. */
  let generation = 0;

  const died = (w: Worker, why: string): void => {
    if (worker !== w) return;
    worker = null;
    if (pending) {
      deaths++;
      if (deaths >= 2) downUntil = Date.now() + o.restWhenDownMs;
      pending.reject(new Error(why));
      pending = null;
    }
  };

  const ensureWorker = async (): Promise<Worker> => {
    if (worker) return worker;
    const started = generation;
    // sharp must be loaded by the main thread before any worker loads it (its native library stays
    // loaded for the process's life; on glibc Linux it is otherwise unloaded with the worker).
    await sharpLib();
    if (started !== generation) throw new Error('文字识别已停止');
    const w = o.start();
    w.on('message', (a: FromOcrWorker) => {
      if (pending && pending.id === a.id) {
        const p = pending;
        pending = null;
        p.resolve(a);
      }
    });
    // Listened to, so that a dying worker is a failed page and never the core's uncaught error.
    w.on('error', (e) => died(w, `文字识别程序异常退出：${e.message}`));
    w.on('messageerror', () => died(w, '文字识别程序的应答无法读取'));
    w.on('exit', (code) => died(w, `文字识别程序已退出（${code}）`));
    worker = w;
    return w;
  };

  const stopIdleTimer = (): void => {
    if (idle) clearTimeout(idle);
    idle = null;
  };
  const startIdleTimer = (): void => {
    stopIdleTimer();
    idle = setTimeout(() => void engine.close(), o.idleMs);
    idle.unref();
  };

  const ask = (message: (id: number) => ToOcrWorker, transfer: ArrayBuffer[]): Promise<FromOcrWorker> => {
    const turn = queue.then(async () => {
      stopIdleTimer();
      if (deaths >= 2 && Date.now() < downUntil) throw new OcrUnavailable();
      if (deaths >= 2) deaths = 1; // rested: one more try
      try {
        const w = await ensureWorker();
        const id = nextId++;
        const reply = new Promise<FromOcrWorker>((resolve, reject) => {
          pending = { id, resolve, reject };
          w.postMessage(message(id), transfer);
        });
        inFlight = reply.catch(() => undefined);
        return await reply;
      } finally {
        startIdleTimer();
      }
    });
    queue = turn.catch(() => undefined);
    return turn;
  };

  const engine: WorkerOcrEngine = {
    name: 'paddleocr-v4',
    lastTimings: null,
    get thread() {
      return worker;
    },
    async read(image: Uint8Array): Promise<OcrLine[]> {
      // A copy of its own, so the caller's bytes (perhaps a view of a shared pool) stay as they were.
      const own = new Uint8Array(image.byteLength);
      own.set(image);
      const a = await ask((id) => ({ id, image: own }), [own.buffer]);
      if ('error' in a) throw new Error(a.error);
      deaths = 0;
      engine.lastTimings = a.timings;
      return a.lines;
    },
    async load(): Promise<void> {
      const a = await ask((id) => ({ id, load: true }), []);
      if ('error' in a) throw new Error(a.error);
    },
    async close(): Promise<void> {
      generation++;
      stopIdleTimer();
      if (!worker) return;
      // Ending a worker while ONNX Runtime creates its sessions aborts the whole process (a native
      // exception escapes the worker's teardown: "terminate called after throwing Napi::Error"), so
      // the request in flight — a page, or the models' load — finishes first; a stuck one is ended anyway.
      let waited: NodeJS.Timeout | undefined;
      await Promise.race([inFlight, new Promise((r) => (waited = setTimeout(r, o.closeWaitMs)))]);
      clearTimeout(waited);
      const w = worker;
      if (!w) return;
      worker = null;
      pending?.reject(new Error('文字识别已停止'));
      pending = null;
      await w.terminate();
    },
  };
  return engine;
}
