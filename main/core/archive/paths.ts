/**
 * Names inside an 电子档案包. Reading: a name that could land outside the folder it is unpacked into
 * (`../`, an absolute or drive path, a backslash) or that no file system keeps (control characters)
 * is refused by name. Writing: names made from a document's title or an uploaded file's name, with
 * the characters Windows refuses replaced and the length bounded, so the package unpacks anywhere.
 */
import { hasControlChars } from '#common/schemas/primitives.js';

/** Why a name inside a package is not safe to use, in Chinese; null when it is. Pure. */
export function unsafePathReason(name: string): string | null {
  if (name.length === 0) return '条目名为空';
  if (name.length > 400) return '条目名过长';
  if (hasControlChars(name)) return '条目名含有控制字符';
  if (name.includes('\\')) return '条目名含有反斜杠，解压时可能写到包外';
  if (name.startsWith('/') || /^[A-Za-z]:/.test(name)) return '条目名是绝对路径，解压时会写到包外';
  const parts = name.split('/');
  if (parts.includes('..')) return '条目名含有“..”，解压时会写到包外';
  if (parts.slice(0, -1).some((p) => p === '' || p === '.')) return '条目名含有空的或“.”路径段';
  return null;
}

const refused = new Set('\\/:*?"<>|');
// 《》 around a title are dropped (the title reads the same without them); what Windows refuses becomes _.
const replaced = (c: string): string =>
  c === '《' || c === '》' ? '' : refused.has(c) || c.charCodeAt(0) < 0x20 || c === '\x7f' ? '_' : c;

/** A file name from a title or an uploaded name: no characters Windows refuses, at most `max` characters, its extension kept. */
export function safeName(name: string, max = 80): string {
  const cleaned = Array.from(name, replaced)
    .join('')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '')
    .replace(/[. ]+$/, '');
  const base = cleaned || '文件';
  if (base.length <= max) return base;
  const dot = base.lastIndexOf('.');
  const ext = dot > 0 && base.length - dot <= 10 ? base.slice(dot) : '';
  return base.slice(0, max - ext.length) + ext;
}

/** Two-digit (or longer) sequence numbers so the files sort as listed. */
export function seqPrefix(i: number, total: number): string {
  return String(i + 1).padStart(Math.max(2, String(total).length), '0');
}

/** Makes each path unique: a second `a.pdf` in a folder becomes `a(2).pdf`. */
export function uniquePaths(): (path: string) => string {
  const used = new Set<string>();
  return (path) => {
    let p = path;
    for (let n = 2; used.has(p.toLowerCase()); n++) {
      const dot = path.lastIndexOf('.');
      const slash = path.lastIndexOf('/');
      p = dot > slash ? `${path.slice(0, dot)}(${n})${path.slice(dot)}` : `${path}(${n})`;
    }
    used.add(p.toLowerCase());
    return p;
  };
}
