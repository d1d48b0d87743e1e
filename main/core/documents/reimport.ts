/**
 * A document edited in Word/WPS and brought back: what changed, in the terms a clerk checks —
 * which data fields of the case no longer read as they did, and which paragraphs were added or
 * removed. Pure over the two texts.
 */
import PizZip from 'pizzip';
import { AppError } from '#common/errors.js';
import { docxText } from './render.js';

export interface FieldValue {
  key: string;
  label: string;
  value: string;
}
export interface DocumentChanges {
  changedFields: Array<{ key: string; label: string; before: string }>;
  added: string[];
  removed: string[];
}

/** A .docx a user uploads: a Word package with a body, or a clear refusal. */
export function readEditedDocx(bytes: Buffer, name: string): string {
  let zip: PizZip;
  try {
    zip = new PizZip(bytes);
  } catch {
    throw new AppError('VALIDATION', `“${name}”不是Word文档（.docx）。如用WPS编辑，请另存为 .docx 格式后再导入`);
  }
  if (!zip.file('word/document.xml'))
    throw new AppError('VALIDATION', `“${name}”缺少正文（word/document.xml），不是有效的 .docx 文件`);
  return docxText(bytes);
}

const lines = (text: string): string[] =>
  text
    .split('\n')
    .map((l) => l.trim())
    .filter(Boolean);

export function compareDocuments(before: string, after: string, fields: FieldValue[]): DocumentChanges {
  const norm = (s: string) => s.replace(/\s+/g, '');
  // Lines compared without white space: Word re-flows and re-spaces text the clerk did not change.
  const a = new Set(lines(after).map(norm));
  const b = new Set(lines(before).map(norm));
  const added = lines(after).filter((l) => !b.has(norm(l)));
  const removed = lines(before).filter((l) => !a.has(norm(l)));
  const count = (text: string, v: string) => text.split(v).length - 1;
  // A field changed when its text occurs fewer times, or a line that carried it was rewritten.
  const changedFields = fields
    .filter((f) => {
      const v = norm(f.value);
      if (v.length < 2 || !norm(before).includes(v)) return false;
      return count(norm(after), v) < count(norm(before), v) || removed.some((l) => norm(l).includes(v));
    })
    .map((f) => ({ key: f.key, label: f.label, before: f.value }));
  return { changedFields, added, removed };
}
