/**
 * The server's files in an S3-compatible bucket (MinIO, a government cloud's object storage): the key is
 * the disk layout's `ab/cdef…` under an optional prefix, addressed path-style (`<endpoint>/<bucket>/<key>`),
 * which those services accept. Requests are signed with SigV4 by `aws4fetch` (docs/decisions.md).
 * - A PUT streams the finished upload from disk with its Content-Length, never holding it in memory,
 *   and signs the content's real SHA-256 as `x-amz-content-sha256`: the bucket itself refuses bytes that
 *   do not have the hash, so what is stored is what was checked.
 * - `has` and `size` are a HEAD; a blob already there with its size is not sent again.
 */
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { Readable } from 'node:stream';
import type { ReadableStream as NodeReadableStream } from 'node:stream/web';
import { AwsClient } from 'aws4fetch';
import { blobKey, type ServerBlobStore } from './blobStore.js';

export interface S3Settings {
  /** `https://minio.example:9000`: scheme, host and port, no bucket. */
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** Empty, or ending with `/` (`anjuan/files/`). */
  prefix: string;
}

/** A HEAD answers in seconds or the store is not usable; bodies rely on undici's idle timeouts instead. */
const headTimeoutMs = 15_000;
/** A PUT that failed on the network or with a 5xx is sent again from the file, this many times at most. */
const putAttempts = 3;

/** The reason a request failed, for the operator: the S3 error code of the answer, or the network's. */
async function reason(res: Response): Promise<string> {
  const text = await res.text().catch(() => '');
  const code = /<Code>([^<]{1,100})<\/Code>/.exec(text)?.[1];
  return `HTTP ${res.status}${code ? ` ${code}` : ''}`;
}

/** The endpoint did not answer (refused, reset, timed out): worth another try, unlike a refusal. */
class Unreachable extends Error {}

function networkReason(e: unknown): string {
  if ((e as { name?: string }).name === 'TimeoutError') return `${headTimeoutMs / 1000}秒内无响应`;
  const cause = (e as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (e instanceof Error ? e.message : String(e));
}

export function s3BlobStore(s: S3Settings, doFetch: typeof fetch = fetch): ServerBlobStore {
  // Retries are ours (a streamed body cannot be sent twice by aws4fetch), so it only signs.
  const aws = new AwsClient({
    accessKeyId: s.accessKeyId,
    secretAccessKey: s.secretAccessKey,
    service: 's3',
    region: s.region,
  });
  const bucketUrl = `${s.endpoint.replace(/\/+$/, '')}/${encodeURIComponent(s.bucket)}`;
  const urlOf = (sha256: string) => `${bucketUrl}/${s.prefix}${blobKey(sha256)}`;
  const where = `S3 兼容对象存储 ${s.endpoint}，存储桶“${s.bucket}”${s.prefix ? `，前缀 ${s.prefix}` : ''}`;

  async function send(
    method: string,
    url: string,
    headers: Record<string, string> = {},
    body?: Buffer | Readable,
    signal?: AbortSignal,
  ): Promise<Response> {
    const signed = await aws.sign(url, { method, headers });
    try {
      return await doFetch(signed.url, { method, headers: signed.headers, body, duplex: 'half', signal });
    } catch (e) {
      throw new Unreachable(`无法连接对象存储 ${s.endpoint}：${networkReason(e)}`, { cause: e });
    }
  }

  async function size(sha256: string): Promise<number | null> {
    const res = await send('HEAD', urlOf(sha256), {}, undefined, AbortSignal.timeout(headTimeoutMs));
    if (res.status === 404) return null;
    if (!res.ok) throw new Error(`对象存储查询文件失败（${await reason(res)}）`);
    return Number(res.headers.get('content-length'));
  }

  async function put(sha256: string, length: number, body: () => Buffer | Readable): Promise<void> {
    const headers = {
      'content-length': String(length),
      'content-type': 'application/octet-stream',
      'x-amz-content-sha256': sha256,
    };
    for (let attempt = 1; ; attempt++) {
      let failure: string;
      try {
        const res = await send('PUT', urlOf(sha256), headers, body());
        if (res.ok) {
          await res.body?.cancel();
          return;
        }
        failure = await reason(res);
        if (res.status < 500) throw new Error(`对象存储拒绝保存文件（${failure}）`);
      } catch (e) {
        // A refusal is final; a cut connection is tried again with the file read anew.
        if (!(e instanceof Unreachable)) throw e;
        failure = e.message;
      }
      if (attempt >= putAttempts) throw new Error(`对象存储保存文件失败（${failure}）`);
      await new Promise((r) => setTimeout(r, 500 * 4 ** (attempt - 1)));
    }
  }

  return {
    where,
    check: async () => {
      let res: Response;
      try {
        res = await send('HEAD', bucketUrl, {}, undefined, AbortSignal.timeout(headTimeoutMs));
      } catch (e) {
        throw new Error(`${(e as Error).message}（请核对 ANJUAN_S3_ENDPOINT，并确认网络可达）`);
      }
      if (res.ok) return;
      if (res.status === 404)
        throw new Error(`对象存储 ${s.endpoint} 上没有存储桶“${s.bucket}”（ANJUAN_S3_BUCKET），请先创建`);
      if (res.status === 401 || res.status === 403)
        throw new Error(
          `对象存储拒绝访问存储桶“${s.bucket}”（HTTP ${res.status}）：请核对 ANJUAN_S3_ACCESS_KEY_ID、ANJUAN_S3_SECRET_ACCESS_KEY 及其权限`,
        );
      const region = res.headers.get('x-amz-bucket-region');
      throw new Error(
        `对象存储无法使用存储桶“${s.bucket}”（HTTP ${res.status}）${region ? `：该存储桶位于区域 ${region}，请设置 ANJUAN_S3_REGION` : ''}`,
      );
    },
    has: async (sha256) => (await size(sha256)) !== null,
    size,
    putFile: async (sha256, localPath) => {
      const length = (await stat(localPath)).size;
      if ((await size(sha256)) === length) return false;
      await put(sha256, length, () => createReadStream(localPath));
      return true;
    },
    putBytes: async (sha256, bytes) => {
      if ((await size(sha256)) === bytes.length) return false;
      await put(sha256, bytes.length, () => bytes);
      return true;
    },
    read: async (sha256) => {
      const res = await send('GET', urlOf(sha256));
      if (res.status === 404) {
        await res.body?.cancel();
        return null;
      }
      if (!res.ok || !res.body) throw new Error(`对象存储读取文件失败（${await reason(res)}）`);
      return Readable.fromWeb(res.body as NodeReadableStream<Uint8Array>);
    },
  };
}
