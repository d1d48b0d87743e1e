/**
 * Pull: the events of the cases the device's bureau sees after the device's cursor, in server order, and
 * the reference data published after its reference cursor. Paged: `more` says to pull again.
 * Devices are enrolled for counties only, so this reads one bureau's events, and push serialises each
 * bureau's pushes: `server_seq` grows in commit order within it, and the cursor never passes an event
 * that commits later. A device of a prefecture would read several counties pushing in parallel and
 * need a cursor per county first (docs/scaling.md).
 */
import type { z } from 'zod';
import type { PullOutput, pullQuery } from '#common/sync/pull.js';
import type { ServerContext } from '../http/context.js';
import type { Device } from '../auth/device.js';
import { eventColumns, toWire, type EventRow } from './eventRows.js';

export async function pull(ctx: ServerContext, device: Device, q: z.infer<typeof pullQuery>): Promise<PullOutput> {
  const now = ctx.now();
  const bureaus = ctx.bureaus.subtree(device.bureauId);
  const ev = (
    await ctx.pool.query<EventRow>(
      `SELECT ${eventColumns} FROM case_events WHERE bureau_id = ANY($1) AND server_seq > $2 ORDER BY server_seq LIMIT $3`,
      [bureaus, q.cursor, q.limit + 1],
    )
  ).rows;
  const ref = (
    await ctx.pool.query<{ seq: string; kind: string; version: string; payload: unknown; published_at: Date }>(
      'SELECT seq, kind, version, payload, published_at FROM reference_data WHERE seq > $1 ORDER BY seq LIMIT $2',
      [q.refCursor, q.limit + 1],
    )
  ).rows;
  const events = ev.slice(0, q.limit);
  const reference = ref.slice(0, q.limit);
  return {
    events: events.map(toWire),
    cursor: events.length ? Number(events.at(-1)!.server_seq) : q.cursor,
    reference: reference.map((r) => ({
      seq: Number(r.seq),
      kind: r.kind,
      version: r.version,
      payload: r.payload,
      publishedAt: r.published_at.toISOString(),
    })),
    refCursor: reference.length ? Number(reference.at(-1)!.seq) : q.refCursor,
    more: ev.length > q.limit || ref.length > q.limit,
    serverTime: now.toISOString(),
  };
}
