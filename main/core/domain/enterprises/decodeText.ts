/**
 * The text of a CSV file in whatever encoding the province saved it: UTF-8 with or without a BOM,
 * UTF-16 (Excel's "Unicode text"), or GB18030/GBK (what Excel on a Chinese Windows writes as "CSV").
 * A file that is none of them is reported, never guessed into mojibake.
 */
import iconv from 'iconv-lite';
import { runSteps, type Steps } from '../steps.js';

export type Encoding = 'auto' | 'utf-8' | 'gb18030' | 'utf-16le';
export type Decoded = { ok: true; text: string; encoding: string } | { ok: false; problem: string };

function firstBadLine(text: string): number {
  const i = text.indexOf('\uFFFD');
  return text.slice(0, i).split('\n').length;
}

/** A large file is decoded a slice at a time (a step each, domain/steps.ts): 27 MB of GBK took a second in one go. */
const sliceBytes = 1024 * 1024;

type SliceDecoder = (chunk: Buffer, last: boolean) => string;

function* decodeSliced(buf: Buffer, decode: SliceDecoder): Steps<string> {
  const parts: string[] = [];
  for (let at = 0; ; at += sliceBytes) {
    const last = at + sliceBytes >= buf.length;
    parts.push(decode(buf.subarray(at, at + sliceBytes), last));
    if (last) break;
    yield;
  }
  return parts.join('');
}

/** Strict UTF-8 across slices: a character split between two slices is decoded whole. */
function utf8Strict(): SliceDecoder {
  const d = new TextDecoder('utf-8', { fatal: true });
  return (chunk, last) => d.decode(chunk, { stream: !last });
}

function iconvSliced(encoding: string): SliceDecoder {
  const d = iconv.getDecoder(encoding);
  return (chunk, last) => d.write(chunk) + (last ? (d.end() ?? '') : '');
}

export function decodeText(bytes: Uint8Array, encoding: Encoding = 'auto'): Decoded {
  return runSteps(decodeTextSteps(bytes, encoding));
}

export function* decodeTextSteps(bytes: Uint8Array, encoding: Encoding = 'auto'): Steps<Decoded> {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (encoding === 'auto' || encoding === 'utf-8') {
    if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) {
      try {
        return { ok: true, text: yield* decodeSliced(buf.subarray(3), utf8Strict()), encoding: 'UTF-8（带BOM）' };
      } catch {
        return { ok: false, problem: '文件以UTF-8标记开头，但内容不是有效的UTF-8编码' };
      }
    }
  }
  if ((encoding === 'auto' && buf[0] === 0xff && buf[1] === 0xfe) || encoding === 'utf-16le') {
    const body = buf[0] === 0xff && buf[1] === 0xfe ? buf.subarray(2) : buf;
    return { ok: true, text: yield* decodeSliced(body, iconvSliced('utf-16le')), encoding: 'UTF-16' };
  }
  if (encoding === 'auto' && buf[0] === 0xfe && buf[1] === 0xff)
    return { ok: true, text: yield* decodeSliced(buf.subarray(2), iconvSliced('utf-16be')), encoding: 'UTF-16BE' };
  if (encoding === 'auto' || encoding === 'utf-8') {
    try {
      return { ok: true, text: yield* decodeSliced(buf, utf8Strict()), encoding: 'UTF-8' };
    } catch {
      if (encoding === 'utf-8')
        return { ok: false, problem: '文件不是有效的UTF-8编码（可能是GBK）；请改选“自动识别”或GBK' };
    }
  }
  // GB18030 is a superset of GBK and GB2312: one decoder reads all three.
  const text = yield* decodeSliced(buf, iconvSliced('gb18030'));
  if (text.includes('\uFFFD')) {
    return {
      ok: false,
      problem: `无法识别文件编码：既不是UTF-8，也不是GBK/GB18030（第${firstBadLine(text)}行起出现无法解码的字节）。请在Excel中另存为“CSV UTF-8（逗号分隔）”或 .xlsx 后重新导入`,
    };
  }
  return { ok: true, text, encoding: 'GB18030/GBK' };
}
