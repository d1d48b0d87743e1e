/**
 * The core inside Electron's utilityProcess (built to dist/core/utility.cjs; forked by
 * main/app/coreProcess.ts). A thin transport like the web host: messages in, `dispatch`, replies out.
 * Electron is not imported here: `process.parentPort` is typed locally, so this file also type-checks
 * and tests as plain Node.
 *
 *   ← { id, envelope } → { id, reply }      ← { id, ping: true } → { id, pong: true }
 *   ← { id, file: { request, token } } → { id, reply }  (reply.value: { hash, mimeType, bytes: Uint8Array })
 *   ← { id, upload: { path, meta, token } } → { id, reply }  (an evidence file the user chose in the shell's dialog, read here as a stream)
 *   ← { shutdown: true }: close the core (SQLite checkpoint) and exit
 * The core also asks the shell for PDFs over the same port ('electron' engine, electronWire.ts):
 *   → { pdfRender: {…} }   ← { pdfRendered: {…} }   (taken by the PDF port before `answer` sees them)
 * and the updater's messages (updateLink.ts): ← { updateSourceQuery | updateStatus | updateChecked }, → { updateSourceAnswer | updateCheck }.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { stampTransport, type Envelope, type Reply } from '#common/client.js';
import { AppError, errorCodes } from '#common/errors.js';
import { createCore, type Core } from '#core/core.js';
import { demoRequested } from './demoEnv.js'; // the demo only with ANJUAN_DEMO=1
import { createElectronPdfPort } from '#core/documents/pdf/electronWire.js';
import { resolveDataDir } from './dataDir.js';
import { createUpdatePort } from '#core/updateLink.js'; // the desktop app's updater
import { updateFeedLocation } from '#core/application/settings.js';

export interface ParentPortLike {
  on(event: 'message', listener: (event: { data: unknown }) => void): unknown;
  postMessage(message: unknown): void;
}

type CoreLike = Pick<Core, 'dispatch' | 'close'> & Partial<Pick<Core, 'file' | 'upload'>>;

export interface ServeOptions {
  log(message: string): void;
  exit(code: number): void;
  /** The 'electron' PDF engine's end of the port: takes the shell's PDF answers (returns true for those). */
  pdfReplies?: { deliver(message: unknown): boolean };
}

const validation = (message: string): Reply<never> => ({ ok: false, error: { code: 'VALIDATION', message } });

function isEnvelope(v: unknown): v is Envelope {
  return typeof v === 'object' && v !== null && typeof (v as { op?: unknown }).op === 'string';
}

