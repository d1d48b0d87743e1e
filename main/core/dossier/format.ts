/** How values read on the printed dossier pages. */

const isoDate = /^(\d{4})-(\d{2})-(\d{2})$/;

export { chineseDate } from '../domain/dates.js';

/** 2025-03-05 → 20250305: the catalog's 日期 column writes dates as eight digits (DA/T 22). */
export function compactDate(date: string): string {
  const m = isoDate.exec(date);
  return m ? `${m[1]}${m[2]}${m[3]}` : date;
}

/** One printable line: control characters (newlines from pasted text) become spaces. */
export function oneLine(text: string): string {
  return text
    .replace(/[\u0000-\u001f\u007f]+/g, ' ')
    .replace(/ {2,}/g, ' ')
    .trim();
}

/** Page range of a document in the catalog: "3" or "3-5". */
export function pageRange(first: number, count: number): string {
  return count <= 1 ? String(first) : `${first}-${first + count - 1}`;
}
