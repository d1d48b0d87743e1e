/**
 * Which document an action records the service (送达) of, as the procedure itself says it: the action
 * requires a 送达回证 for that document (`hasDocument` with type `service-receipt` and the served
 * document in `equals`). The serve actions then take their date, method and recipient from that
 * receipt (application/serviceData.ts), so no action id has to be named in code.
 */
import type { ProcedureAction } from './definition.js';

export function servedDocumentOf(action: Pick<ProcedureAction, 'guards'>): string | null {
  for (const g of action.guards) {
    const args = g.args ?? {};
    if (g.name !== 'hasDocument' || args.type !== 'service-receipt' || args.field !== 'servedDocument') continue;
    if (typeof args.equals === 'string') return args.equals;
  }
  return null;
}
