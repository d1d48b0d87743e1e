/**
 * Stored files (photos, DOCX, PDFs, dossiers) travel as bytes, never as Base64 inside JSON: the web
 * host answers `GET /files/<hash>?caseId=…[&variant=thumb]` (the session token in the header
 * `Authorization: Bearer <token>`) with the file as a stream; the Electron bridge asks the shell over
 * IPC and gets an ArrayBuffer. Both carry the same request, checked by the same code here and by the
 * same access rule in the core (main/core/api/fileAccess.ts).
 */

/** The web host's prefix for files. */
export const filesPath = '/files/';

/** `thumb`: the small JPEG made from a photo (the 证据 tab); absent: the file itself. */
export type FileVariant = 'thumb';

export interface FileRequest {
  hash: string;
  /** The case that refers to the file; absent only for files outside cases (the bureau's seal image). */
  caseId?: string;
  variant?: FileVariant;
}

const hashPattern = /^[0-9a-f]{64}$/;
// A case id as the core makes them (ULID) or the demo names them: short, plain characters.
const caseIdPattern = /^[A-Za-z0-9_-]{1,64}$/;

/** The request with only its known fields, or null when it is not one (wrong type, bad hash, unknown variant). */
export function parseFileRequest(raw: unknown): FileRequest | null {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return null;
  const { hash, caseId, variant } = raw as Record<string, unknown>;
  if (typeof hash !== 'string' || !hashPattern.test(hash)) return null;
  if (
    caseId !== undefined &&
    caseId !== null &&
    caseId !== '' &&
    (typeof caseId !== 'string' || !caseIdPattern.test(caseId))
  )
    return null;
  if (variant !== undefined && variant !== null && variant !== '' && variant !== 'thumb') return null;
  return {
    hash,
    ...(typeof caseId === 'string' && caseId !== '' ? { caseId } : {}),
    ...(variant === 'thumb' ? { variant } : {}),
  };
}

/** The web host's path for a file: `/files/<hash>?caseId=…&variant=thumb`. */
export function fileUrlPath(r: FileRequest): string {
  const q = new URLSearchParams();
  if (r.caseId) q.set('caseId', r.caseId);
  if (r.variant) q.set('variant', r.variant);
  const query = q.toString();
  return `${filesPath}${r.hash}${query ? `?${query}` : ''}`;
}

/** The request a web host path names, or null (not under /files/, or not a valid request). */
export function fileRequestOfUrl(url: string): FileRequest | null {
  if (!url.startsWith(filesPath)) return null;
  const [path = '', query = ''] = url.slice(filesPath.length).split('?', 2);
  const q = new URLSearchParams(query);
  return parseFileRequest({ hash: path, caseId: q.get('caseId') ?? undefined, variant: q.get('variant') ?? undefined });
}

/** The token in `Authorization: Bearer <token>`, or null. */
export function bearerToken(header: string | undefined): string | null {
  const m = /^Bearer ([A-Za-z0-9_-]{1,200})$/.exec(header ?? '');
  return m?.[1] ?? null;
}

/** A file as the desktop app's bridge hands it to the page: the bytes themselves (an ArrayBuffer over IPC). */
export interface FileBytes {
  hash: string;
  mimeType: string;
  bytes: Uint8Array;
}
