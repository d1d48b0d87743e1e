/** Inputs for the dossier tests: small PDFs, PNG and JPEG photos made on the spot, and a case. */
import { deflateSync } from 'node:zlib';
import { concatTransformationMatrix, degrees, PDFDocument, StandardFonts } from 'pdf-lib';
import type { DossierInput, DossierItem } from './types.js';

export interface FixturePdfOptions {
  pages: number;
  size?: [number, number];
  rotate?: number;
  leaveTransform?: boolean;
}

/** A document of `pages` pages, each saying which document and page it is (Latin text). */
export async function fixturePdf(name: string, opts: FixturePdfOptions): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (let p = 1; p <= opts.pages; p++) {
    const page = doc.addPage(opts.size ?? [595.28, 841.89]);
    page.drawText(`Fixture ${name} page ${p} of ${opts.pages}`, { x: 72, y: page.getHeight() - 100, size: 14, font });
    if (opts.rotate) page.setRotation(degrees(opts.rotate));
    // A transformation left in force at the end of the content, as some generators do.
    if (opts.leaveTransform) page.pushOperators(concatTransformationMatrix(0.5, 0, 0, 0.5, 0, 0));
  }
  return doc.save();
}

const crcTable = Array.from({ length: 256 }, (_, n) => {
  let c = n;
  for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  return c >>> 0;
});

function crc32(bytes: Uint8Array): number {
  let c = 0xffffffff;
  for (const b of bytes) c = (crcTable[(c ^ b) & 0xff] as number) ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function pngChunk(type: string, data: Uint8Array): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

/** An RGB PNG, the top half `top`, the bottom half `bottom`. */
export function pngBytes(
  width: number,
  height: number,
  top: [number, number, number],
  bottom: [number, number, number],
): Uint8Array {
  const rows: number[] = [];
  for (let y = 0; y < height; y++) {
    rows.push(0); // filter: none
    const [r, g, b] = y < height / 2 ? top : bottom;
    for (let x = 0; x < width; x++) rows.push(r, g, b);
  }
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr.set([8, 2, 0, 0, 0], 8); // 8-bit, truecolour, deflate, no filter, no interlace
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk('IHDR', ihdr),
    pngChunk('IDAT', deflateSync(Buffer.from(rows))),
    pngChunk('IEND', new Uint8Array()),
  ]);
}

/** A 32×16 JPEG (made by Chromium's canvas): left half red, right half blue. */
export const redBlueJpeg = Buffer.from(
  '/9j/4AAQSkZJRgABAQAAAQABAAD/4gHYSUNDX1BST0ZJTEUAAQEAAAHIAAAAAAQwAABtbnRyUkdCIFhZWiAH4AABAAEAAAAAAABhY3NwAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAQAA9tYAAQAAAADTLQAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAlkZXNjAAAA8AAAACRyWFlaAAABFAAAABRnWFlaAAABKAAAABRiWFlaAAABPAAAABR3dHB0AAABUAAAABRyVFJDAAABZAAAAChnVFJDAAABZAAAAChiVFJDAAABZAAAAChjcHJ0AAABjAAAADxtbHVjAAAAAAAAAAEAAAAMZW5VUwAAAAgAAAAcAHMAUgBHAEJYWVogAAAAAAAAb6IAADj1AAADkFhZWiAAAAAAAABimQAAt4UAABjaWFlaIAAAAAAAACSgAAAPhAAAts9YWVogAAAAAAAA9tYAAQAAAADTLXBhcmEAAAAAAAQAAAACZmYAAPKnAAANWQAAE9AAAApbAAAAAAAAAABtbHVjAAAAAAAAAAEAAAAMZW5VUwAAACAAAAAcAEcAbwBvAGcAbABlACAASQBuAGMALgAgADIAMAAxADb/2wBDAA0JCgsKCA0LCgsODg0PEyAVExISEyccHhcgLikxMC4pLSwzOko+MzZGNywtQFdBRkxOUlNSMj5aYVpQYEpRUk//2wBDAQ4ODhMREyYVFSZPNS01T09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT09PT0//wAARCAAQACADASIAAhEBAxEB/8QAFgABAQEAAAAAAAAAAAAAAAAAAAUG/8QAFBABAAAAAAAAAAAAAAAAAAAAAP/EABYBAQEBAAAAAAAAAAAAAAAAAAcFBv/EABQRAQAAAAAAAAAAAAAAAAAAAAD/2gAMAwEAAhEDEQA/AMsAlt2kAE8dP//Z',
  'base64',
);

/** The JPEG with an EXIF APP1 segment saying how to turn it (Orientation tag 0x0112), as a phone writes it. */
export function withExifOrientation(jpeg: Uint8Array, orientation: number): Uint8Array {
  const tiff = Buffer.from([
    0x4d,
    0x4d,
    0x00,
    0x2a,
    0x00,
    0x00,
    0x00,
    0x08, // big-endian TIFF header, IFD at 8
    0x00,
    0x01, // one entry
    0x01,
    0x12,
    0x00,
    0x03,
    0x00,
    0x00,
    0x00,
    0x01,
    0x00,
    orientation,
    0x00,
    0x00, // Orientation, SHORT, 1
    0x00,
    0x00,
    0x00,
    0x00, // no next IFD
  ]);
  const payload = Buffer.concat([Buffer.from('Exif\0\0', 'latin1'), tiff]);
  const app1 = Buffer.concat([Buffer.from([0xff, 0xe1, 0x00, payload.length + 2]), payload]);
  return Buffer.concat([jpeg.subarray(0, 2), app1, jpeg.subarray(2)]);
}

export function pdfItem(title: string, bytes: Uint8Array, number = '', date = '2025-03-10'): DossierItem {
  return { number, author: '黔东南州生态环境局', title, date, content: { kind: 'pdf', bytes } };
}

export function photoItem(title: string, bytes: Uint8Array, caption: string, mimeType = 'image/jpeg'): DossierItem {
  return {
    number: '',
    author: '黔东南州生态环境局',
    title,
    date: '2025-03-06',
    content: { kind: 'image', bytes, mimeType, caption },
  };
}

export function caseInput(items: DossierItem[], remarks: string[] = []): DossierInput {
  return {
    bureauName: '黔东南州生态环境局',
    caseNumber: '黔东南环罚〔2025〕12号',
    caseTitle: '天柱县某生态养殖场超标排放水污染物案',
    partyName: '天柱县某生态养殖场',
    filedOn: '2025-03-05',
    closedOn: '2025-05-20',
    volume: '正卷',
    retention: '30年',
    items,
    remarks,
    preparedBy: '张三',
    checkedBy: '李四',
    builtOn: '2025-05-28',
  };
}
