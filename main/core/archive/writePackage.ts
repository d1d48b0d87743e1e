/**
 * Writes an 电子档案包 as a zip stream (yazl): manifest.json and its digest first, then the event log,
 * then each file, opened only when yazl reaches it — so a package of hundreds of MB is never held in
 * memory, and only one stored file is open at a time. The layout (after DA/T 48's idea of one
 * self-describing package: the metadata beside the content it describes, docs/decisions.md):
 *   manifest.json, manifest.sha256, 卷宗/正卷.pdf, 卷宗/副卷.pdf, 文书/…, 证据/…, 记录/案件事件记录.jsonl
 */
import type { Readable } from 'node:stream';
import yazl from 'yazl';
import { sha256Hex } from '../store/hashing.js';
import { manifestDigestPath, manifestPath, type Manifest, type ManifestItem } from './manifest.js';

export interface PackageFile {
  item: ManifestItem;
  /** The stored file as a stream, checked against its hash as it is read (BlobStore.openStream). */
  open(): Readable;
}

// Already compressed (PDF streams, DOCX is a zip, photos, audio, video): stored as they are.
const storedAsIs = /^(application\/pdf|application\/vnd\.openxmlformats|image\/|audio\/|video\/|application\/zip)/;

/** The manifest as it is written, and the digest file that names its SHA-256. */
export function manifestBytes(m: Manifest): { manifest: Buffer; digest: Buffer } {
  const manifest = Buffer.from(`${JSON.stringify(m, null, 2)}\n`, 'utf8');
  return { manifest, digest: Buffer.from(`${sha256Hex(manifest)}  ${manifestPath}\n`, 'utf8') };
}

/**
 * The zip as a stream. `inline`: files written from memory (the event log); `files`: stored files,
 * streamed. `onFile(done)` is called as each stored file is reached.
 */
export function writePackage(
  m: Manifest,
  inline: Array<{ path: string; bytes: Buffer }>,
  files: PackageFile[],
  onFile: (done: number) => void = () => undefined,
): Readable {
  const zip = new yazl.ZipFile();
  const out = zip.outputStream as Readable;
  // yazl pipes a lazily opened stream without listening for its errors: a file that fails its hash
  // check (or cannot be read) must end the package with that error, not take the process down.
  const fail = (e: unknown): void => {
    out.destroy(e instanceof Error ? e : new Error(String(e)));
  };
  zip.on('error', fail);
  const mtime = new Date(m.createdAt);
  const { manifest, digest } = manifestBytes(m);
  zip.addBuffer(manifest, manifestPath, { mtime });
  zip.addBuffer(digest, manifestDigestPath, { mtime });
  for (const f of inline) zip.addBuffer(f.bytes, f.path, { mtime });
  files.forEach((f, i) => {
    zip.addReadStreamLazy(
      f.item.path,
      { size: f.item.size, mtime, compress: !storedAsIs.test(f.item.mimeType) },
      (cb) => {
        onFile(i);
        try {
          const stream = f.open();
          stream.on('error', fail);
          cb(null, stream);
        } catch (e) {
          fail(e);
        }
      },
    );
  });
  zip.end();
  return out;
}
