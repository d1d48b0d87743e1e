/**
 * Push (docs/server.md "Sync client"): the outbox — local events after each case's acknowledged head —
 * goes in order, grouped into mutations numbered after the counter the server last acknowledged.
 * - A batch is recorded (sync_mutations) before it leaves: when the reply is lost, the next attempt
 *   resends exactly it, and the server skips the ids it has applied. Only then are new ones built.
 * - The reply is acknowledged in one transaction (heads, counter, sent batch forgotten); after a reply
 *   the server's counter is known, so what it did not apply may be renumbered and rebuilt.
 * - `conflict`: another desk was first; the case is rebased on the server's events (integrate.ts) and
 *   its re-applied events go again under the same mutation id (the next free one).
 * - A refusal rolls the whole push back on the server: the batch is retried one mutation at a time
 *   and the mutation the server refuses is kept as a `refused` conflict, its case held back, so one bad
 *   case never blocks the others.
 * - A counter on the server below ours means the server went back (reset, old backup): stop.
 */
import type { z } from 'zod';
import { pushOutput } from '#common/sync/push.js';
import type { WireEvent } from '#common/sync/events.js';
import { ulid } from 'ulid';
import type { CaseEvent } from '#core/domain/events.js';
import type { SentMutation } from '#core/store/syncStore.js';
import { SyncFailure, type SyncHttp } from './http.js';
import { integrateCase, type SyncParts } from './integrate.js';

/** Events per request: a few hundred keep a request well under the server's 16 MB with room for long reports. */
export const maxEventsPerRequest = 500;
const maxAttempts = 50;

export interface PushResult {
  pushed: number;
  reapplied: number;
  conflicts: number;
  refused: number;
}

type Reply = z.infer<typeof pushOutput>;

export const toWire = (e: CaseEvent): WireEvent => ({
  id: e.id,
  caseId: e.caseId,
  seq: e.seq,
  type: e.type,
  payload: e.payload as unknown as Record<string, unknown>,
  actorId: e.actorId,
  actorName: e.actorName,
  device: e.device,
  hlc: e.hlc,
  at: e.at,
  prevHash: e.prevHash,
  hash: e.hash,
});

export const wentBack = (server: number, ours: number): SyncFailure =>
  new SyncFailure(
    'stop',
    'SERVER_WENT_BACK',
    `服务器记录的本工作站提交序号（${server}）小于本机已确认的序号（${ours}）：服务器数据可能被重置或从旧备份恢复。为免数据丢失，同步已停止，请联系管理员`,
  );

function build(parts: SyncParts, last: number, maxMutations: number): SentMutation[] {
  const held = parts.records.heldCases();
  const out: SentMutation[] = [];
  let events = 0;
  for (const c of parts.store.pendingCases()) {
    if (held.has(c.caseId)) continue;
    for (let from = c.fromSeq; from <= c.toSeq && events < maxEventsPerRequest && out.length < maxMutations; ) {
      const to = Math.min(c.toSeq, from + (maxEventsPerRequest - events) - 1);
      out.push({ mutationId: last + out.length + 1, caseId: c.caseId, fromSeq: from, toSeq: to });
      events += to - from + 1;
      from = to + 1;
    }
    if (events >= maxEventsPerRequest || out.length >= maxMutations) break;
  }
  return out;
}

function acknowledge(parts: SyncParts, batch: SentMutation[], reply: Reply, resend: boolean): number {
  const ours = parts.store.enrolment()!.lastMutationId;
  if (reply.lastMutationId < ours) throw wentBack(reply.lastMutationId, ours);
  // A resent batch may have been applied before its reply was lost: every id up to the server's counter is.
  // A fresh one is applied only as the reply lists it (an id at or below the counter then means ours was behind).
  const acked = batch.filter((m) =>
    resend ? m.mutationId <= reply.lastMutationId : reply.applied.includes(m.mutationId),
  );
  const heads = acked.map((m) => {
    const e = parts.events.range(m.caseId, m.toSeq, m.toSeq)[0]!;
    return { caseId: m.caseId, head: { seq: e.seq, hash: e.hash } };
  });
  parts.store.acknowledge(reply.lastMutationId, heads);
  return acked.reduce((n, m) => n + m.toSeq - m.fromSeq + 1, 0);
}

