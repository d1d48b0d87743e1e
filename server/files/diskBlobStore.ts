/**
 * The server's files on its own disk: `<filesDir>/blobs/ab/cdef…`, each written under a temporary name or
 * renamed from the finished upload, so a blob is either whole or absent. An existing blob is trusted only
 * if its content has its hash; a damaged one is replaced.
 */
import { createHash } from 'node:crypto';
import { createReadStream, existsSync, mkdirSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { pipeline } from 'node:stream/promises';
import { blobKey, type ServerBlobStore } from './blobStore.js';

export function blobPath(filesDir: string, sha256: string): string {
  return join(filesDir, 'blobs', blobKey(sha256));
}

async function sha256Of(path: string): Promise<string> {
  const h = createHash('sha256');
  await pipeline(createReadStream(path), h);
  return h.digest('hex');
}

export function diskBlobStore(filesDir: string): ServerBlobStore {
  const whole = async (sha256: string) => {
    const path = blobPath(filesDir, sha256);
    return existsSync(path) && (await sha256Of(path)) === sha256;
  };
  return {
    where: '本机磁盘',
    // Nothing to reach: the folders are made as files arrive (after the data folder is set up at start).
    check: async () => undefined,
    has: async (sha256) => existsSync(blobPath(filesDir, sha256)),
    size: async (sha256) => {
      const s = await stat(blobPath(filesDir, sha256)).catch(() => null);
      return s?.isFile() ? s.size : null;
    },
    putFile: async (sha256, localPath) => {
      if (await whole(sha256)) {
        rmSync(localPath, { force: true });
        return false;
      }
      const final = blobPath(filesDir, sha256);
      mkdirSync(dirname(final), { recursive: true, mode: 0o700 });
      renameSync(localPath, final);
      return true;
    },
    putBytes: async (sha256, bytes) => {
      if (await whole(sha256)) return false;
      const final = blobPath(filesDir, sha256);
      mkdirSync(dirname(final), { recursive: true, mode: 0o700 });
      const tmp = `${final}.${process.pid}.${Date.now()}.tmp`;
      try {
        writeFileSync(tmp, bytes, { mode: 0o600, flush: true });
        renameSync(tmp, final);
      } finally {
        rmSync(tmp, { force: true });
      }
      return true;
    },
    read: async (sha256) => {
      const path = blobPath(filesDir, sha256);
      return existsSync(path) && statSync(path).isFile() ? createReadStream(path) : null;
    },
  };
}
