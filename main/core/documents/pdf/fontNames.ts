/**
 * The family, full and PostScript names of a TrueType file, read from its `name` table alone: the
 * bundled fonts are 10–15 MB and the engine asks for these names each time it starts a browser or
 * a LibreOffice run, so the file is not read whole (fontkit would need all of it in memory).
 */
import { closeSync, openSync, readSync } from 'node:fs';

export interface FontNames {
  family: string;
  fullName: string;
  postscriptName: string;
}

function readAt(fd: number, offset: number, length: number): Buffer {
  const b = Buffer.alloc(length);
  const n = readSync(fd, b, 0, length, offset);
  if (n !== length) throw new Error('字体文件不完整');
  return b;
}

/** Name IDs 1, 4 and 6 (OpenType `name`), as Windows (3/1, US English) or Macintosh Roman records give them. */
export function readFontNames(file: string): FontNames {
  const fd = openSync(file, 'r');
  try {
    const numTables = readAt(fd, 4, 2).readUInt16BE(0);
    const dir = readAt(fd, 12, numTables * 16);
    let table: Buffer | null = null;
    for (let i = 0; i < numTables; i++) {
      if (dir.toString('latin1', i * 16, i * 16 + 4) === 'name')
        table = readAt(fd, dir.readUInt32BE(i * 16 + 8), dir.readUInt32BE(i * 16 + 12));
    }
    if (!table) throw new Error('字体文件没有 name 表');
    const count = table.readUInt16BE(2);
    const strings = table.readUInt16BE(4);
    const names = new Map<number, string>();
    for (let i = 0; i < count; i++) {
      const r = 6 + i * 12;
      const [platform, encoding, language, id, length, offset] = [0, 2, 4, 6, 8, 10].map((o) =>
        table.readUInt16BE(r + o),
      ) as [number, number, number, number, number, number];
      const raw = table.subarray(strings + offset, strings + offset + length);
      if (platform === 3 && encoding === 1 && language === 0x409)
        names.set(id, Buffer.from(raw).swap16().toString('utf16le'));
      else if (platform === 1 && encoding === 0 && !names.has(id)) names.set(id, raw.toString('latin1'));
    }
    const get = (id: number): string => {
      const v = names.get(id);
      if (!v) throw new Error(`字体文件缺少名称 ${id}`);
      return v;
    };
    return { family: get(1), fullName: get(4), postscriptName: get(6) };
  } finally {
    closeSync(fd);
  }
}
