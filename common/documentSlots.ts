/**
 * Which document a record is a version of (and which dossier slot it fills): one per type, receipts
 * one per served document — and on a track, one per track and point of the track, so each seizure
 * and each round of a loop (责令改正 → 复查 → 按日连续处罚, again) is a document of its own in the file.
 * The newest version of a slot is the document; the older ones are 已被替换: kept and shown, never
 * counted, bound or listed in the 卷内目录. Shared by the core and the renderer.
 */
import { docType } from './documentTypes.js';

/** The 送达回证's fields naming the document it proves was served: its type, and (since ids) which one. */
const servedDocumentKey = 'servedDocument';
const servedDocumentIdKey = 'servedDocumentId';

/** A receipt's slot: one per served document — two 责令改正决定书 of one case are two receipts. */
const receiptSlot = (fields: Record<string, string>): string => {
  const id = fields[servedDocumentIdKey];
  return `${docType.serviceReceipt}:${fields[servedDocumentKey] ?? ''}${id ? `/${id}` : ''}`;
};

export function documentSlot(d: {
  type: string;
  fields: Record<string, string>;
  track?: string;
  trackStep?: number;
}): string {
  const base = d.type === docType.serviceReceipt ? receiptSlot(d.fields) : d.type;
  return d.track ? `${base}@${d.track}#${d.trackStep ?? 0}` : base;
}

/** The ids of the versions a newer version of the same slot replaced (documents in the order made). */
export function supersededIds<D extends Parameters<typeof documentSlot>[0] & { id: string }>(
  documents: readonly D[],
): Set<string> {
  const newest = new Map<string, string>();
  for (const d of documents) newest.set(documentSlot(d), d.id);
  return new Set(documents.filter((d) => newest.get(documentSlot(d)) !== d.id).map((d) => d.id));
}
