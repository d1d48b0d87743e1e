/**
 * Which version of a document is the current one: the newest of its slot (documents/names.ts
 * documentSlot). Generating, re-importing and sealing all refuse to work on an older version.
 */
import type { DocumentRecord } from '#common/schemas/cases.js';
import { documentSlot } from '#core/documents/names.js';

/** The newest version of a document slot. */
export function latestInSlot(documents: DocumentRecord[], slot: string): DocumentRecord | undefined {
  return documents.filter((d) => documentSlot(d) === slot).at(-1);
}

/** The newest version of the slot `doc` belongs to. */
export function latestOf(documents: DocumentRecord[], doc: DocumentRecord): DocumentRecord {
  return latestInSlot(documents, documentSlot(doc))!;
}
