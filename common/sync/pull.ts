/** Pull: case events and reference data newer than the workstation's cursors, a page at a time. */
import { z } from 'zod';
import { wireEvent } from './events.js';

const cursor = z.coerce.number().int('游标应为整数').min(0, '游标不能为负数').max(Number.MAX_SAFE_INTEGER).default(0);

export const pullQuery = z
  .object({
    cursor,
    refCursor: cursor,
    limit: z.coerce.number().int().min(1, '每页至少1条').max(5000, '每页不超过5000条').default(1000),
  })
  .strict();

export const referenceItem = z.object({
  seq: z.number(),
  kind: z.string(),
  version: z.string(),
  payload: z.unknown(),
  publishedAt: z.string(),
});

export const pullOutput = z.object({
  events: z.array(wireEvent),
  /** The server's position after these events: the next pull's `cursor`. */
  cursor: z.number(),
  reference: z.array(referenceItem),
  refCursor: z.number(),
  /** More events or reference data wait: pull again with the new cursors. */
  more: z.boolean(),
  serverTime: z.string(),
});
export type PullOutput = z.infer<typeof pullOutput>;

/** An administrator's view of the cases of its bureau and the bureaus below it. */
export const caseListQuery = z
  .object({
    bureauId: z
      .string()
      .regex(/^\d{6}$/, '单位代码应为6位行政区划代码')
      .optional(),
    after: z.string().max(64).optional(),
    limit: z.coerce.number().int().min(1).max(1000).default(200),
  })
  .strict();

export const caseListOutput = z.object({
  cases: z.array(
    z.object({
      id: z.string(),
      bureauId: z.string(),
      number: z.string().nullable(),
      events: z.number(),
      headHash: z.string(),
      updatedAt: z.string(),
    }),
  ),
  next: z.string().nullable(),
});
