/**
 * PUT /files/upload?fileName=…&kind=… on the web host: an evidence file as the request's body, streamed
 * into the core (api/uploads.ts) — never read whole, never Base64 (a 执法记录仪 video is hundreds of MB).
 * The session token in `Authorization: Bearer <token>` (a page of another site cannot send it without a
 * preflight, which is never answered), the optional SHA-256 in `X-Content-SHA256`. Same Host and Origin
 * checks as POST /api (webHost.ts). The answer is a Reply as JSON: `{ ok: true, value: UploadedFile }`.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { ErrorCode } from '#common/errors.js';
import { bearerToken } from '#common/files.js';
import { uploadHashHeader, uploadMetaOfUrl, type UploadMeta } from '#common/uploads.js';
import type { UploadReply } from '#core/api/uploads.js';

export type ReceiveUpload = (
  meta: UploadMeta,
  source: IncomingMessage,
  token: string | null,
  opts: { declaredSize?: number },
) => Promise<UploadReply>;

const statusOf: Partial<Record<ErrorCode, number>> = {
  VALIDATION: 400,
  NOT_AN_IMAGE: 400,
  INTEGRITY: 422,
  NOT_AUTHENTICATED: 401,
  SETUP_REQUIRED: 403,
  PASSWORD_CHANGE_REQUIRED: 403,
  FORBIDDEN_ROLE: 403,
  FORBIDDEN_ORIGIN: 403,
  FILE_TOO_LARGE: 413,
  DISK_FULL: 507,
};

type SendError = (
  res: ServerResponse,
  status: number,
  code: ErrorCode,
  message: string,
  headers?: Record<string, string>,
) => void;

/**
 * A refusal before or while the body arrives: answered at once and the connection closed after it;
 * what the client still sends is read and dropped (never kept) for a few seconds, so it reads the
 * answer instead of a reset.
 */
function refuse(
  req: IncomingMessage,
  res: ServerResponse,
  send: SendError,
  status: number,
  code: ErrorCode,
  message: string,
): void {
  if (res.headersSent || res.destroyed) return;
  send(res, status, code, message, { Connection: 'close' });
  if (req.complete || req.destroyed) return;
  req.resume();
  const stop = setTimeout(() => req.socket.destroy(), 5000);
  stop.unref();
  req.once('end', () => clearTimeout(stop));
  req.once('close', () => clearTimeout(stop));
}

export async function receiveUploadRoute(
  req: IncomingMessage,
  res: ServerResponse,
  receive: ReceiveUpload,
  sendError: SendError,
): Promise<void> {
  const hashHeader = req.headers[uploadHashHeader];
  const parsed = uploadMetaOfUrl(req.url ?? '', typeof hashHeader === 'string' ? hashHeader.toLowerCase() : undefined);
  if (!parsed.ok) return refuse(req, res, sendError, 400, 'VALIDATION', parsed.message);
  const length = Number(req.headers['content-length']);
  const reply = await receive(parsed.meta, req, bearerToken(req.headers.authorization), {
    ...(req.headers['content-length'] !== undefined && Number.isFinite(length) ? { declaredSize: length } : {}),
  });
  // The sender went away: nobody reads the answer, and the core kept nothing.
  if (req.destroyed && !req.complete) return;
  if (!reply.ok)
    return refuse(
      req,
      res,
      sendError,
      statusOf[reply.error.code as ErrorCode] ?? 500,
      reply.error.code as ErrorCode,
      reply.error.message,
    );
  res.writeHead(200, {
    'Content-Type': 'application/json; charset=utf-8',
    'X-Content-Type-Options': 'nosniff',
    'Cache-Control': 'no-store',
  });
  res.end(JSON.stringify(reply));
}
