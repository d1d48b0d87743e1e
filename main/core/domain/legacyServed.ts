/**
 * Events are append-only and hash-chained, so those recorded before served documents were named by
 * type id keep their Chinese names. The reducer reads them through here, into the projection's ids
 * (the names map to ids through types.json: common/documentTypeNames.ts).
 */
import { servedDocumentType } from '#common/documentTypeNames.js';
import { docType } from '#common/documentTypes.js';
import type { CaseState, DocumentRecord } from '#common/schemas/cases.js';
import type { ActionPerformedPayload } from './events.js';
import { servedDocumentField } from './procedure/servedDocument.js';

/** A 送达回证 as the projection holds it: the served document named by its type id. */
export function receiptWithServedType(d: DocumentRecord): DocumentRecord {
  const served = d.fields[servedDocumentField];
  if (d.type !== docType.serviceReceipt || served === undefined) return d;
  const type = servedDocumentType(served);
  return type === served ? d : { ...d, fields: { ...d.fields, [servedDocumentField]: type } };
}

/**
 * The document an action served, or null. New events say it (`serves`). Older ones: a service
 * recorded with its own form typed the document's name in `servedDocument`; one proved by its
 * 送达回证 kept the receipt it read (`receiptId`, application/serviceData.ts), which names it.
 */
export function servedByEvent(state: CaseState, p: ActionPerformedPayload): string | null {
  if (p.serves) return p.serves;
  const { servedDocument, receiptId } = p.data;
  if (typeof servedDocument === 'string') return servedDocumentType(servedDocument);
  if (typeof receiptId !== 'string') return null;
  const receipt = state.documents.find((d) => d.id === receiptId && d.type === docType.serviceReceipt);
  return receipt?.fields[servedDocumentField] ?? null;
}
