/**
 * The text of a CSV file in whatever encoding the province saved it: UTF-8 with or without a BOM,
 * UTF-16 (Excel's "Unicode text"), or GB18030/GBK (what Excel on a Chinese Windows writes as "CSV").
 * A file that is none of them is reported, never guessed into mojibake.
 */
import iconv from 'iconv-lite';

export type Encoding = 'auto' | 'utf-8' | 'gb18030' | 'utf-16le';
export type Decoded = { ok: true; text: string; encoding: string } | { ok: false; problem: string };

const utf8Strict = new TextDecoder('utf-8', { fatal: true });

function firstBadLine(text: string): number {
  const i = text.indexOf('\uFFFD');
  return text.slice(0, i).split('\n').length;
}

export function decodeText(bytes: Uint8Array, encoding: Encoding = 'auto'): Decoded {
  const buf = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  if (encoding === 'auto' || encoding === 'utf-8') {
    if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) {
      try {
        return { ok: true, text: utf8Strict.decode(buf.subarray(3)), encoding: 'UTF-8（带BOM）' };
      } catch {
        return { ok: false, problem: '文件以UTF-8标记开头，但内容不是有效的UTF-8编码' };
      }
    }
  }
  if ((encoding === 'auto' && buf[0] === 0xff && buf[1] === 0xfe) || encoding === 'utf-16le') {
    const body = buf[0] === 0xff && buf[1] === 0xfe ? buf.subarray(2) : buf;
    return { ok: true, text: iconv.decode(body, 'utf-16le'), encoding: 'UTF-16' };
  }
  if (encoding === 'auto' && buf[0] === 0xfe && buf[1] === 0xff) return { ok: true, text: iconv.decode(buf.subarray(2), 'utf-16be'), encoding: 'UTF-16BE' };
  if (encoding === 'auto' || encoding === 'utf-8') {
    try {
      return { ok: true, text: utf8Strict.decode(buf), encoding: 'UTF-8' };
    } catch {
      if (encoding === 'utf-8') return { ok: false, problem: '文件不是有效的UTF-8编码（可能是GBK）；请改选“自动识别”或GBK' };
    }
  }
  // GB18030 is a superset of GBK and GB2312: one decoder reads all three.
  const text = iconv.decode(buf, 'gb18030');
  if (text.includes('\uFFFD')) {
    return { ok: false, problem: `无法识别文件编码：既不是UTF-8，也不是GBK/GB18030（第${firstBadLine(text)}行起出现无法解码的字节）。请在Excel中另存为“CSV UTF-8（逗号分隔）”或 .xlsx 后重新导入` };
  }
  return { ok: true, text, encoding: 'GB18030/GBK' };
}
