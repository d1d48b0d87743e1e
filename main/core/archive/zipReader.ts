/**
 * Reads an 电子档案包 that came from outside, trusting nothing: the zip's central directory is read
 * first (yauzl, from the uploaded bytes or, for the CLI, from the file) and checked against the limits
 * (too many entries, a “压缩炸弹” ratio: spreadsheet/zipLimits.ts); names are decoded here, not by
 * yauzl, so that an unsafe name (`../`, absolute, backslash) or a name that is there twice is reported
 * by name instead of stopping the whole read; entries are then unpacked as streams (yauzl checks that
 * none yields more than the directory says), hashed on the way, never unpacked to disk.
 */
import { createHash } from 'node:crypto';
import type { Readable } from 'node:stream';
import yauzl from 'yauzl';
import type { PackageProblem } from '#common/schemas/archivePackage.js';
import { zipProblem, type ZipLimits } from '../spreadsheet/zipLimits.js';
import { unsafePathReason } from './paths.js';

const GB = 1024 * 1024 * 1024;

/**
 * Entry sizes are not limited (a video of evidence may be gigabytes and is only ever streamed); the
 * count and the ratio are what stop a bomb.
 */
export const packageLimits: ZipLimits = {
  maxEntries: 20_010,
  maxEntryBytes: 64 * GB,
  maxTotalBytes: 1024 * GB,
  maxRatio: 200,
  ratioFromBytes: 1024 * 1024,
};

export interface PackageEntry {
  name: string;
  size: number;
  encrypted: boolean;
  raw: yauzl.Entry;
}

export interface OpenedPackage {
  /** Usable entries by name (unsafe and duplicate names are left out and reported). */
  entries: Map<string, PackageEntry>;
  /** Names seen more than once or unsafe: never read, and an item listed under one is not intact. */
  untrusted: Set<string>;
  problems: PackageProblem[];
  open(entry: PackageEntry): Promise<Readable>;
  close(): void;
}

export type PackageInput = { bytes: Uint8Array } | { path: string };

/** The zip could not be read at all, or is over the limits: the message is for the user. */
export class PackageUnreadable extends Error {}

const options: yauzl.Options = {
  lazyEntries: true,
  decodeStrings: false,
  validateEntrySizes: true,
  autoClose: false,
};

function openZip(input: PackageInput): Promise<yauzl.ZipFile> {
  return new Promise((resolve, reject) => {
    const done = (err: Error | null, zip?: yauzl.ZipFile) => (err || !zip ? reject(err) : resolve(zip));
    if ('path' in input) yauzl.open(input.path, options, done);
    else {
      const b = input.bytes;
      yauzl.fromBuffer(Buffer.from(b.buffer, b.byteOffset, b.byteLength), options, done);
    }
  });
}

// yauzl's own decoder (UTF-8 flag, the Info-ZIP Unicode path field), kept strict: backslashes stay visible.
const decodeName = (
  yauzl as unknown as {
    getFileNameLowLevel(flag: number, raw: Buffer, extra: yauzl.Entry['extraFields'], strict: boolean): string;
  }
).getFileNameLowLevel;

const shown = (name: string): string => JSON.stringify(name.length > 120 ? `${name.slice(0, 120)}…` : name);

export async function openPackage(input: PackageInput): Promise<OpenedPackage> {
  let zip: yauzl.ZipFile;
  try {
    zip = await openZip(input);
  } catch {
    throw new PackageUnreadable('文件不是有效的zip格式电子档案包（可能已损坏或不完整），无法读取');
  }
  const all: PackageEntry[] = [];
  try {
    await new Promise<void>((resolve, reject) => {
      zip.on('entry', (e: yauzl.Entry) => {
        const raw = e.fileName as unknown as Buffer;
        all.push({
          name: decodeName(e.generalPurposeBitFlag, raw, e.extraFields, true),
          size: e.uncompressedSize,
          encrypted: e.isEncrypted(),
          raw: e,
        });
        if (all.length > packageLimits.maxEntries) resolve();
        else zip.readEntry();
      });
      zip.on('end', () => resolve());
      zip.on('error', reject);
      zip.readEntry();
    });
  } catch {
    zip.close();
    throw new PackageUnreadable('电子档案包的zip目录已损坏，无法读取');
  }
  const limit = zipProblem(
    all.map((e) => ({ name: e.name, packed: e.raw.compressedSize, unpacked: e.size })),
    packageLimits,
    '电子档案包',
  );
  if (limit) {
    zip.close();
    throw new PackageUnreadable(limit);
  }

  const problems: PackageProblem[] = [];
  const entries = new Map<string, PackageEntry>();
  const untrusted = new Set<string>();
  const seen = new Map<string, number>();
  for (const e of all) seen.set(e.name, (seen.get(e.name) ?? 0) + 1);
  for (const e of all) {
    const why = unsafePathReason(e.name);
    if (why) {
      problems.push({ kind: 'unsafe', path: null, message: `不安全的条目${shown(e.name)}：${why}，未读取` });
      untrusted.add(e.name);
      continue;
    }
    if ((seen.get(e.name) ?? 0) > 1) {
      if (!untrusted.has(e.name))
        problems.push({
          kind: 'unsafe',
          path: e.name,
          message: `条目${shown(e.name)}在包中出现${seen.get(e.name)}次，无法确定哪一个是原件，均未采用`,
        });
      untrusted.add(e.name);
      continue;
    }
    // A folder entry holds nothing to check.
    if (e.name.endsWith('/') && e.size === 0) continue;
    entries.set(e.name, e);
  }
  return {
    entries,
    untrusted,
    problems,
    open: (entry) =>
      new Promise((resolve, reject) => {
        zip.openReadStream(entry.raw, (err, stream) => (err || !stream ? reject(err) : resolve(stream as Readable)));
      }),
    close: () => zip.close(),
  };
}

/** SHA-256 and size of an entry as it unpacks; null when it cannot be unpacked (damaged, encrypted, lying about its size). */
export async function hashEntry(
  pkg: OpenedPackage,
  entry: PackageEntry,
): Promise<{ sha256: string; size: number } | null> {
  if (entry.encrypted) return null;
  try {
    const stream = await pkg.open(entry);
    const hash = createHash('sha256');
    let size = 0;
    for await (const chunk of stream) {
      hash.update(chunk as Buffer);
      size += (chunk as Buffer).length;
    }
    return { sha256: hash.digest('hex'), size };
  } catch {
    return null;
  }
}

/** A small entry read whole, refused above `maxBytes` (checked before and while unpacking); null when it cannot be unpacked. */
export async function readEntry(
  pkg: OpenedPackage,
  entry: PackageEntry,
  maxBytes: number,
): Promise<Buffer | 'tooLarge' | null> {
  if (entry.size > maxBytes) return 'tooLarge';
  if (entry.encrypted) return null;
  try {
    const stream = await pkg.open(entry);
    const chunks: Buffer[] = [];
    let size = 0;
    for await (const chunk of stream) {
      size += (chunk as Buffer).length;
      if (size > maxBytes) {
        stream.destroy();
        return 'tooLarge';
      }
      chunks.push(chunk as Buffer);
    }
    return Buffer.concat(chunks);
  } catch {
    return null;
  }
}
