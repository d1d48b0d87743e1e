/**
 * Push (docs/server.md): a device's mutations, in order, idempotent. In ONE transaction: the device's
 * `last_mutation_id` (Replicache's lastMutationID) and every event it covers. Per mutation:
 * - id ≤ last: already applied, a no-op (the device retried after a lost answer);
 * - id > last + 1: a gap, refused (MUTATION_GAP), never skipped;
 * - the case is the device's bureau's, or new (then it becomes the bureau's);
 * - each event's hash recomputed with the workstation's code; an event id already stored with the same
 *   hash is a no-op, with another hash refused;
 * - the first new event must continue the server's head of the case, else `conflict` (another desk was
 *   first): nothing of that mutation is written, the answer carries the server's head and the events
 *   the device lacks, and the mutations before it stay applied;
 * - the events fold with the workstation's reducer and are lawful by its procedure definitions (lawful.ts)
 *   and by its guards, on the reference data the server holds (guards.ts).
 * Any refusal rolls the whole push back: hostile input changes nothing.
 */
import type pg from 'pg';
import type { PushInput, PushOutput } from '#common/sync/push.js';
import type { WireEvent } from '#common/sync/events.js';
import type { CaseState } from '#common/schemas/cases.js';
import type { Role } from '#common/roles.js';
import { eventHash } from '#core/store/eventHash.js';
import { genesisHash } from '#core/store/hashing.js';
import { applyEvent } from '#core/domain/caseReducer.js';
import { eventTypeNames, type CaseEvent } from '#core/domain/events.js';
import { inTransaction } from '../db/pool.js';
import { ServerError } from '../http/errors.js';
import type { ServerContext } from '../http/context.js';
import type { Device } from '../auth/device.js';
import { aheadBy, driftMessage } from './clock.js';
import { lawProblems } from './lawful.js';
import { dutiesLog, failureText, guardProblems, type ServerActor } from './guards.js';
import { numberProblem } from './numberBlocks.js';
import { eventColumns, toWire, type EventRow } from './eventRows.js';
import { createTurns } from './pushTurns.js';

/**
 * Pushes of one bureau are serialised by an advisory lock on the bureau (the key's first half names
 * this lock, the second the bureau), so the events of a bureau get their `server_seq` in commit order
 * and a pull — which reads one county's events, the device's — never passes over an event that commits
 * later with a smaller number. Bureaus push in parallel. Why that keeps every guarantee: docs/scaling.md.
 */
export const pushLockClass = 4_780_002;
export const pushLockSql = 'SELECT pg_advisory_xact_lock($1, hashtext($2))';
/** At most this many missing events come back with a conflict; the device pulls the rest. */
const maxMissing = 1000;
/**
 * Pushes running at once in this process: fewer than the pool's 10 connections, so pulls, logins and
 * number blocks always find one during a burst of pushes.
 */
const pushSlots = 6;

type Conflict = NonNullable<PushOutput['conflict']>;

/** This process's pushes wait their turn here, per bureau, before they take a pool connection (pushTurns.ts). */
const inTurn = createTurns(pushSlots);

const nth = (i: number, e: WireEvent): string => `第${i + 1}条事件（${eventTypeNames[e.type]}）`;

