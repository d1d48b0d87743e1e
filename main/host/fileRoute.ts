/**
 * GET /files/<hash>?caseId=…[&variant=thumb] on the web host: a stored file as a stream of bytes
 * with its Content-Type and Content-Length (security audit: files in Base64 inside JSON replies took
 * the host to gigabytes and killed it). The session token comes in `Authorization: Bearer <token>`;
 * a page of another site can neither send that header without a preflight (never answered) nor read
 * the answer. Same Host and Origin checks as POST /api (webHost.ts). No Range: a file is sent whole.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { pipeline } from 'node:stream/promises';
import type { ErrorCode } from '#common/errors.js';
import { bearerToken, fileRequestOfUrl, type FileRequest } from '#common/files.js';
import type { FileReply } from '#core/api/files.js';

export type OpenFile = (request: FileRequest, token: string | null) => Promise<FileReply>;

const statusOf: Partial<Record<ErrorCode, number>> = {
  VALIDATION: 400,
  NOT_AUTHENTICATED: 401,
  SETUP_REQUIRED: 403,
  PASSWORD_CHANGE_REQUIRED: 403,
  FORBIDDEN_ROLE: 403,
  FORBIDDEN_CASE: 403,
  FORBIDDEN_ORIGIN: 403,
  NOT_FOUND: 404,
  FILE_TOO_LARGE: 413,
};

type SendError = (res: ServerResponse, status: number, code: ErrorCode, message: string) => void;

export async function serveStoredFile(
  req: IncomingMessage,
  res: ServerResponse,
  openFile: OpenFile,
  sendError: SendError,
): Promise<void> {
  const request = fileRequestOfUrl(req.url ?? '');
  if (!request)
    return sendError(res, 400, 'VALIDATION', '文件地址格式不正确：应为 /files/<64位文件标识>?caseId=<案件标识>');
  const reply = await openFile(request, bearerToken(req.headers.authorization));
  if (!reply.ok)
    return sendError(
      res,
      statusOf[reply.error.code as ErrorCode] ?? 500,
      reply.error.code as ErrorCode,
      reply.error.message,
    );
  const file = reply.value;
  res.writeHead(200, {
    'Content-Type': file.mimeType,
    'Content-Length': String(file.size),
    'X-Content-Type-Options': 'nosniff',
    // Per user and per case: never kept by a cache; the page holds what it shows.
    'Cache-Control': 'private, no-store',
    // Opened on its own (a new tab), a file runs nothing.
    'Content-Security-Policy': "default-src 'none'; sandbox",
    'Accept-Ranges': 'none',
  });
  if (req.method === 'HEAD') {
    res.end();
    return;
  }
  try {
    await pipeline(file.stream(), res);
  } catch (e) {
    // The hash did not check out, or the reader went away: the answer is broken off, never completed.
    console.error(`[anjuan] 文件发送中断（${file.hash.slice(0, 12)}…）：${e instanceof Error ? e.message : String(e)}`);
    res.destroy();
  }
}
