/**
 * Each role's own work first: the queues (cases waiting for one of the user's roles where they
 * stand, read from the procedure data) and the officer's own open cases with what is due next,
 * plus the counts the navigation shows.
 */
import { z } from 'zod';
import { roles } from '../roles.js';
import { caseListRow, deadlineView } from './cases.js';

export const queuesInput = z.object({
  offset: z.number().int().min(0).max(1_000_000).default(0),
  limit: z.number().int().min(1).max(200).default(50),
});

/** Where a case waits: one of its tracks (`main` or a track id), the node, and who may move it on. */
export const waitingAt = z.object({
  track: z.string(),
  trackName: z.string(),
  nodeName: z.string(),
  /** The roles the case waits for here (the procedure data's most specific role of each step). */
  roles: z.array(z.enum(roles)),
  /** The steps that move it on, by name (e.g. 决定审批). */
  actions: z.array(z.string()),
});

/** The first deadline of the case not yet met, with today's status and whose it is. */
export const nextDue = deadlineView.pick({ name: true, dueOn: true, status: true, owner: true }).extend({
  trackName: z.string(),
});

export const queueRow = caseListRow.extend({ waitingAt: z.array(waitingAt), nextDue: nextDue.nullable() });
export type QueueRow = z.infer<typeof queueRow>;

export const caseQueue = z.object({ total: z.number().int(), rows: z.array(queueRow) });

export const myQueues = z.object({
  /** One queue per role of the user at which cases can wait (待我审批 for a head, 待我审核 for a reviewer). */
  awaiting: z.array(z.object({ role: z.enum(roles), total: z.number().int(), rows: z.array(queueRow) })),
  /** 我的案件: the open cases the user is an officer on; null for a user who is no 执法人员. */
  mine: caseQueue.nullable(),
});
export type MyQueues = z.infer<typeof myQueues>;

export const queueCounts = z.object({
  awaiting: z.array(z.object({ role: z.enum(roles), total: z.number().int() })),
  mine: z.number().int().nullable(),
  /** Deadlines overdue or due soon in the cases the user sees: the bureau's own and the party's periods. */
  deadlines: z.object({ bureau: z.number().int(), party: z.number().int() }),
});
export type QueueCounts = z.infer<typeof queueCounts>;
