/**
 * Push: a workstation sends its not-yet-accepted case changes, each mutation one user action (its
 * events), numbered per device without gaps (Replicache's mutation ids). See docs/server.md.
 */
import { z } from 'zod';
import { key } from '../schemas/primitives.js';
import { maxEventsPerPush, wireEvent } from './events.js';

export const pushMutation = z
  .object({
    mutationId: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
    caseId: key(64, '案件编号').min(1),
    events: z
      .array(wireEvent)
      .min(1, '每项提交至少包含一条事件')
      .max(maxEventsPerPush, `一次提交的事件不超过${maxEventsPerPush}条`),
  })
  .strict();

export const pushInput = z
  .object({
    mutations: z.array(pushMutation).max(maxEventsPerPush, `一次最多提交${maxEventsPerPush}项`),
  })
  .strict()
  .refine(
    (p) => p.mutations.reduce((n, m) => n + m.events.length, 0) <= maxEventsPerPush,
    `一次提交的事件合计不超过${maxEventsPerPush}条`,
  );
export type PushInput = z.infer<typeof pushInput>;

/**
 * The case moved on the server since the device last pulled (another desk was first): nothing of
 * this mutation was written. The device takes `missing`, replays its action on top and pushes again
 * under the same mutation id.
 */
export const pushConflict = z.object({
  mutationId: z.number(),
  caseId: z.string(),
  serverHead: z.object({ seq: z.number(), hash: z.string() }),
  missing: z.array(wireEvent),
});

export const pushOutput = z.object({
  /** The last mutation the server has applied for this device (the same transaction as its events). */
  lastMutationId: z.number(),
  /** Mutations applied by this request (a retried one already applied is not listed). */
  applied: z.array(z.number()),
  conflict: pushConflict.nullable(),
  serverTime: z.string(),
});
export type PushOutput = z.infer<typeof pushOutput>;
