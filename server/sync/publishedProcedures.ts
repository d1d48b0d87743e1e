/**
 * Procedure versions the province publishes. The server checks one with the workstation's own domain
 * check (main/core/domain/procedure/published.ts) before it publishes, and then knows it: a case a
 * workstation opens under it is pushed here and must be lawful by it (sync/lawful.ts), and the
 * supervision facts read its deadlines. At start the versions published before are loaded again.
 */
import type pg from 'pg';
import { appliedKind, parseReferencePayload } from '#common/sync/reference.js';
import type { ProcedureDefinition } from '#core/domain/procedure/definition.js';
import { checkProcedureVersions } from '#core/domain/procedure/published.js';
import { ServerError } from '../http/errors.js';

export const isProcedureKind = (kind: string): boolean => appliedKind(kind) === 'procedures';

/** The new versions of a payload whose shape is already checked, or REFERENCE_INVALID with the reason. */
export function checkedProcedures(
  procedures: ReadonlyMap<string, ProcedureDefinition>,
  version: string,
  payload: unknown,
): ProcedureDefinition[] {
  const shape = parseReferencePayload('procedures', version, payload);
  if (!shape.ok) throw new ServerError('REFERENCE_INVALID', `${shape.reason}；未发布`);
  const r = checkProcedureVersions(procedures, shape.value.definitions);
  if (!r.ok) throw new ServerError('REFERENCE_INVALID', `${r.reason}；未发布`, { problems: r.problems });
  return r.added.map((a) => a.definition);
}

export function addProcedures(
  procedures: Map<string, ProcedureDefinition>,
  defs: readonly ProcedureDefinition[],
): void {
  for (const d of defs) procedures.set(`${d.id}@${d.version}`, d);
}

/** Every version published so far, in the order published; one that no longer passes is left out and said. */
export async function loadPublishedProcedures(
  pool: pg.Pool,
  procedures: Map<string, ProcedureDefinition>,
): Promise<void> {
  const rows = (
    await pool.query<{ kind: string; version: string; payload: unknown }>(
      "SELECT kind, version, payload FROM reference_data WHERE kind IN ('procedures', 'procedure') ORDER BY seq",
    )
  ).rows;
  for (const r of rows) {
    try {
      addProcedures(procedures, checkedProcedures(procedures, r.version, r.payload));
    } catch (e) {
      console.error(`[anjuan-server] 已发布的办案程序 ${r.version} 版未载入：`, e instanceof Error ? e.message : e);
    }
  }
}
