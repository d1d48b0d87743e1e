/**
 * Evidence files travel in as bytes, never as Base64 inside JSON: a 执法记录仪 video of hundreds of MB
 * would not fit a JSON request, and the host would hold it whole several times over. The web host takes
 * `PUT /files/upload?fileName=…&kind=…` (the body is the file, the session in `Authorization: Bearer`,
 * optionally the SHA-256 the sender computed in `X-Content-SHA256`); the desktop app reads a file the user
 * chose in the system dialog in the shell's core process. Both answer an `UploadedFile`, and
 * `evidence.add` then names it by `uploadHash`. Shared by the page, the transports and the core.
 */
import { uploadKinds, type UploadKind } from './evidenceFiles.js';

/** The web host's path for uploads (PUT). */
export const uploadPath = '/files/upload';

/** The largest evidence file: a long 执法记录仪 recording at high quality stays under it. */
export const maxUploadBytes = 4 * 1024 * 1024 * 1024;

/** The limit as the user reads it. */
export const maxUploadText = '4GB';

export const uploadTooLargeMessage = `证据文件过大：单个文件不能超过${maxUploadText}，请分段录制或压缩后上传`;

/** The header carrying the SHA-256 the sender computed, checked against what arrived (optional). */
export const uploadHashHeader = 'x-content-sha256';

export interface UploadMeta {
  fileName: string;
  kind: UploadKind;
  /** The SHA-256 the file must have; absent: whatever arrived is hashed and kept. */
  sha256?: string;
}

/** A file received and stored, waiting for `evidence.add` to name it. */
export interface UploadedFile {
  hash: string;
  size: number;
  mimeType: string;
  fileName: string;
  kind: UploadKind;
}

const hashPattern = /^[0-9a-f]{64}$/;

/** Control characters, path separators: never part of a file name we keep. */
// biome-ignore lint/suspicious/noControlCharactersInRegex: refusing them is the point
const badName = /[\u0000-\u001f\u007f/\\]/;

/** The upload's description with only its known fields, or a Chinese reason why it is not one. */
export function parseUploadMeta(raw: unknown): { ok: true; meta: UploadMeta } | { ok: false; message: string } {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    return { ok: false, message: '上传请求格式不正确' };
  const { fileName, kind, sha256 } = raw as Record<string, unknown>;
  if (typeof fileName !== 'string' || fileName.trim() === '' || fileName.length > 200 || badName.test(fileName))
    return { ok: false, message: '上传文件的名称缺失或不正确（不超过200个字符，不含路径）' };
  if (typeof kind !== 'string' || !(uploadKinds as readonly string[]).includes(kind))
    return { ok: false, message: '证据类别应为现场照片、书证扫描件、录音、录像、电子文件或执行凭证' };
  if (
    sha256 !== undefined &&
    sha256 !== null &&
    sha256 !== '' &&
    (typeof sha256 !== 'string' || !hashPattern.test(sha256))
  )
    return { ok: false, message: '文件校验值格式不正确：应为64位小写十六进制的SHA-256' };
  return {
    ok: true,
    meta: {
      fileName: fileName.trim(),
      kind: kind as UploadKind,
      ...(typeof sha256 === 'string' && sha256 !== '' ? { sha256 } : {}),
    },
  };
}

/** The web host's address for an upload: `/files/upload?fileName=…&kind=…`. */
export function uploadUrlPath(meta: Pick<UploadMeta, 'fileName' | 'kind'>): string {
  const q = new URLSearchParams({ fileName: meta.fileName, kind: meta.kind });
  return `${uploadPath}?${q.toString()}`;
}

/** The upload a web host address and its hash header name, or a reason why not. */
export function uploadMetaOfUrl(
  url: string,
  hashHeader: string | undefined,
): { ok: true; meta: UploadMeta } | { ok: false; message: string } {
  const [path = '', query = ''] = url.split('?', 2);
  if (path !== uploadPath) return { ok: false, message: '上传地址不正确' };
  const q = new URLSearchParams(query);
  return parseUploadMeta({
    fileName: q.get('fileName') ?? undefined,
    kind: q.get('kind') ?? undefined,
    sha256: hashHeader,
  });
}