export async function push(ctx: ServerContext, device: Device, input: PushInput): Promise<PushOutput> {
  const now = ctx.now();
  const ahead = aheadBy(
    input.mutations.flatMap((m) => m.events),
    now.getTime(),
  );
  if (ahead > ctx.maxClockAheadMs) {
    throw new ServerError('CLOCK_DRIFT', driftMessage(ahead, ctx.maxClockAheadMs), {
      aheadMs: ahead,
      maxAheadMs: ctx.maxClockAheadMs,
      serverTime: now.toISOString(),
    });
  }
  return inTurn(device.bureauId, () =>
    inTransaction(ctx.pool, async (tx) => {
      // The bureau's lock, then the device's row, in one round trip (each round trip to PostgreSQL is most of
      // a push's cost under a burst of 500 workstations: bench sync-500-devices, docs/scaling.md).
      const d = await tx.query<{ last_mutation_id: string; revoked_at: Date | null }>(
        `SELECT d.last_mutation_id, d.revoked_at FROM (SELECT pg_advisory_xact_lock($1, hashtext($2))) AS bureau_lock, devices d
          WHERE d.id = $3 FOR UPDATE OF d`,
        [pushLockClass, device.bureauId, device.id],
      );
      if (!d.rows[0] || d.rows[0].revoked_at) throw new ServerError('DEVICE_REVOKED');
      let last = Number(d.rows[0].last_mutation_id);
      const applied: number[] = [];
      let conflict: Conflict | null = null;
      for (const m of input.mutations) {
        if (m.mutationId <= last) continue;
        if (m.mutationId !== last + 1) {
          throw new ServerError(
            'MUTATION_GAP',
            `提交序号不连续：服务器已收到第${last}项，本次却是第${m.mutationId}项；请从第${last + 1}项起按顺序重新提交`,
            { lastMutationId: last },
          );
        }
        conflict = await applyMutation(tx, ctx, device, m, now);
        if (conflict) break;
        last = m.mutationId;
        applied.push(last);
      }
      if (applied.length) await tx.query('UPDATE devices SET last_mutation_id = $2 WHERE id = $1', [device.id, last]);
      return { lastMutationId: last, applied, conflict, serverTime: now.toISOString() };
    }),
  );
}

interface CaseRow {
  bureau_id: string;
  head_seq: number;
  head_hash: string;
  state: CaseState;
}

async function applyMutation(
  tx: pg.PoolClient,
  ctx: ServerContext,
  device: Device,
  m: PushInput['mutations'][number],
  now: Date,
): Promise<Conflict | null> {
  m.events.forEach((e, i) => {
    if (e.caseId !== m.caseId)
      throw new ServerError('EVENT_INVALID', `第${m.mutationId}项提交的${nth(i, e)}不属于案件 ${m.caseId}`);
    const { hash, ...rest } = e;
    if (eventHash(rest as Omit<CaseEvent, 'hash'>) !== hash) {
      throw new ServerError(
        'HASH_MISMATCH',
        `第${m.mutationId}项提交的${nth(i, e)}哈希值校验失败，数据可能被篡改，服务器拒收`,
        { mutationId: m.mutationId, eventId: e.id },
      );
    }
  });
  const read = await readMutationBase(tx, m.caseId, m.events);
  const existing = read.existing;
  if (existing && existing.bureau_id !== device.bureauId)
    throw new ServerError('FORBIDDEN_CASE', undefined, { caseId: m.caseId });

  // Events the server already holds (a device re-sending what it pushed under another mutation): same hash, no-op.
  const known = read.known;
  let k = 0;
  for (const [i, e] of m.events.entries()) {
    const h = known.get(e.id);
    if (h !== undefined && h !== e.hash)
      throw new ServerError('EVENT_ID_REUSED', `${nth(i, e)}的编号 ${e.id} 已被内容不同的事件使用，服务器拒收`);
    if (h !== undefined && k !== i) throw new ServerError('HASH_CHAIN', `${nth(i, e)}已在服务器上，却排在新事件之后`);
    if (h !== undefined) k++;
  }
  const fresh = m.events.slice(k);
  if (!fresh.length) return null;

  const headSeq = existing?.head_seq ?? 0;
  const headHash = existing?.head_hash ?? genesisHash;
  const first = fresh[0]!;
  if (first.prevHash !== headHash || first.seq !== headSeq + 1) {
    if (!existing)
      throw new ServerError('EVENT_INVALID', `服务器上没有案件 ${m.caseId}；新案件的第一条事件应为立案登记（序号1）`);
    return conflictOf(tx, m.mutationId, m.caseId, headSeq, headHash, first.prevHash);
  }

  const actors = actorsWithin(ctx, device.bureauId, read.actors);
  // Who did what on the case so far, for separation of duties; the fresh events are added as they apply.
  const log = existing && ctx.judgeGuards ? await dutiesLog(tx, m.caseId) : [];
  let state: CaseState | null = existing?.state ?? null;
  let prev = headHash;
  let seq = headSeq;
  for (const [i, e] of fresh.entries()) {
    if (e.prevHash !== prev || e.seq !== seq + 1)
      throw new ServerError('HASH_CHAIN', `${nth(k + i, e)}没有接在前一条事件之后（哈希链断裂），服务器拒收`, {
        eventId: e.id,
      });
    const ev = e as unknown as CaseEvent;
    if (
      e.type === 'case.opened' &&
      (typeof e.payload.number !== 'string' || !e.payload.number || e.payload.number.length > 100)
    ) {
      throw new ServerError('EVENT_INVALID', `${nth(k + i, e)}缺少案号`);
    }
    const numbered = numberOf(state, e);
    if (numbered) {
      const why = await numberProblem(tx, device, numbered.kind, numbered.number);
      if (why) throw new ServerError('NUMBER_NOT_RESERVED', `${nth(k + i, e)}：${why}`, { eventId: e.id });
    }
    const actor = actors.get(e.actorId) ?? null;
    const problems = lawProblems(state, ev, { procedures: ctx.procedures, actorRoles: actor?.roles ?? null });
    if (problems.length)
      throw new ServerError('PROCEDURE_VIOLATION', `${nth(k + i, e)}不符合法定程序：${problems.join('；')}`, {
        eventId: e.id,
        problems,
      });
    const failures = guardProblems(ctx, state, ev, actor, log);
    if (failures.length)
      throw new ServerError('PROCEDURE_VIOLATION', `${nth(k + i, e)}不符合法定条件：${failureText(failures)}`, {
        eventId: e.id,
        problems: failures.map((f) => f.message),
        rules: failures.map(({ rule, citation, message }) => ({ rule, citation, message })),
      });
    try {
      state = applyEvent(state, ev);
    } catch {
      throw new ServerError(
        'EVENT_INVALID',
        `${nth(k + i, e)}不能应用到案件的当前状态（如重复立案、未立案或内容不完整），服务器拒收`,
        { eventId: e.id },
      );
    }
    log.push({ type: e.type, actorId: e.actorId, payload: e.payload });
    prev = e.hash;
    seq = e.seq;
  }
  await saveCase(tx, m.caseId, device.bureauId, state!, seq, prev, Boolean(existing), now);
  await insertEvents(tx, m.caseId, device, fresh, now);
  return null;
}

