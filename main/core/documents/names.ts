/** Names and field keys of documents that the core itself needs to know (from the manifest). */
import type { TemplateInfo } from '#common/schemas/documents.js';

export function documentNames(manifest: TemplateInfo[]): Record<string, string> {
  return Object.fromEntries(manifest.map((t) => [t.id, `《${t.name}》`]));
}

/** The 送达回证 input fields the serve actions read (keys as declared in templates/manifest.json). */
export const receiptFieldKeys = {
  servedDocument: 'servedDocument',
  /** The served document's id (application/servedChoice.ts); receipts made before it name the type only. */
  servedDocumentId: 'servedDocumentId',
  servedOn: 'servedOn',
  method: 'serviceMethod',
  recipient: 'recipient',
} as const;

/** Which document a record is a version of: one definition for the core and the renderer. */
export { documentSlot } from '#common/documentSlots.js';
