/** The documents on file: the newest version of each (a 送达回证 per document it proves; each round of a track apart). */
import type { DocumentRecord } from '#common/schemas/cases.js';

export function latestDocuments(documents: readonly DocumentRecord[]): DocumentRecord[] {
  const latest = new Map<string, DocumentRecord>();
  for (const d of documents)
    latest.set([d.type, d.track ?? '', d.trackStep ?? '', d.fields.servedDocument ?? ''].join('|'), d);
  return [...latest.values()];
}
