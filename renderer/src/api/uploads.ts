/**
 * Evidence files in (common/uploads.ts), as bytes and never as Base64 inside JSON, whatever their size:
 * in the browser the File itself is the body of PUT /files/upload (XHR, for its upload progress; the
 * page never reads the file), in the desktop app the shell's system dialog chooses the file and the core
 * process reads it from disk. Either way the answer names the stored file, which `evidence.add` then
 * refers to by `uploadHash`. Cancelling aborts the request; the core keeps nothing of it.
 */
import type { PickedFile } from '#common/bridge';
import type { Reply } from '#common/client';
import type { UploadKind } from '#common/evidenceFiles';
import { maxUploadBytes, uploadTooLargeMessage, uploadUrlPath, type UploadedFile } from '#common/uploads';
import { ApiError, type ApiErrorCode } from './errors';
import { client } from './send';

/** A file to upload: one the page picked (browser), or one the shell's dialog chose (desktop). */
export type UploadSource = { file: File } | { picked: PickedFile };

export const sourceName = (s: UploadSource): string => ('file' in s ? s.file.name : s.picked.fileName);
export const sourceSize = (s: UploadSource): number => ('file' in s ? s.file.size : s.picked.size);

export interface UploadTask {
  done: Promise<UploadedFile>;
  cancel(): void;
}

export const cancelledMessage = '已取消上传';

/** The desktop app chooses files in the system dialog (the page never holds a path or the bytes). */
export const choosesNatively = (): boolean => Boolean(window.anjuan?.pickFile && window.anjuan.uploadPicked);

/** The system dialog, filtered to the kind's formats; null when cancelled. */
export async function pickNatively(kind: UploadKind): Promise<PickedFile | null> {
  const reply = await window.anjuan!.pickFile!(kind);
  if (!reply.ok) throw new ApiError(reply.error.code as ApiErrorCode, reply.error.message, reply.error.details);
  return reply.value;
}

function uploadedOf(reply: Reply<UploadedFile>): UploadedFile {
  if (reply.ok) return reply.value;
  throw new ApiError(reply.error.code as ApiErrorCode, reply.error.message, reply.error.details);
}

/** Sends the file; `onProgress(sent, total)` as it goes (the browser's upload progress). */
export function uploadEvidenceFile(
  source: UploadSource,
  kind: UploadKind,
  onProgress: (sent: number, total: number) => void,
): UploadTask {
  if (sourceSize(source) > maxUploadBytes)
    return { done: Promise.reject(new ApiError('FILE_TOO_LARGE', uploadTooLargeMessage)), cancel: () => undefined };
  if ('picked' in source) {
    // Read from the local disk by the core process: fast, so no progress; a cancel only stops waiting.
    let cancelled = false;
    const done = window.anjuan!.uploadPicked!({ pickId: source.picked.pickId, kind, token: client.token() }).then(
      (r) => {
        if (cancelled) throw new ApiError('VALIDATION', cancelledMessage);
        return uploadedOf(r);
      },
    );
    return {
      done,
      cancel: () => {
        cancelled = true;
      },
    };
  }
  const xhr = new XMLHttpRequest();
  const done = new Promise<UploadedFile>((resolve, reject) => {
    xhr.open('PUT', uploadUrlPath({ fileName: source.file.name, kind }));
    const token = client.token();
    if (token) xhr.setRequestHeader('Authorization', `Bearer ${token}`);
    xhr.setRequestHeader('Content-Type', 'application/octet-stream');
    xhr.upload.onprogress = (e) => onProgress(e.loaded, e.lengthComputable ? e.total : source.file.size);
    xhr.onload = () => {
      try {
        resolve(uploadedOf(JSON.parse(xhr.responseText) as Reply<UploadedFile>));
      } catch (e) {
        reject(
          e instanceof ApiError ? e : new ApiError('INTERNAL', `工作站服务返回了无法识别的答复（HTTP ${xhr.status}）`),
        );
      }
    };
    xhr.onerror = () => reject(new ApiError('NETWORK', '文件上传中断：无法连接工作站服务，请确认案卷已启动后重试'));
    xhr.onabort = () => reject(new ApiError('VALIDATION', cancelledMessage));
    xhr.send(source.file);
  });
  return { done, cancel: () => xhr.abort() };
}
