/**
 * Zip files made by hand for tests of the zip-bomb defences: each entry deflated, with sizes in the
 * central directory that may be made to lie. Just enough of the format (no ZIP64, no data descriptors).
 */
import { crc32, deflateRawSync } from 'node:zlib';

export interface ZipEntrySpec {
  name: string;
  data: Buffer;
  /** Claim this unpacked size in the headers instead of the true one (a lying directory). */
  claimedSize?: number;
}

/** `level`: deflate's; 1 packs a test's large entry several times faster. */
export function makeZip(entries: readonly ZipEntrySpec[], level = 1): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = Buffer.from(e.name, 'utf8');
    const packed = deflateRawSync(e.data, { level });
    const crc = crc32(e.data);
    const size = e.claimedSize ?? e.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, packed);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += local.length + name.length + packed.length;
  }
  const dir = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(dir.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, dir, end]);
}

/** A worksheet's XML from rows of cells (strings inline, numbers as numbers). */
export function* sheetXmlParts(rows: Iterable<ReadonlyArray<string | number>>): Generator<string> {
  yield '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>';
  let r = 0;
  for (const cells of rows) {
    r++;
    yield `<row r="${r}">${cells.map((c) => (typeof c === 'number' ? `<c><v>${c}</v></c>` : `<c t="inlineStr"><is><t>${c.replace(/&/g, '&amp;').replace(/</g, '&lt;')}</t></is></c>`)).join('')}</row>`;
  }
  yield '</sheetData></worksheet>';
}

/** A minimal workbook whose only sheet holds `rows` (found by its path, as a workbook without workbook.xml). */
export function xlsxOf(rows: Iterable<ReadonlyArray<string | number>>): Buffer {
  const parts: Buffer[] = [];
  let pending: string[] = [];
  let size = 0;
  for (const s of sheetXmlParts(rows)) {
    pending.push(s);
    size += s.length;
    if (size > 1 << 20) {
      parts.push(Buffer.from(pending.join(''), 'utf8'));
      pending = [];
      size = 0;
    }
  }
  parts.push(Buffer.from(pending.join(''), 'utf8'));
  return makeZip([{ name: 'xl/worksheets/sheet1.xml', data: Buffer.concat(parts) }]);
}
