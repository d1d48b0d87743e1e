/** Names and field keys of documents that the core itself needs to know (from the manifest). */
import type { TemplateInfo } from '#common/schemas/documents.js';
import { docType } from '#common/documentTypes.js';

export function documentNames(manifest: TemplateInfo[]): Record<string, string> {
  return Object.fromEntries(manifest.map((t) => [t.id, `《${t.name}》`]));
}

/** The 送达回证 input fields the serve actions read (keys as declared in templates/manifest.json). */
export const receiptFieldKeys = {
  servedDocument: 'servedDocument',
  servedOn: 'servedOn',
  method: 'serviceMethod',
  recipient: 'recipient',
} as const;

/**
 * Which document a record is a version of (and which dossier slot it fills): one per type, receipts
 * one per served document — and on a track, one per track and point of the track, so each seizure
 * and each round of a loop (责令改正 → 复查 → 按日连续处罚, again) is a document of its own in the file.
 */
export function documentSlot(d: {
  type: string;
  fields: Record<string, string>;
  track?: string;
  trackStep?: number;
}): string {
  const base =
    d.type === docType.serviceReceipt ? `${d.type}:${d.fields[receiptFieldKeys.servedDocument] ?? ''}` : d.type;
  return d.track ? `${base}@${d.track}#${d.trackStep ?? 0}` : base;
}