/** Answers one message; never throws (a bad message gets a VALIDATION value, a core failure INTERNAL). */
export async function answer(
  data: unknown,
  core: Promise<CoreLike>,
  port: ParentPortLike,
  opts: ServeOptions,
): Promise<void> {
  const m = (typeof data === 'object' && data !== null ? data : {}) as {
    id?: unknown;
    envelope?: unknown;
    file?: unknown;
    upload?: unknown;
    ping?: unknown;
    shutdown?: unknown;
  };
  const id = typeof m.id === 'number' ? m.id : null;
  if (m.shutdown === true) {
    await core.then((c) => c.close()).catch((e: unknown) => opts.log(`关闭数据库时出错：${String(e)}`));
    opts.exit(0);
    return;
  }
  if (id !== null && m.ping === true) {
    port.postMessage({ id, pong: true });
    return;
  }
  let reply: Reply<unknown>;
  if (id !== null && m.file !== undefined) {
    reply = await readFileFor(m.file, core, opts);
  } else if (id !== null && m.upload !== undefined) {
    reply = await uploadFrom(m.upload, core, opts);
  } else if (id === null || !isEnvelope(m.envelope)) {
    opts.log(`收到格式不正确的消息：${JSON.stringify(data)?.slice(0, 200)}`);
    reply = validation('请求格式不正确');
  } else {
    try {
      // Only the shell's IPC relay talks to this process: the request came from the window.
      reply = await (await core).dispatch(stampTransport(m.envelope, 'ipc'));
    } catch (e) {
      // createCore failed (data directory unreadable, disk full…) or dispatch broke its promise to never throw.
      opts.log(`处理 ${m.envelope.op} 时出错：${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
      // A damaged database says what is wrong and how to restore, in its own words.
      reply = {
        ok: false,
        error:
          e instanceof AppError
            ? e.toValue()
            : { code: 'INTERNAL', message: `${errorCodes.INTERNAL}：${e instanceof Error ? e.message : String(e)}` },
      };
    }
  }
  try {
    port.postMessage({ id, reply });
  } catch (e) {
    // e.g. a value structured clone cannot carry: answer with an error rather than leave the caller waiting
    opts.log(`无法返回结果：${String(e)}`);
    port.postMessage({ id, reply: { ok: false, error: { code: 'INTERNAL', message: '结果无法传回界面' } } });
  }
}

/**
 * A stored file for the window, as bytes: read whole and checked against its hash, then posted as a
 * Uint8Array (structured clone copies bytes; nothing is turned into Base64 or JSON on the way).
 */
async function readFileFor(raw: unknown, core: Promise<CoreLike>, opts: ServeOptions): Promise<Reply<unknown>> {
  const m = (typeof raw === 'object' && raw !== null ? raw : {}) as { request?: unknown; token?: unknown };
  try {
    const c = await core;
    if (!c.file) return { ok: false, error: { code: 'INTERNAL', message: '此版本的后台服务不能读取文件' } };
    const opened = await c.file(m.request, typeof m.token === 'string' ? m.token : null);
    if (!opened.ok) return opened;
    const b = opened.value.bytes();
    return {
      ok: true,
      value: {
        hash: opened.value.hash,
        mimeType: opened.value.mimeType,
        bytes: new Uint8Array(b.buffer, b.byteOffset, b.byteLength),
      },
    };
  } catch (e) {
    opts.log(`读取文件时出错：${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    return {
      ok: false,
      error: e instanceof AppError ? e.toValue() : { code: 'INTERNAL', message: errorCodes.INTERNAL },
    };
  }
}

/**
 * An evidence file the user chose in the shell's system dialog (main/app/uploads.ts): read from disk as
 * a stream into the core (api/uploads.ts), which checks the session, the bytes and the size. Only the
 * shell sends these, with a path its own dialog gave; the page never names one.
 */
async function uploadFrom(raw: unknown, core: Promise<CoreLike>, opts: ServeOptions): Promise<Reply<unknown>> {
  const m = (typeof raw === 'object' && raw !== null ? raw : {}) as { path?: unknown; meta?: unknown; token?: unknown };
  if (typeof m.path !== 'string' || m.path === '') return validation('上传请求格式不正确');
  try {
    const c = await core;
    if (!c.upload) return { ok: false, error: { code: 'INTERNAL', message: '此版本的后台服务不能接收文件' } };
    let size: number;
    try {
      size = (await stat(m.path)).size;
    } catch {
      return { ok: false, error: { code: 'NOT_FOUND', message: '所选文件已不存在或无法读取，请重新选择' } };
    }
    const source = createReadStream(m.path, { highWaterMark: 1024 * 1024 });
    const reply = await c.upload(m.meta, source, typeof m.token === 'string' ? m.token : null, { declaredSize: size });
    source.destroy(); // refused before the end: the rest is not read
    return reply;
  } catch (e) {
    opts.log(`接收文件时出错：${e instanceof Error ? (e.stack ?? e.message) : String(e)}`);
    return {
      ok: false,
      error: e instanceof AppError ? e.toValue() : { code: 'INTERNAL', message: errorCodes.INTERNAL },
    };
  }
}

export function serveCore(port: ParentPortLike, core: Promise<CoreLike>, opts: ServeOptions): void {
  // Keep the rejection observed: a failed start is reported per request, not as an unhandled rejection.
  core.catch((e: unknown) => opts.log(`案卷核心启动失败：${e instanceof Error ? (e.stack ?? e.message) : String(e)}`));
  port.on('message', (event) => {
    if (opts.pdfReplies?.deliver(event?.data)) return;
    void answer(event?.data, core, port, opts).catch((e: unknown) => opts.log(`消息处理失败：${String(e)}`));
  });
}

const parentPort = (process as unknown as { parentPort?: ParentPortLike }).parentPort;
if (parentPort) {
  const log = (message: string): void => console.error(`[案卷核心] ${message}`);
  process.on('unhandledRejection', (e) =>
    log(`未处理的异常：${e instanceof Error ? (e.stack ?? e.message) : String(e)}`),
  );
  // After an uncaught exception the core's state is unknown: exit, and the shell starts a fresh one.
  process.on('uncaughtException', (e) => {
    log(`未捕获的异常：${e.stack ?? e.message}`);
    process.exit(1);
  });
  const dataDir = process.env.ANJUAN_DATA_DIR ?? resolveDataDir();
  // Started by the shell: PDFs can be printed by Electron's own Chromium, which 'auto' then prefers.
  const pdf = createElectronPdfPort((message) => parentPort.postMessage(message));
  // the shell's updater asks for the feed location set in 本局设置 and reports its state (updateLink.ts).
  let started: Promise<Core> | null = null;
  const updates = createUpdatePort(
    (message) => parentPort.postMessage(message),
    async () => updateFeedLocation((await started!).services), // 省级服务器 → its /updates/
  );
  started = createCore({
    dataDir,
    electronPdf: pdf.channel,
    updateLink: updates.link,
    demo: demoRequested(),
    scheduledBackups: true,
    sync: { schedule: true }, // rounds with the provincial server every 5 min once enrolled (core/sync/)
  });
  serveCore(parentPort, started, {
    log,
    exit: (code) => process.exit(code),
    pdfReplies: { deliver: (m) => pdf.deliver(m) || updates.deliver(m) },
  });
}
