/** The documents on file: the newest version of each (a 送达回证 per document it proves; each round of a track apart). */
import type { DocumentRecord } from '#common/schemas/cases.js';
import { documentSlot } from '#common/documentSlots.js';

export function latestDocuments(documents: readonly DocumentRecord[]): DocumentRecord[] {
  const latest = new Map<string, DocumentRecord>();
  for (const d of documents) latest.set(documentSlot(d), d);
  return [...latest.values()];
}
