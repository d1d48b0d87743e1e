/**
 * Files of the cases (evidence, documents) between this desk and the server, at each round after the
 * pull: every file a case names that the server is not yet known to hold is asked about in one request;
 * files only this desk has go up with tus (`tus-js-client`), resumable: an upload's address is
 * `<device>-<sha256>`, so after a cut link — in this round (tus retries) or the next — the client asks
 * the server for the offset it holds and sends only the rest. Files only the server has come down
 * (eagerly, in the background round, so a case opened offline later has its photos and PDFs), their
 * SHA-256 checked before they are stored. The server checks the hash of what it received; a mismatch is
 * refused and the file is sent again (here once more, then at the next round).
 */
import { createHash } from 'node:crypto';
import { Upload } from 'tus-js-client';
import { fileStatusOutput, uploadId, uploadPath } from '#common/sync/files.js';
import { SyncFiles } from '#core/store/syncFiles.js';
import { joinUrl, SyncFailure, type FetchFn, type SyncHttp } from './http.js';
import type { SyncParts } from './integrate.js';

const statusBatch = 5000;
/** Small enough that a county link finishes a request, large enough not to spend the time on round trips. */
const chunkSize = 8 * 1024 * 1024;

export interface FileRoundResult {
  uploaded: number;
  downloaded: number;
  /** Files that did not make it this round (they go at the next). */
  failed: number;
}

export interface FileLink {
  serverUrl: string;
  deviceId: string;
  credential: string;
  fetch: FetchFn;
  /** tus's waits between retries inside one round (tests shorten them). */
  retryDelays?: number[];
}

export async function syncFiles(
  parts: SyncParts,
  http: SyncHttp,
  link: FileLink,
  now: () => string,
): Promise<FileRoundResult> {
  const out: FileRoundResult = { uploaded: 0, downloaded: 0, failed: 0 };
  const store = new SyncFiles(parts.services.db);
  const blobs = parts.services.blobs;
  const confirmed = store.confirmed();
  const open = store.referenced().filter((h) => !confirmed.has(h));
  for (let i = 0; i < open.length; i += statusBatch) {
    const batch = open.slice(i, i + statusBatch);
    const { held } = await http.request('POST', '/api/sync/files/status', fileStatusOutput, { hashes: batch });
    const onServer = new Set(held);
    for (const hash of batch) {
      if (onServer.has(hash)) {
        if (blobs.has(hash)) store.confirm(hash, blobs.size(hash), now());
        else if (await download(link, parts, hash)) {
          store.confirm(hash, blobs.size(hash), now());
          out.downloaded++;
        } else out.failed++;
      } else if (blobs.has(hash)) {
        if (await upload(link, parts, hash)) {
          store.confirm(hash, blobs.size(hash), now());
          out.uploaded++;
        } else out.failed++;
      }
      // Neither here nor there: a hash that names no file (or a file lost on its desk); nothing to move.
    }
  }
  return out;
}

async function download(link: FileLink, parts: SyncParts, hash: string): Promise<boolean> {
  let res: Response;
  try {
    res = await link.fetch(joinUrl(link.serverUrl, `/api/sync/files/${hash}`), {
      method: 'GET',
      headers: { authorization: `Bearer ${link.credential}` },
      signal: AbortSignal.timeout(10 * 60_000),
    });
    if (!res.ok) {
      await res.body?.cancel();
      return false;
    }
    const bytes = Buffer.from(await res.arrayBuffer());
    // The server's bytes must have the hash the case names; anything else is never stored.
    if (createHash('sha256').update(bytes).digest('hex') !== hash) return false;
    parts.services.blobs.put(bytes, res.headers.get('content-type') ?? 'application/octet-stream');
    return true;
  } catch {
    throw new SyncFailure('network', 'NETWORK', `下载案件文件时连接中断（${link.serverUrl}），稍后将自动重试`);
  }
}

/** One file up with tus; a hash the server refuses (damaged in transit) is sent once more. */
export async function upload(link: FileLink, parts: SyncParts, hash: string): Promise<boolean> {
  for (let attempt = 0; attempt < 2; attempt++) {
    const bytes = parts.services.blobs.get(hash); // re-read and re-checked: what goes up is what the case names
    const r = await tusUpload(link, hash, bytes, parts.services.blobs.mimeType(hash));
    if (r === 'ok') return true;
    if (r === 'network')
      throw new SyncFailure(
        'network',
        'NETWORK',
        `上传案件文件时连接中断（${link.serverUrl}），下次同步时从中断处继续`,
      );
  }
  return false;
}

function tusUpload(
  link: FileLink,
  hash: string,
  bytes: Buffer,
  mimeType: string,
): Promise<'ok' | 'refused' | 'network'> {
  return new Promise((resolve) => {
    const up = new Upload(bytes, {
      endpoint: joinUrl(link.serverUrl, uploadPath),
      // Where an earlier, interrupted upload of this file from this desk is: tus asks its offset first.
      uploadUrl: joinUrl(link.serverUrl, `${uploadPath}/${uploadId(link.deviceId, hash)}`),
      uploadSize: bytes.length,
      metadata: { sha256: hash, type: mimeType },
      headers: { authorization: `Bearer ${link.credential}` },
      chunkSize,
      retryDelays: link.retryDelays ?? [1000, 3000, 10_000, 30_000],
      storeFingerprintForResuming: false,
      onSuccess: () => resolve('ok'),
      onError: (e) => {
        const status = (e as { originalResponse?: { getStatus(): number } | null }).originalResponse?.getStatus();
        resolve(status !== undefined && status >= 400 && status < 500 ? 'refused' : 'network');
      },
    });
    up.start();
  });
}