async function insertEvents(
  tx: pg.PoolClient,
  caseId: string,
  device: Device,
  fresh: readonly WireEvent[],
  now: Date,
): Promise<void> {
  try {
    await tx.query(
      `INSERT INTO case_events (id, case_id, seq, type, payload, actor_id, actor_name, device, hlc, at, prev_hash, hash, bureau_id, device_id, received_at)
     SELECT id, $13, seq, type, payload::jsonb, actor_id, actor_name, device, hlc, at, prev_hash, hash, $14, $15, $16
     FROM unnest($1::text[], $2::int[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[], $9::text[], $10::text[], $11::text[], $12::int[])
       AS t(id, seq, type, payload, actor_id, actor_name, device, hlc, at, prev_hash, hash, ord) ORDER BY ord`,
      [
        fresh.map((e) => e.id),
        fresh.map((e) => e.seq),
        fresh.map((e) => e.type),
        fresh.map((e) => JSON.stringify(e.payload)),
        fresh.map((e) => e.actorId),
        fresh.map((e) => e.actorName),
        fresh.map((e) => e.device),
        fresh.map((e) => e.hlc),
        fresh.map((e) => e.at),
        fresh.map((e) => e.prevHash),
        fresh.map((e) => e.hash),
        fresh.map((_, i) => i),
        caseId,
        device.bureauId,
        device.id,
        now,
      ],
    );
  } catch (e) {
    // Another bureau's push stored an event of this id meanwhile (bureaus push in parallel): a reuse.
    const { code, constraint } = e as { code?: string; constraint?: string };
    if (code === '23505' && constraint === 'case_events_id_key')
      throw new ServerError('EVENT_ID_REUSED', '事件编号已被其他单位的事件使用，服务器拒收');
    throw e;
  }
}

/**
 * The 案号 or 文号 an event gives for the first time, with its sequence: a 立案's number, or a document's
 * number that the case does not carry yet (a regenerated document keeps the number its type has, which
 * may come from another desk's block).
 */
function numberOf(state: CaseState | null, e: WireEvent): { kind: string; number: string } | null {
  const p = e.payload as { number?: unknown; type?: unknown };
  if (e.type === 'case.opened' && typeof p.number === 'string') return { kind: 'case', number: p.number };
  if (e.type !== 'document.generated' || typeof p.number !== 'string' || !p.number || typeof p.type !== 'string')
    return null;
  if (state?.documents.some((d) => d.type === p.type && d.number === p.number)) return null;
  return { kind: p.type, number: p.number };
}

