/**
 * Takes the server's events of one case into the local log, inside the caller's transaction:
 * - events this workstation already holds (the acknowledged prefix, or its own pending events coming
 *   back) are recognised by id and hash, never written twice;
 * - the rest must continue the case's chain (hash recomputed, prev_hash and seq linked): a break is an
 *   error and nothing is applied;
 * - when the case also has local pending events that the server does not hold, another desk acted
 *   first. On a pull this is left for the push, whose conflict reply brings the same events; on a
 *   conflict the pending events are archived verbatim, the server's events written, and each pending
 *   action replayed on the new state (replay.ts): re-applied as a new event if still lawful, else kept
 *   as a conflict record with its typed data, which also becomes the clerk's draft of that action's
 *   form (conflictDraft.ts). Nothing is merged silently or dropped.
 */
import { ulid } from 'ulid';
import type { CaseState } from '#common/schemas/cases.js';
import type { SyncConflict } from '#common/schemas/sync.js';
import { applyEvent, replay } from '#core/domain/caseReducer.js';
import { eventTypeNames, type CaseEvent } from '#core/domain/events.js';
import { eventHash } from '#core/store/eventHash.js';
import { genesisHash } from '#core/store/hashing.js';
import type { SyncStore } from '#core/store/syncStore.js';
import type { SyncEvents } from '#core/store/syncEvents.js';
import type { SyncRecords } from '#core/store/syncRecords.js';
import type { Services } from '#core/services.js';
import { SyncFailure } from './http.js';
import { replayEvent } from './replay.js';
import { keepAsDraft, theirsOf } from './conflictDraft.js';

export interface SyncParts {
  services: Services;
  store: SyncStore;
  events: SyncEvents;
  records: SyncRecords;
}

export interface Integrated {
  applied: number;
  newCase: boolean;
  /** Divergent on a pull: left for the push's conflict. */
  deferred: boolean;
  reapplied: number;
  conflicts: number;
}

const chainError = (caseId: string, why: string): SyncFailure =>
  new SyncFailure(
    'server',
    'HASH_CHAIN',
    `服务器发来的案件事件校验失败（案件 ${caseId}：${why}），本次未应用，请联系管理员`,
  );

function checkChain(caseId: string, from: { seq: number; hash: string }, events: readonly CaseEvent[]): void {
  let prev = from;
  for (const e of events) {
    const { hash, ...rest } = e;
    if (eventHash(rest) !== hash) throw chainError(caseId, `第${e.seq}条事件的哈希值不符`);
    if (e.prevHash !== prev.hash || e.seq !== prev.seq + 1)
      throw chainError(caseId, `第${e.seq}条事件没有接在前一条之后`);
    prev = { seq: e.seq, hash };
  }
}

function saveState(parts: SyncParts, state: CaseState | null, at: string): void {
  if (!state) return;
  try {
    parts.services.cases.projection.save(state, at);
  } catch (e) {
    if (/UNIQUE constraint failed: cases\.number/.test(String(e)))
      throw new SyncFailure(
        'refused',
        'DUPLICATE_NUMBER',
        `案号“${state.number}”在本机已被另一案件使用，服务器上的该案件未能载入；请联系管理员核对案号`,
      );
    throw e;
  }
}

function conflictOf(
  parts: SyncParts,
  state: CaseState,
  kept: CaseEvent[],
  reasons: string[],
  theirs: readonly CaseEvent[],
  now: string,
): SyncConflict {
  const first = kept[0]!;
  const what =
    first.type === 'action.performed'
      ? (parts.services.procedures
          .get(`${state.procedure.id}@${state.procedure.version}`)
          ?.actions.find((a) => a.id === first.payload.action)?.name ?? first.payload.action)
      : eventTypeNames[first.type];
  return {
    id: ulid(),
    caseId: state.id,
    caseNumber: state.number,
    kind: 'unlawful',
    summary: `${what}（${first.actorName}${kept.length > 1 ? `，及其后${kept.length - 1}项操作` : ''}）`,
    reason: `其他工作站已先办理了本案，此操作在案件的新状态下不再合法：${reasons.join('；')}`,
    kept: kept.map((e) => ({ type: e.type, actorName: e.actorName, at: e.at, payload: e.payload })),
    createdAt: now,
    theirs: theirsOf(parts.services, state, theirs),
    actorId: first.actorId,
    draft: keepAsDraft(parts.services, state, first, now),
  };
}

export function integrateCase(
  parts: SyncParts,
  caseId: string,
  incoming: readonly CaseEvent[],
  mode: 'pull' | 'rebase',
  now: string,
): Integrated {
  const out: Integrated = { applied: 0, newCase: false, deferred: false, reapplied: 0, conflicts: 0 };
  let head = parts.store.head(caseId) ?? { seq: 0, hash: genesisHash };
  let rest = [...incoming].sort((a, b) => a.seq - b.seq).filter((e) => e.seq > head.seq);
  let pending = parts.events.range(caseId, head.seq + 1);
  // Our own pending events coming back (a push whose reply was lost): the server holds them already.
  while (pending[0] && rest[0] && pending[0].id === rest[0].id) {
    if (pending[0].hash !== rest[0].hash) throw chainError(caseId, `事件 ${rest[0].id} 与本机内容不同`);
    head = { seq: rest[0].seq, hash: rest[0].hash };
    pending = pending.slice(1);
    rest = rest.slice(1);
  }
  parts.store.advanceHead(caseId, head);
  if (!rest.length) return out;
  checkChain(caseId, head, rest);
  if (pending.length && mode === 'pull') return { ...out, deferred: true };

  if (pending.length) parts.events.supersede(pending, now, 'rebased');
  // Another desk's 案号/文号 came from its own block (docs/decisions.md): nothing to raise here.
  for (const e of rest) {
    parts.events.insertVerbatim(e);
    parts.services.hlc.receive(e.hlc); // what this desk does next sorts after what it has seen
  }
  const before = parts.services.cases.projection.get(caseId);
  out.newCase = !before;
  let state =
    pending.length || !before
      ? replay(parts.events.range(caseId, 1))
      : rest.reduce<CaseState>((s, e) => applyEvent(s, e), before);
  saveState(parts, state, rest.at(-1)!.at);
  parts.store.advanceHead(caseId, { seq: rest.at(-1)!.seq, hash: rest.at(-1)!.hash });
  out.applied = rest.length;

  for (const [i, p] of pending.entries()) {
    const r = replayEvent(parts.services, state!, p);
    if (!r.ok) {
      parts.records.addConflict(conflictOf(parts, state!, pending.slice(i), r.reasons, rest, now));
      out.conflicts++;
      break;
    }
    state = parts.services.cases.write(
      caseId,
      { id: p.actorId, name: p.actorName, device: parts.services.device },
      () => [r.body],
    ).state;
    out.reapplied++;
  }
  return out;
}
