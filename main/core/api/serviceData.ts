/**
 * Service of a document (送达) is proved by its 送达回证: the serve actions take the date, method and
 * recipient from the newest receipt made for that document, so the record and the form agree.
 */
import type { CaseState } from '#common/schemas/cases.js';
import { decisionDocumentName, noticeDocumentName } from '../domain/procedure/facts.js';
import { receiptFieldKeys } from '../documents/names.js';

export function serviceDataFromReceipt(
  state: CaseState,
  action: 'serveNotice' | 'serveDecision',
): Record<string, unknown> {
  const served = action === 'serveNotice' ? noticeDocumentName : decisionDocumentName;
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
