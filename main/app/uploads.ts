/**
 * Evidence files in, on the desktop (common/uploads.ts): `anjuan:pickFile` opens the system dialog
 * (filtered to the kind's formats) and keeps the chosen path here, giving the page only its name, size
 * and an id; `anjuan:upload` hands that path to the core process, which reads it from disk as a stream
 * (main/host/utility.ts) — the page never holds the bytes of a 500 MB video, and never names a path
 * (a page that could would read any file of the user's). No Electron here: main.ts passes the dialog.
 */
import { randomBytes } from 'node:crypto';
import { basename } from 'node:path';
import type { Reply } from '#common/client.js';
import type { PickedFile } from '#common/bridge.js';
import { fileFormats, evidenceKindNames, uploadKinds, type UploadKind } from '#common/evidenceFiles.js';
import type { UploadMeta } from '#common/uploads.js';
import { errorReply } from './ipc.js';

/** Long enough for a large file on a slow disk: hashed, written, synced and read back. */
export const uploadTimeoutMs = 30 * 60_000;
/** A choice not uploaded within an hour is forgotten (the page asks again). */
const pickMaxAgeMs = 60 * 60_000;

export interface PickDeps {
  /** The system dialog: the chosen path and its size, or null when cancelled. */
  choose(title: string, filter: { name: string; extensions: string[] }): Promise<{ path: string; size: number } | null>;
  /** The core process reads the file from disk and stores it (coreProcess.ts `uploadFile`). */
  upload(path: string, meta: UploadMeta, token: string | null, timeoutMs: number): Promise<Reply<unknown>>;
  now?(): number;
}

const isKind = (k: unknown): k is UploadKind => typeof k === 'string' && (uploadKinds as readonly string[]).includes(k);

export function createUploads(deps: PickDeps) {
  const picks = new Map<string, { path: string; fileName: string; size: number; kind: UploadKind; at: number }>();
  const now = (): number => deps.now?.() ?? Date.now();

  async function pick(raw: unknown): Promise<Reply<PickedFile | null>> {
    const kind = (raw as { kind?: unknown } | null)?.kind;
    if (!isKind(kind)) return errorReply('VALIDATION', '证据类别不正确');
    const formats = Object.values(fileFormats).filter((f) => f.kinds.includes(kind));
    const chosen = await deps.choose(`选择${evidenceKindNames[kind]}文件`, {
      name: formats.map((f) => f.name).join('、'),
      extensions: formats.flatMap((f) => f.extensions),
    });
    if (!chosen) return { ok: true, value: null };
    for (const [id, p] of picks) if (now() - p.at > pickMaxAgeMs) picks.delete(id);
    const pickId = randomBytes(12).toString('hex');
    const fileName = basename(chosen.path);
    picks.set(pickId, { path: chosen.path, fileName, size: chosen.size, kind, at: now() });
    return { ok: true, value: { pickId, fileName, size: chosen.size } };
  }

  async function upload(raw: unknown): Promise<Reply<unknown>> {
    const m = (typeof raw === 'object' && raw !== null ? raw : {}) as Record<string, unknown>;
    const p = typeof m.pickId === 'string' ? picks.get(m.pickId) : undefined;
    if (!p || now() - p.at > pickMaxAgeMs) return errorReply('NOT_FOUND', '所选文件已失效，请重新选择文件');
    if (m.token !== undefined && m.token !== null && typeof m.token !== 'string')
      return errorReply('VALIDATION', '登录凭据格式不正确');
    if (!isKind(m.kind)) return errorReply('VALIDATION', '证据类别不正确');
    // The kind the page asks for now: the core checks the bytes against it and the file's name.
    const reply = await deps.upload(
      p.path,
      { fileName: p.fileName, kind: m.kind },
      (m.token as string | null) ?? null,
      uploadTimeoutMs,
    );
    if (reply.ok) picks.delete(m.pickId as string);
    return reply;
  }

  return { pick, upload };
}
