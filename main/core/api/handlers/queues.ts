/** Each role's own work first (application/queues.ts): the queues and the navigation's counts. */
import { myQueues, queueCounts } from '#core/application/queues.js';
import type { HandlerMap } from '../types.js';
import { requireUser } from '../types.js';

export const queueHandlers: HandlerMap<'queues.mine' | 'queues.counts'> = {
  'queues.mine': (input, ctx) => myQueues(ctx.services, requireUser(ctx), input),
  'queues.counts': (_input, ctx) => queueCounts(ctx.services, requireUser(ctx)),
};
