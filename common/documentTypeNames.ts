/**
 * The Chinese names of the document types, read from resources/documents/types.json (the one place
 * they are written; documents/manifest.test.ts keeps it, the registry and the manifest in step).
 * A 送达回证 and a 送达 name the served document by its type id; the name is for people. Receipts and
 * events recorded before that named it by its Chinese name, and those records are never rewritten:
 * `servedDocumentType` reads either.
 */
import typesFile from '../resources/documents/types.json' with { type: 'json' };
import { isDocumentType, type DocumentType } from './documentTypes.js';

const names: Readonly<Record<string, string>> = typesFile.types;

const byName: ReadonlyMap<string, DocumentType> = new Map(
  Object.entries(names).flatMap(([type, name]) => (isDocumentType(type) ? [[name, type] as const] : [])),
);

/** 行政处罚事先告知书 for `penalty-notice`; a value that is no type id (an old record's name) as it is, without 《》. */
export function documentTypeName(value: string): string {
  return names[value] ?? value.replace(/[《》]/g, '').trim();
}

/**
 * The type id a served document is named by: an id stays, a Chinese name of a type (as typed in
 * receipts and kept in events before ids) becomes its id, anything else comes back unchanged.
 */
export function servedDocumentType(value: string): string {
  if (isDocumentType(value)) return value;
  return byName.get(value.replace(/[《》]/g, '').trim()) ?? value;
}
