/**
 * Service of a document (送达) is proved by its 送达回证: an action that records a service (the
 * procedure names the document it serves: domain/procedure/servedDocument.ts) takes the date, method
 * and recipient from the newest receipt made for that document, so the record and the form agree.
 */
import type { CaseState } from '#common/schemas/cases.js';
import { receiptFieldKeys } from '#core/documents/names.js';

export function serviceDataFromReceipt(state: CaseState, served: string): Record<string, unknown> {
  const receipt = [...state.documents]
    .reverse()
    .find((d) => d.type === 'service-receipt' && d.fields[receiptFieldKeys.servedDocument] === served);
  if (!receipt) return {};
  return {
    servedOn: receipt.fields[receiptFieldKeys.servedOn] ?? '',
    method: receipt.fields[receiptFieldKeys.method] ?? '',
    recipient: receipt.fields[receiptFieldKeys.recipient] ?? '',
    receiptId: receipt.id,
  };
}
