/**
 * File copies for backups: streamed (a dossier may be hundreds of MB, and the core keeps answering
 * while a backup runs), hashed on the way, written to a temporary name, fsynced, checked and renamed.
 */
import { createReadStream, createWriteStream, existsSync, mkdirSync, readdirSync, rmSync, statSync } from 'node:fs';
import { open, rename, rm } from 'node:fs/promises';
import { createHash, randomBytes } from 'node:crypto';
import { basename, dirname, join, relative, sep } from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { syncDirectory } from '../store/durableFile.js';

export interface Hashed {
  sha256: string;
  bytes: number;
}

/** SHA-256 and size of a file, read as a stream; null when it cannot be read. */
export async function hashFile(path: string): Promise<Hashed | null> {
  const hash = createHash('sha256');
  let bytes = 0;
  try {
    for await (const chunk of createReadStream(path)) {
      hash.update(chunk as Buffer);
      bytes += (chunk as Buffer).length;
    }
  } catch {
    return null;
  }
  return { sha256: hash.digest('hex'), bytes };
}

export type CopyResult = { ok: true; bytes: number } | { ok: false; reason: 'missing' | 'damaged' };

/**
 * Copies `src` to `dest` only if its content has the SHA-256 `expected` (a blob's name; any other
 * content is reported 'damaged' and nothing is written). `dest` appears whole or not at all.
 */
export async function copyVerified(
  src: string,
  dest: string,
  expected?: string,
): Promise<CopyResult & { sha256?: string }> {
  if (!existsSync(src)) return { ok: false, reason: 'missing' };
  mkdirSync(dirname(dest), { recursive: true, mode: 0o700 });
  const tmp = join(dirname(dest), `.${basename(dest)}.${process.pid}.${randomBytes(4).toString('hex')}.tmp`);
  const hash = createHash('sha256');
  let bytes = 0;
  const tap = new Transform({
    transform(chunk: Buffer, _enc, done) {
      hash.update(chunk);
      bytes += chunk.length;
      done(null, chunk);
    },
  });
  try {
    await pipeline(createReadStream(src), tap, createWriteStream(tmp, { flags: 'wx', mode: 0o600 }));
    const sha256 = hash.digest('hex');
    if (expected !== undefined && sha256 !== expected) {
      await rm(tmp, { force: true });
      return { ok: false, reason: 'damaged' };
    }
    const fh = await open(tmp, 'r+');
    try {
      await fh.sync();
    } finally {
      await fh.close();
    }
    // Read back: what reached the disk is what was read.
    const back = await hashFile(tmp);
    if (!back || back.sha256 !== sha256 || back.bytes !== bytes)
      throw Object.assign(new Error('copy did not reach the disk whole'), { code: 'ENOSPC' });
    await rename(tmp, dest);
    syncDirectory(dirname(dest));
    return { ok: true, bytes, sha256 };
  } catch (e) {
    await rm(tmp, { force: true });
    throw e;
  }
}

/** Every regular file under `dir`, relative with forward slashes; temporary and set-aside files are left out. */
export function filesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  const out: string[] = [];
  const walk = (d: string): void => {
    for (const name of readdirSync(d)) {
      if (name.startsWith('.') || name.includes('.bad-')) continue;
      const p = join(d, name);
      const st = statSync(p);
      if (st.isDirectory()) walk(p);
      else if (st.isFile()) out.push(relative(dir, p).split(sep).join('/'));
    }
  };
  walk(dir);
  return out.sort();
}

export function removeTree(path: string): void {
  rmSync(path, { recursive: true, force: true });
}
