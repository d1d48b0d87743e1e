/**
 * Push rule 6, second half: the guards of each pushed event, judged with the workstation's own domain
 * code (domain/procedure/eventGuards.ts) and the reference data the server holds (reference/ruleFacts.ts). A
 * failure refuses the whole push as PROCEDURE_VIOLATION, with each rule's id, article and Chinese reason.
 */
import type pg from 'pg';
import type { CaseState } from '#common/schemas/cases.js';
import type { Role } from '#common/roles.js';
import { chinaDate } from '#core/domain/dates.js';
import type { CaseEvent } from '#core/domain/events.js';
import type { LoggedEvent } from '#core/domain/procedure/duties.js';
import { guardFailures } from '#core/domain/procedure/eventGuards.js';
import type { GuardFailure } from '#core/domain/procedure/guards.js';
import type { ServerContext } from '../http/context.js';

/** A user of the case's bureau (or above) as the server holds it. */
export interface ServerActor {
  roles: Role[];
  certificateNo: string | null;
}

/** The events separation of duties reads: who performed each action and who made each document. */
export async function dutiesLog(tx: pg.PoolClient, caseId: string): Promise<LoggedEvent[]> {
  return (
    await tx.query<{ type: string; actor_id: string; payload: unknown }>(
      `SELECT type, actor_id, payload FROM case_events
        WHERE case_id = $1 AND type IN ('action.performed', 'document.generated') ORDER BY seq`,
      [caseId],
    )
  ).rows.map((r) => ({ type: r.type, actorId: r.actor_id, payload: r.payload }));
}

/** The rules `e` breaks on `state` (empty: lawful, or the guards are not judged by this server). */
export function guardProblems(
  ctx: ServerContext,
  state: CaseState | null,
  e: CaseEvent,
  actor: ServerActor | null,
  log: readonly LoggedEvent[],
): GuardFailure[] {
  if (!ctx.judgeGuards) return [];
  const at = new Date(e.at);
  if (Number.isNaN(at.getTime())) return [{ rule: 'recordedAt', message: `事件的记录时间无效：${e.at}`, citation: '' }];
  // The case's officer this account is, by its 执法证 (a desk enrolled late may have named him otherwise).
  const officer =
    actor?.certificateNo && state ? state.officers.find((o) => o.certificateNo === actor.certificateNo) : undefined;
  return guardFailures(state, e, {
    procedures: ctx.procedures,
    actor: actor ? { id: e.actorId, roles: actor.roles, officerId: officer?.id ?? null } : null,
    events: log,
    facts: ctx.rules.factsAt(at.toISOString()),
    recordedOn: chinaDate(at),
  });
}

/** The refusal's sentence: each rule's reason with its article, as the workstation words its own refusal. */
export const failureText = (failures: readonly GuardFailure[]): string =>
  failures.map((f) => f.message + (f.citation ? `（${f.citation}）` : '')).join('；');
