/** Names and field keys of documents that the core itself needs to know (from the manifest). */
import type { TemplateInfo } from '../../../common/schemas/documents.js';

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

/** Which dossier slot a document fills: one per type, except receipts, one per served document. */
export function documentSlot(type: string, fields: Record<string, string>): string {
  return type === 'service-receipt' ? `${type}:${fields[receiptFieldKeys.servedDocument] ?? ''}` : type;
}
