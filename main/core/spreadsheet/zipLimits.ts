/**
 * An .xlsx (or .docx) is a zip: a few kilobytes may unpack into gigabytes (a "zip bomb": a 1M-row
 * workbook took the host to 2.9 GB). Before anything is unpacked, the zip's central directory is read
 * (yauzl, from the bytes in memory) and the file is refused, with the limit in Chinese, when it has too
 * many entries, when an entry or all of them would unpack beyond a size, or when an entry unpacks more
 * than `maxRatio` times its packed size (real spreadsheets: 5–30 times; bombs: hundreds to millions).
 * yauzl then checks while unpacking that no entry yields more than its directory said, so a directory
 * that lies is caught too.
 */
import yauzl from 'yauzl';

export interface ZipLimits {
  maxEntries: number;
  maxEntryBytes: number;
  maxTotalBytes: number;
  /** Unpacked ÷ packed, for entries larger than `ratioFromBytes` unpacked. */
  maxRatio: number;
  ratioFromBytes: number;
}

const MB = 1024 * 1024;

/** 300,000 rows of a provincial directory unpack to about 120–200 MB of sheet XML. */
export const xlsxLimits: ZipLimits = {
  maxEntries: 10_000,
  maxEntryBytes: 256 * MB,
  maxTotalBytes: 512 * MB,
  maxRatio: 200,
  ratioFromBytes: MB,
};

export interface ZipEntryInfo {
  name: string;
  packed: number;
  unpacked: number;
}

const mb = (n: number): string => `${Math.round((n / MB) * 10) / 10}MB`;

/** Why the zip is refused (Chinese, `what` names the kind of file: Excel文件), or null. Pure. */
export function zipProblem(entries: readonly ZipEntryInfo[], limits: ZipLimits, what = 'Excel文件'): string | null {
  if (entries.length > limits.maxEntries) {
    return `${what}中的条目过多（${entries.length}个，不超过${limits.maxEntries}个），可能是恶意构造的文件，未导入`;
  }
  let total = 0;
  for (const e of entries) {
    if (e.unpacked > limits.maxEntryBytes) {
      return `${what}解压后过大：其中“${e.name}”解压后${mb(e.unpacked)}（每部分不超过${mb(limits.maxEntryBytes)}），未导入。请把表格拆分为几个文件分别导入`;
    }
    if (e.unpacked > limits.ratioFromBytes && e.unpacked > e.packed * limits.maxRatio) {
      const ratio = e.packed ? Math.round(e.unpacked / e.packed) : Infinity;
      return `${what}的压缩比异常：其中“${e.name}”由${mb(e.packed)}解压为${mb(e.unpacked)}（${Number.isFinite(ratio) ? `${ratio}倍` : '无穷大'}，不超过${limits.maxRatio}倍），可能是恶意构造的“压缩炸弹”，未导入`;
    }
    total += e.unpacked;
  }
  if (total > limits.maxTotalBytes) {
    return `${what}解压后共${mb(total)}（不超过${mb(limits.maxTotalBytes)}），未导入。请把表格拆分为几个文件分别导入`;
  }
  return null;
}

/** Refused by the limits: the message is for the user. */
export class ZipRefused extends Error {}

export interface OpenZip {
  entries: Map<string, yauzl.Entry>;
  /** The entry unpacked, as a stream (yauzl checks the unpacked size against the directory). */
  open(entry: yauzl.Entry): Promise<NodeJS.ReadableStream>;
  close(): void;
}

function fromBuffer(bytes: Uint8Array): Promise<yauzl.ZipFile> {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return new Promise((resolve, reject) => {
    yauzl.fromBuffer(buf, { lazyEntries: true, validateEntrySizes: true, strictFileNames: false }, (err, zip) =>
      err || !zip ? reject(err) : resolve(zip),
    );
  });
}

/** Reads the central directory and checks it: ZipRefused above the limits, another error for a damaged zip. */
export async function openZip(bytes: Uint8Array, limits: ZipLimits, what = 'Excel文件'): Promise<OpenZip> {
  const zip = await fromBuffer(bytes);
  const entries = new Map<string, yauzl.Entry>();
  try {
    await new Promise<void>((resolve, reject) => {
      zip.on('entry', (e: yauzl.Entry) => {
        entries.set(e.fileName, e);
        // Stop reading a directory that already has too many entries.
        if (entries.size > limits.maxEntries) resolve();
        else zip.readEntry();
      });
      zip.on('end', () => resolve());
      zip.on('error', reject);
      zip.readEntry();
    });
    const problem = zipProblem(
      [...entries.values()].map((e) => ({ name: e.fileName, packed: e.compressedSize, unpacked: e.uncompressedSize })),
      limits,
      what,
    );
    if (problem) throw new ZipRefused(problem);
  } catch (e) {
    zip.close();
    throw e;
  }
  return {
    entries,
    open: (entry) =>
      new Promise((resolve, reject) => {
        zip.openReadStream(entry, (err, stream) => (err || !stream ? reject(err) : resolve(stream)));
      }),
    close: () => zip.close(),
  };
}

/** The limits' verdict alone (for a workbook or document read whole by another library afterwards). */
export async function zipLimitProblem(
  bytes: Uint8Array,
  limits: ZipLimits,
  what = 'Excel文件',
): Promise<string | null> {
  try {
    (await openZip(bytes, limits, what)).close();
    return null;
  } catch (e) {
    if (e instanceof ZipRefused) return e.message;
    // A damaged zip is for the reader that follows to report in its own words.
    return null;
  }
}
