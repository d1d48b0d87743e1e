/**
 * The OCR worker thread (workerEngine.ts starts it): reads each page image it is sent with the
 * PaddleOCR engine (paddle.ts), one page at a time, and answers its lines, or why it could not. The
 * models load at the first page (or at `load`), here, so that their loading does not hold the core
 * either. Bundled on its own as dist/core/ocrWorker.cjs (scripts/build.mjs).
 */
import { parentPort } from 'node:worker_threads';
import type { OcrLine } from './engine.js';
import { createPaddleEngine, type PaddleEngine, type PaddleTimings } from './paddle.js';

/** What the core sends: a page to read (its bytes transferred, not copied), or “load the models now”. */
export type ToOcrWorker = { id: number; image: Uint8Array } | { id: number; load: true };
/** What the worker answers, by the request's id. */
export type FromOcrWorker =
  | { id: number; lines: OcrLine[]; timings: PaddleTimings | null }
  | { id: number; error: string };

let engine: Promise<PaddleEngine> | null = null;
/** Loaded once; a failed load (a model missing) is tried again at the next page. */
function loaded(): Promise<PaddleEngine> {
  engine ??= createPaddleEngine().catch((e: unknown) => {
    engine = null;
    throw e;
  });
  return engine;
}

const port = parentPort;
if (port) {
  port.on('message', (m: ToOcrWorker) => {
    void (async (): Promise<FromOcrWorker> => {
      try {
        const e = await loaded();
        if ('load' in m) return { id: m.id, lines: [], timings: null };
        const lines = await e.read(m.image);
        return { id: m.id, lines, timings: e.lastTimings };
      } catch (err) {
        return { id: m.id, error: err instanceof Error ? err.message : String(err) };
      }
    })().then((answer) => port.postMessage(answer));
  });
}
