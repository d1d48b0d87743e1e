/**
 * The core in its own process (Electron utilityProcess running dist/core/utility.cjs): SQLite work
 * and PDF conversion never freeze the window, and a crash of the core does not take the shell down.
 * Each request carries a correlation id; every caller gets a Reply — the core's, or a Chinese error
 * value on time-out, exit or shutdown — never a hang.
 *
 * Wire (main/host/utility.ts is the other end):
 *   → { id, envelope } | { id, file: { request, token } } | { id, upload: { path, meta, token } } | { id, ping: true } | { shutdown: true }
 *   ← { id, reply }    | { id, pong: true }
 * and the core's requests for PDFs printed by Electron ('electron' engine, pdfRenderer.ts):
 *   ← { pdfRender: {…} }  → { pdfRendered: {…} }   (to the process that asked, not to a restarted one)
 * and the updater's (updateWire.ts ↔ main/core/updateLink.ts), handed to `onCoreMessage`.
 */
import type { Envelope, Reply } from '#common/client.js';
import { isErrorValue } from '#common/errors.js';
import { errorReply, type CoreClient } from './ipc.js';
import type { FileRequest } from '#common/files.js';
import type { UploadMeta } from '#common/uploads.js';

export interface CoreChild {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (message: unknown) => void): unknown;
  on(event: 'exit', listener: (code: number) => void): unknown;
  kill(): boolean;
}

export interface CoreProcessOptions {
  fork(): CoreChild;
  log(message: string): void;
  /** After a time-out the core must answer a ping this fast, or it is taken as hung and restarted. */
  pingTimeoutMs?: number;
  /** Crash-loop brake: at most this many restarts per minute, then wait for the next request. */
  maxRestartsPerMinute?: number;
  now?(): number;
  /** Answers the core's PDF requests (PdfRenderer.handle); null: nothing to answer. Absent: refused. */
  onPdfRender?(request: unknown): Promise<unknown>;
  /** Other messages of the core's own (the updater's, updateWire.ts): true when taken. */
  onCoreMessage?(message: unknown): boolean;
  /** After each start of the core (the first, and every restart). */
  onStarted?(): void;
}

export interface CoreProcess extends CoreClient {
  requestFile(request: FileRequest, token: string | null, timeoutMs: number): Promise<Reply<unknown>>;
  uploadFile(path: string, meta: UploadMeta, token: string | null, timeoutMs: number): Promise<Reply<unknown>>;
  stop(graceMs?: number): Promise<void>;
  /** Sends a message of the shell's own to the running core; false when none runs or it cannot be sent. */
  post(message: unknown): boolean;
}

export function isReply(v: unknown): v is Reply<unknown> {
  if (typeof v !== 'object' || v === null) return false;
  const r = v as { ok?: unknown; error?: unknown };
  return r.ok === true ? 'value' in r : r.ok === false && isErrorValue(r.error);
}

function formatDuration(ms: number): string {
  return ms >= 60_000 ? `${Math.round(ms / 60_000)}分钟` : `${Math.round(ms / 1000)}秒`;
}

interface Pending {
  resolve(reply: Reply<unknown>): void;
  timer: NodeJS.Timeout;
}