function holdRefused(parts: SyncParts, m: SentMutation, f: SyncFailure, now: string): void {
  const state = parts.services.cases.projection.get(m.caseId);
  const kept = parts.events.range(m.caseId, m.fromSeq, m.toSeq);
  parts.services.db.transaction(() => {
    parts.records.addConflict({
      id: ulid(),
      caseId: m.caseId,
      caseNumber: state?.number ?? m.caseId,
      kind: 'refused',
      summary: `本案${kept.length}项未上传的操作（${[...new Set(kept.map((e) => e.actorName))].join('、')}）`,
      reason: `服务器拒收：${f.message}。本案暂停上传，其他案件照常同步；操作仍保存在本机`,
      kept: kept.map((e) => ({ type: e.type, actorName: e.actorName, at: e.at, payload: e.payload })),
      createdAt: now,
    });
    parts.store.acknowledge(parts.store.enrolment()!.lastMutationId, []);
  })();
}

export async function pushAll(
  parts: SyncParts,
  http: SyncHttp,
  now: () => string,
  progress: (done: number) => void,
): Promise<PushResult> {
  const result: PushResult = { pushed: 0, reapplied: 0, conflicts: 0, refused: 0 };
  let careful = false;
  for (let attempt = 0; attempt < maxAttempts; attempt++) {
    const sent = parts.store.sentMutations();
    const resend = sent.length > 0;
    const batch = resend
      ? sent
      : build(parts, parts.store.enrolment()!.lastMutationId, careful ? 1 : maxEventsPerRequest);
    if (!batch.length) return result;
    if (!resend) parts.store.recordSent(batch);
    const mutations = batch.map((m) => ({
      mutationId: m.mutationId,
      caseId: m.caseId,
      events: parts.events.range(m.caseId, m.fromSeq, m.toSeq).map(toWire),
    }));
    let reply: Reply;
    try {
      reply = await http.request('POST', '/api/sync/push', pushOutput, { mutations });
    } catch (e) {
      if (!(e instanceof SyncFailure)) throw e;
      if (e.code === 'MUTATION_GAP') {
        const server = Number((e.details as { lastMutationId?: unknown } | undefined)?.lastMutationId);
        const ours = parts.store.enrolment()!.lastMutationId;
        if (!Number.isFinite(server) || server < ours) throw wentBack(Number.isFinite(server) ? server : 0, ours);
        parts.store.acknowledge(server, []); // ours was behind: renumber after the server's
        continue;
      }
      if (e.kind !== 'refused') throw e;
      if (batch.length === 1) {
        holdRefused(parts, batch[0]!, e, now());
        result.refused++;
        careful = false;
        continue;
      }
      // Which mutation? Ask the server its counter (an empty push), keep what it applied, then go one by one.
      const probe = await http.request('POST', '/api/sync/push', pushOutput, { mutations: [] });
      result.pushed += acknowledge(parts, batch, probe, resend);
      careful = true;
      continue;
    }
    result.pushed += acknowledge(parts, batch, reply, resend);
    progress(result.pushed);
    if (reply.conflict) {
      const c = reply.conflict;
      if (!c.missing.length)
        throw new SyncFailure(
          'server',
          'CONFLICT_EMPTY',
          `服务器报告案件 ${c.caseId} 有冲突，却没有发来其他工作站的操作；请联系管理员`,
        );
      const r = parts.services.db
        .transaction(() => integrateCase(parts, c.caseId, c.missing as unknown as CaseEvent[], 'rebase', now()))
        .immediate();
      result.reapplied += r.reapplied;
      result.conflicts += r.conflicts;
    }
  }
  throw new SyncFailure('network', 'PUSH_STALLED', '上传未能在本轮完成（冲突或拒收过多），稍后将自动重试');
}
