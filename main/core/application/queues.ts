/**
 * Each role sees its own work first. A case waits for a role where it stands (main procedure or a
 * running track) when the procedure data gives that role the step that moves it on
 * (domain/procedure/awaiting.ts); the queues read where cases stand from the rows kept with each
 * case (store/caseRows.ts), so they cost an index read, not an evaluation of every case.
 * - 待我审批 / 待我审核: for each of the user's roles, the open cases in his scope waiting for it;
 * - 我的案件: the open cases the user is an officer on, each with its first deadline not yet met.
 */
import type { CaseListRow } from '#common/schemas/cases.js';
import type { MyQueues, QueueCounts, QueueRow } from '#common/schemas/queues.js';
import { roles, type Role } from '#common/roles.js';
import { awaitedAt, roleBreadth, type AwaitedAction } from '#core/domain/procedure/awaiting.js';
import type { ProcedureDefinition } from '#core/domain/procedure/definition.js';
import { positionKey, type RowScope } from '#core/store/caseRows.js';
import type { UserRow } from '#core/store/directory.js';
import type { Services } from '#core/services.js';
import { caseScope } from './caseAccess.js';
import { mainTrackName } from './caseRows.js';
import { today } from './caseView.js';
import { deadlineCounts, warnHorizon } from './deadlinesOverview.js';
import { warnAheadSetting } from './settings.js';

interface Place {
  def: ProcedureDefinition;
  nodeName: string;
  awaited: AwaitedAction[];
}

/** Every position of the loaded procedures with what waits there (a few hundred; built per call, cheap). */
function places(services: Services): Map<string, Place> {
  const defs = [...services.procedures.values()];
  const counts = roleBreadth(defs);
  const out = new Map<string, Place>();
  for (const def of defs)
    for (const n of def.nodes)
      out.set(positionKey(def, n.id), { def, nodeName: n.name, awaited: awaitedAt(def, n.id, counts) });
  return out;
}

const isRole = (r: string): r is Role => (roles as readonly string[]).includes(r);

function positionsFor(all: Map<string, Place>, role: Role): string[] {
  return [...all].filter(([, p]) => p.awaited.some((a) => a.roles.includes(role))).map(([k]) => k);
}

/** The user's roles at which some case can wait, in the order of common/roles.ts. */
function waitingRoles(all: Map<string, Place>, user: UserRow): Role[] {
  return roles.filter((r) => user.roles.includes(r) && positionsFor(all, r).length > 0);
}

function nodeNames(services: Services): (node: string) => string {
  const names = new Map<string, string>();
  for (const def of services.procedures.values())
    if (def.kind === 'main') for (const n of def.nodes) names.set(n.id, n.name);
  return (node) => names.get(node) ?? node;
}

/** The list rows of a page of cases, with where each waits and its next deadline. */
function queueRows(services: Services, all: Map<string, Place>, ids: string[]): QueueRow[] {
  const { projection } = services.cases;
  const base: CaseListRow[] = projection.listRows(ids, nodeNames(services));
  const positions = projection.rows.positionsOf(ids);
  const pending = projection.rows.pendingDeadlinesOf(ids);
  const now = today(services);
  const horizon = warnHorizon(services.calendar, now, warnAheadSetting(services));
  return base.map((row) => {
    const waitingAt = (positions.get(row.id) ?? []).flatMap(({ track, position }) => {
      const place = all.get(position);
      if (!place) return [];
      return [
        {
          track,
          trackName: track === 'main' ? mainTrackName : place.def.name,
          nodeName: place.nodeName,
          roles: [...new Set(place.awaited.flatMap((a) => a.roles))].filter(isRole),
          actions: place.awaited.map((a) => a.name),
        },
      ];
    });
    const first = pending.get(row.id)?.[0];
    const nextDue = first
      ? {
          name: first.view.name,
          dueOn: first.view.dueOn,
          owner: first.view.owner,
          trackName: first.trackName,
          status:
            now > first.view.dueOn
              ? ('overdue' as const)
              : first.view.dueOn <= horizon
                ? ('dueSoon' as const)
                : ('running' as const),
        }
      : null;
    return { ...row, waitingAt, nextDue };
  });
}

function mineOf(services: Services, user: UserRow, scope: RowScope, offset: number, limit: number) {
  if (user.officerId === null) return null;
  const own = { bureauId: scope.bureauId, officerId: user.officerId };
  return services.cases.projection.list({ query: '', state: 'open', offset, limit }, (n) => n, own);
}

export function myQueues(services: Services, user: UserRow, input: { offset: number; limit: number }): MyQueues {
  const scope = caseScope(user);
  if (!scope) return { awaiting: [], mine: null };
  const all = places(services);
  const awaiting = waitingRoles(all, user).map((role) => {
    const { total, ids } = services.cases.projection.rows.casesAt(
      positionsFor(all, role),
      scope,
      input.offset,
      input.limit,
    );
    return { role, total, rows: queueRows(services, all, ids) };
  });
  const mine = mineOf(services, user, scope, input.offset, input.limit);
  return {
    awaiting,
    mine: mine
      ? {
          total: mine.total,
          rows: queueRows(
            services,
            all,
            mine.rows.map((r) => r.id),
          ),
        }
      : null,
  };
}

/** The navigation's badges, in one call: queue sizes, my open cases, deadlines needing attention. */
export function queueCounts(services: Services, user: UserRow): QueueCounts {
  const scope = caseScope(user);
  if (!scope) return { awaiting: [], mine: null, deadlines: { bureau: 0, party: 0 } };
  const all = places(services);
  const awaiting = waitingRoles(all, user).map((role) => ({
    role,
    total: services.cases.projection.rows.countAt(positionsFor(all, role), scope),
  }));
  const mine = mineOf(services, user, scope, 0, 1)?.total ?? null;
  return { awaiting, mine, deadlines: deadlineCounts(services, user) };
}