interface ActorRow {
  id: string;
  bureau_id: string;
  roles: Role[];
  certificate_no: string | null;
}

/**
 * In one statement (one round trip): the case's row, locked (absent for a new case); which of the events
 * the server already holds, with their hashes; the enabled users among the events' actors.
 */
async function readMutationBase(
  tx: pg.PoolClient,
  caseId: string,
  events: readonly WireEvent[],
): Promise<{ existing: CaseRow | undefined; known: Map<string, string>; actors: ActorRow[] }> {
  const r = await tx.query<{ found: CaseRow | null; known: Array<[string, string]>; actors: ActorRow[] }>(
    `SELECT
       (SELECT row_to_json(c) FROM (SELECT bureau_id, head_seq, head_hash, state FROM cases WHERE id = $1 FOR UPDATE) c) AS found,
       (SELECT COALESCE(json_agg(json_build_array(id, hash)), '[]') FROM case_events WHERE id = ANY($2)) AS known,
       (SELECT COALESCE(json_agg(u), '[]') FROM (SELECT id, bureau_id, roles, certificate_no FROM users
          WHERE id = ANY($3) AND disabled_at IS NULL) u) AS actors`,
    [caseId, events.map((e) => e.id), [...new Set(events.map((e) => e.actorId))]],
  );
  const row = r.rows[0]!;
  return { existing: row.found ?? undefined, known: new Map(row.known), actors: row.actors };
}

/** The roles and 执法证 the server holds for each actor: users of the case's bureau or of a bureau above it. */
function actorsWithin(ctx: ServerContext, bureauId: string, rows: readonly ActorRow[]): Map<string, ServerActor> {
  return new Map(
    rows
      .filter((r) => ctx.bureaus.isWithin(bureauId, r.bureau_id))
      .map((r) => [r.id, { roles: r.roles, certificateNo: r.certificate_no }]),
  );
}

async function saveCase(
  tx: pg.PoolClient,
  caseId: string,
  bureauId: string,
  state: CaseState,
  seq: number,
  hash: string,
  exists: boolean,
  now: Date,
): Promise<void> {
  try {
    if (exists) {
      await tx.query(
        'UPDATE cases SET head_seq = $2, head_hash = $3, state = $4::jsonb, number = $5, updated_at = $6 WHERE id = $1',
        [caseId, seq, hash, JSON.stringify(state), state.number, now],
      );
    } else {
      await tx.query(
        'INSERT INTO cases (id, bureau_id, number, head_seq, head_hash, state, created_at, updated_at) VALUES ($1, $2, $3, $4, $5, $6::jsonb, $7, $7)',
        [caseId, bureauId, state.number, seq, hash, JSON.stringify(state), now],
      );
    }
  } catch (e) {
    const { code, constraint } = e as { code?: string; constraint?: string };
    // Another bureau created a case of this id meanwhile (bureaus push in parallel): it is theirs.
    if (code === '23505' && constraint === 'cases_pkey') throw new ServerError('FORBIDDEN_CASE', undefined, { caseId });
    if (code === '23505')
      throw new ServerError('DUPLICATE_NUMBER', `案号“${state.number}”已被本单位的其他案件使用，服务器拒收`);
    throw e;
  }
}

async function conflictOf(
  tx: pg.PoolClient,
  mutationId: number,
  caseId: string,
  headSeq: number,
  headHash: string,
  deviceBase: string,
): Promise<Conflict> {
  // The device lacks what came after the last event it has; one the server never saw means all of it.
  const base =
    deviceBase === genesisHash
      ? 0
      : ((
          await tx.query<{ seq: number }>('SELECT seq FROM case_events WHERE case_id = $1 AND hash = $2', [
            caseId,
            deviceBase,
          ])
        ).rows[0]?.seq ?? 0);
  const missing = (
    await tx.query<EventRow>(
      `SELECT ${eventColumns} FROM case_events WHERE case_id = $1 AND seq > $2 ORDER BY seq LIMIT ${maxMissing}`,
      [caseId, base],
    )
  ).rows;
  return { mutationId, caseId, serverHead: { seq: headSeq, hash: headHash }, missing: missing.map(toWire) };
}