export function startCoreProcess(opts: CoreProcessOptions): CoreProcess {
  const now = opts.now ?? Date.now;
  const pending = new Map<number, Pending>();
  const pings = new Map<number, () => void>();
  let restarts: number[] = [];
  let child: CoreChild | null = null;
  let stopping = false;
  let nextId = 1;
  let exited: (() => void) | null = null;

  function settle(id: number, reply: Reply<unknown>): void {
    const p = pending.get(id);
    if (!p) return;
    pending.delete(id);
    clearTimeout(p.timer);
    p.resolve(reply);
  }

  function relayPdf(from: CoreChild, request: unknown): void {
    const id = (request as { id?: unknown } | null)?.id;
    const answer = opts.onPdfRender
      ? opts.onPdfRender(request)
      : Promise.resolve(typeof id === 'number' ? { id, ok: false, message: '此版本的桌面程序不能生成PDF' } : null);
    void answer
      .then((reply) => {
        // A core restarted meanwhile has its own ids: the answer is for the process that asked, or nobody.
        if (reply === null || reply === undefined || child !== from) return;
        from.postMessage({ pdfRendered: reply });
      })
      .catch((e: unknown) => opts.log(`无法把PDF交给后台服务：${String(e)}`));
  }

  function onMessage(from: CoreChild, message: unknown): void {
    if (typeof message === 'object' && message !== null && 'pdfRender' in message) {
      relayPdf(from, (message as { pdfRender: unknown }).pdfRender);
      return;
    }
    if (child === from && opts.onCoreMessage?.(message)) return;
    const m = message as { id?: unknown; reply?: unknown; pong?: unknown };
    if (typeof m !== 'object' || m === null || typeof m.id !== 'number') {
      opts.log(`后台服务发来无法识别的消息：${JSON.stringify(message)?.slice(0, 200)}`);
      return;
    }
    if (m.pong === true) {
      pings.get(m.id)?.();
      return;
    }
    // A reply after its time-out finds nobody waiting: dropped (the caller already has its answer).
    if (!pending.has(m.id)) return;
    settle(m.id, isReply(m.reply) ? m.reply : errorReply('INTERNAL', '后台服务返回了无法识别的结果'));
  }

  function onExit(from: CoreChild, code: number): void {
    if (child !== from) return;
    child = null;
    for (const id of [...pending.keys()]) {
      settle(
        id,
        errorReply('INTERNAL', stopping ? '程序正在退出' : '后台服务意外退出，已自动重新启动，请重试该操作', {
          reason: 'core-exited',
          code,
        }),
      );
    }
    exited?.();
    if (stopping) return;
    opts.log(`后台服务退出（代码 ${code}），正在重新启动`);
    const minuteAgo = now() - 60_000;
    restarts = restarts.filter((t) => t > minuteAgo);
    // A core that dies at start-up would otherwise be re-forked in a tight loop.
    if (restarts.length < (opts.maxRestartsPerMinute ?? 5)) trySpawn();
    else opts.log('后台服务在一分钟内多次退出，暂停自动重启，下一次操作时再试');
  }

  function ensureChild(): CoreChild {
    if (child) return child;
    restarts.push(now());
    const c = opts.fork();
    child = c;
    c.on('message', (message) => onMessage(c, message));
    c.on('exit', (code) => onExit(c, code));
    try {
      opts.onStarted?.();
    } catch (e) {
      opts.log(`后台服务启动后的通知失败：${String(e)}`);
    }
    return c;
  }

  /** A fork that throws (bundle missing, out of memory) is logged; the next request tries again. */
  function trySpawn(): void {
    try {
      ensureChild();
    } catch (e) {
      opts.log(`无法启动后台服务：${e instanceof Error ? e.message : String(e)}`);
    }
  }

  /** After a time-out: a core that is busy with async work still answers; a wedged one is killed. */
  function checkAlive(): void {
    const c = child;
    if (!c) return;
    const id = nextId++;
    const timer = setTimeout(() => {
      pings.delete(id);
      if (child !== c) return;
      opts.log('后台服务无响应，正在重新启动');
      c.kill();
    }, opts.pingTimeoutMs ?? 10_000);
    pings.set(id, () => {
      clearTimeout(timer);
      pings.delete(id);
    });
    try {
      c.postMessage({ id, ping: true });
    } catch {
      // the exit handler deals with a dead child
    }
  }

  function request(envelope: Envelope, timeoutMs: number): Promise<Reply<unknown>> {
    return ask({ envelope }, envelope.op, timeoutMs);
  }

  /** An evidence file read from disk by the core process itself (main/app/uploads.ts): only its path crosses. */
  function uploadFile(
    path: string,
    meta: UploadMeta,
    token: string | null,
    timeoutMs: number,
  ): Promise<Reply<unknown>> {
    return ask({ upload: { path, meta, token } }, 'upload', timeoutMs);
  }

  /** A stored file: answered like an envelope, its reply's value carrying the bytes (structured clone, no Base64). */
  function requestFile(file: FileRequest, token: string | null, timeoutMs: number): Promise<Reply<unknown>> {
    return ask({ file: { request: file, token } }, 'file', timeoutMs);
  }

  function ask(
    message:
      | { envelope: Envelope }
      | { file: { request: FileRequest; token: string | null } }
      | { upload: { path: string; meta: UploadMeta; token: string | null } },
    op: string,
    timeoutMs: number,
  ): Promise<Reply<unknown>> {
    if (stopping) return Promise.resolve(errorReply('INTERNAL', '程序正在退出'));
    const id = nextId++;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        settle(
          id,
          errorReply('INTERNAL', `操作超时（${formatDuration(timeoutMs)}），请稍后重试`, { reason: 'timeout', op }),
        );
        checkAlive();
      }, timeoutMs);
      pending.set(id, { resolve, timer });
      try {
        ensureChild().postMessage({ id, ...message });
      } catch (e) {
        opts.log(`无法发送到后台服务：${String(e)}`);
        settle(id, errorReply('INTERNAL', '后台服务不可用，请稍后重试', { reason: 'post-failed' }));
      }
    });
  }

  async function stop(graceMs = 5_000): Promise<void> {
    stopping = true;
    const c = child;
    if (!c) return;
    // The core closes SQLite cleanly on shutdown; a core that does not exit in time is killed.
    const gone = new Promise<void>((resolve) => {
      exited = resolve;
    });
    try {
      c.postMessage({ shutdown: true });
    } catch {
      c.kill();
    }
    let timer: NodeJS.Timeout | undefined;
    const late = new Promise<void>((resolve) => {
      timer = setTimeout(() => {
        c.kill();
        resolve();
      }, graceMs);
    });
    await Promise.race([gone, late]);
    clearTimeout(timer);
  }

  function post(message: unknown): boolean {
    if (!child || stopping) return false;
    try {
      child.postMessage(message);
      return true;
    } catch {
      return false;
    }
  }

  trySpawn();
  return { request, requestFile, uploadFile, stop, post };
}
