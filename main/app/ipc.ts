/**
 * The IPC transport: `anjuan:send` carries an Envelope to the core process and its Reply back,
 * `anjuan:file` a stored file's bytes to the page, `anjuan:print` prints a PDF. No logic beyond the checks every message gets (design rule 6):
 * the sender is the app's own top-level page, the envelope names a known operation with an object
 * input. Validation of the input itself is the core's job (one place: common/operations.ts).
 */
import type { Envelope, Reply } from '#common/client.js';
import { errorCodes, type ErrorCode } from '#common/errors.js';
import { isOpName, operations, type OpName } from '#common/operations.js';
import { parseFileRequest, type FileRequest } from '#common/files.js';
import { fileChannel, pickFileChannel, printChannel, sendChannel, uploadChannel } from '../../preload/channels.js';
import { isSameOrigin } from './security.js';
import type { PrintResult } from './print.js';

export const shortTimeoutMs = 30_000;
export const longTimeoutMs = 5 * 60_000;
/** A file of up to a few hundred MB (a bound dossier) read, checked and copied across two processes. */
export const fileTimeoutMs = 2 * 60_000;

/** How long the shell waits for the core: operations marked `long` (PDF, dossier) get 5 minutes. */
export function timeoutFor(op: OpName): number {
  const spec: { long?: boolean } = operations[op];
  return spec.long ? longTimeoutMs : shortTimeoutMs;
}

export function errorReply(code: ErrorCode, message: string = errorCodes[code], details?: unknown): Reply<never> {
  return { ok: false, error: details === undefined ? { code, message } : { code, message, details } };
}

/** Only the app's own page may talk to the core: not a remote page, not a sub-frame, not the print page. */
export function isTrustedSender(url: string | null | undefined, appOrigin: string): boolean {
  return isSameOrigin(url, appOrigin);
}

/**
 * A fresh envelope with exactly the fields the core reads, or the error value to answer with.
 * Input must be a plain object: every operation's input schema is an object.
 */
export function parseEnvelope(
  raw: unknown,
): { ok: true; envelope: Envelope & { op: OpName } } | { ok: false; reply: Reply<never> } {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    return { ok: false, reply: errorReply('VALIDATION', '请求格式不正确') };
  const { op, input, token } = raw as Record<string, unknown>;
  if (typeof op !== 'string') return { ok: false, reply: errorReply('VALIDATION', '请求缺少操作名称') };
  if (!isOpName(op))
    return {
      ok: false,
      reply: errorReply('UNKNOWN_OPERATION', `${errorCodes.UNKNOWN_OPERATION}：${op.slice(0, 100)}`),
    };
  if (typeof input !== 'object' || input === null || Array.isArray(input))
    return { ok: false, reply: errorReply('VALIDATION', '请求参数必须是对象') };
  if (token !== undefined && token !== null && typeof token !== 'string')
    return { ok: false, reply: errorReply('VALIDATION', '登录凭据格式不正确') };
  // `transport` is ours to set, never the page's (only the CLI may name files by path).
  return { ok: true, envelope: { op, input, token: token ?? null, transport: 'ipc' } };
}

export interface CoreClient {
  request(envelope: Envelope, timeoutMs: number): Promise<Reply<unknown>>;
  /** A stored file as bytes (common/files.ts): the core checks the session and who may read it. */
  requestFile?(request: FileRequest, token: string | null, timeoutMs: number): Promise<Reply<unknown>>;
}

export interface SenderEvent {
  senderFrame: { url: string; parent: unknown } | null;
}

export interface IpcMainLike {
  handle(channel: string, listener: (event: SenderEvent, ...args: unknown[]) => Promise<unknown>): void;
}

export interface IpcDeps {
  appOrigin: string;
  core: CoreClient;
  print(request: unknown): Promise<PrintResult>;
  log(message: string): void;
  /** Evidence files in (uploads.ts): the system dialog, then the chosen file read by the core process. */
  uploads?: { pick(raw: unknown): Promise<Reply<unknown>>; upload(raw: unknown): Promise<Reply<unknown>> };
}

function checkSender(event: SenderEvent, deps: IpcDeps, channel: string): void {
  const frame = event.senderFrame;
  // A frame that navigated away or was destroyed reports null: it is no longer our page.
  if (frame && frame.parent === null && isTrustedSender(frame.url, deps.appOrigin)) return;
  deps.log(`已拒绝来自非本应用页面的 ${channel} 请求：${frame?.url ?? '（已失效的页面）'}`);
  // Thrown, not answered: a stranger gets no error value to learn from, only a rejected invoke.
  throw new Error('拒绝来自非本应用页面的请求');
}

export async function handleSend(event: SenderEvent, raw: unknown, deps: IpcDeps): Promise<Reply<unknown>> {
  checkSender(event, deps, sendChannel);
  const parsed = parseEnvelope(raw);
  if (!parsed.ok) return parsed.reply;
  return deps.core.request(parsed.envelope, timeoutFor(parsed.envelope.op));
}

/**
 * `anjuan:file`: a stored file for the page as bytes (an ArrayBuffer through structured clone, never
 * Base64). The request is rebuilt from its known fields; the core does the rest (fileAccess.ts).
 */
export async function handleFile(event: SenderEvent, raw: unknown, deps: IpcDeps): Promise<Reply<unknown>> {
  checkSender(event, deps, fileChannel);
  const m = (typeof raw === 'object' && raw !== null && !Array.isArray(raw) ? raw : {}) as {
    request?: unknown;
    token?: unknown;
  };
  const request = parseFileRequest(m.request);
  if (!request) return errorReply('VALIDATION', '文件请求格式不正确');
  if (m.token !== undefined && m.token !== null && typeof m.token !== 'string')
    return errorReply('VALIDATION', '登录凭据格式不正确');
  if (!deps.core.requestFile) return errorReply('INTERNAL', '此版本的桌面程序不能读取文件');
  return deps.core.requestFile(request, m.token ?? null, fileTimeoutMs);
}

export async function handlePrint(event: SenderEvent, raw: unknown, deps: IpcDeps): Promise<PrintResult> {
  checkSender(event, deps, printChannel);
  return deps.print(raw);
}

export async function handlePickFile(event: SenderEvent, raw: unknown, deps: IpcDeps): Promise<Reply<unknown>> {
  checkSender(event, deps, pickFileChannel);
  return deps.uploads ? deps.uploads.pick(raw) : errorReply('INTERNAL', '此版本的桌面程序不能选择文件');
}

export async function handleUpload(event: SenderEvent, raw: unknown, deps: IpcDeps): Promise<Reply<unknown>> {
  checkSender(event, deps, uploadChannel);
  return deps.uploads ? deps.uploads.upload(raw) : errorReply('INTERNAL', '此版本的桌面程序不能上传文件');
}

export function registerIpc(ipcMain: IpcMainLike, deps: IpcDeps): void {
  ipcMain.handle(sendChannel, (event, raw) => handleSend(event, raw, deps));
  ipcMain.handle(printChannel, (event, raw) => handlePrint(event, raw, deps));
  ipcMain.handle(fileChannel, (event, raw) => handleFile(event, raw, deps));
  ipcMain.handle(pickFileChannel, (event, raw) => handlePickFile(event, raw, deps));
  ipcMain.handle(uploadChannel, (event, raw) => handleUpload(event, raw, deps));
}
