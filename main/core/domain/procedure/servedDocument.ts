/**
 * Which document an action records the service (送达) of, as the procedure itself says it — so no
 * action id has to be named in code:
 * - the action requires a 送达回证 for that document (`hasDocument` with type `service-receipt` and
 *   the served document's type id in `equals`): it then takes its date, method and recipient from
 *   that receipt (application/serviceData.ts);
 * - or it says so itself (`serves`), when its own form records the service (责令改正 and other tracks).
 * Definitions written before ids (an imported file) name the document in Chinese: read as its id.
 */
import { servedDocumentType } from '#common/documentTypeNames.js';
import type { GuardRef, ProcedureAction } from './definition.js';

/** The key of the 送达回证 field naming the served document (templates/manifest.json). */
export const servedDocumentField = 'servedDocument';

const isReceiptGuard = (g: GuardRef): boolean =>
  g.name === 'hasDocument' && g.args?.type === 'service-receipt' && g.args?.field === servedDocumentField;

/** The document whose receipt the action requires, or null. */
export function servedDocumentOf(action: Pick<ProcedureAction, 'guards'>): string | null {
  for (const g of action.guards) {
    const equals = g.args?.equals;
    if (isReceiptGuard(g) && typeof equals === 'string') return servedDocumentType(equals);
  }
  return null;
}

/** The document the action serves, by the receipt it requires or its own `serves`; null when it serves none. */
export function servesOf(action: Pick<ProcedureAction, 'guards' | 'serves'>): string | null {
  return servedDocumentOf(action) ?? (action.serves ? servedDocumentType(action.serves) : null);
}

/**
 * What an action performed with this data served, as its event records it (`serves`): the
 * procedure's word, or the document chosen in the form (决定书 or 移送函, `servedDocument`).
 */
export function servedBy(
  action: Pick<ProcedureAction, 'guards' | 'serves'>,
  data: Record<string, unknown>,
): string | null {
  const chosen = typeof data[servedDocumentField] === 'string' ? servedDocumentType(data[servedDocumentField]) : null;
  return servesOf(action) ?? chosen;
}
