/**
 * Where the server keeps files once they are whole and their hash is checked (docs/server.md "Files"):
 * content-addressed, one key per SHA-256 (`ab/cdef…`). On disk by default (`diskBlobStore.ts`), or in an
 * S3-compatible bucket (`s3BlobStore.ts`). Resumable uploads never live here: tus keeps a partial file on
 * the server's own disk (a county link cuts often), and only a finished, checked file is put.
 */
import type { Readable } from 'node:stream';

export interface ServerBlobStore {
  /** For the start-up line: where files go (the operator's console, not a user). */
  readonly where: string;
  /** Fails with a Chinese message when the store cannot be used (an unreachable bucket); called at start. */
  check(): Promise<void>;
  /** Whether the blob is there: cheap (a stat, a HEAD), never a read of its bytes. */
  has(sha256: string): Promise<boolean>;
  /** Its size in bytes, null when absent. */
  size(sha256: string): Promise<number | null>;
  /**
   * Moves a finished local file whose content has this hash into the store; the local file is gone
   * afterwards, stored or not. False: the store already had it, nothing was written.
   */
  putFile(sha256: string, localPath: string): Promise<boolean>;
  /** Small content already in memory (a notice's attachment), under its hash. False: already there. */
  putBytes(sha256: string, bytes: Buffer): Promise<boolean>;
  /** The blob as a stream, null when absent. */
  read(sha256: string): Promise<Readable | null>;
}

/** The key of a blob: `ab/cdef…`, the disk layout's path under `blobs/` and the object key under a prefix. */
export function blobKey(sha256: string): string {
  return `${sha256.slice(0, 2)}/${sha256.slice(2)}`;
}
