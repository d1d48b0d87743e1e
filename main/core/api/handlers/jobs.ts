/** Background jobs (the imports): progress and result, cancel, one's own list. A user sees only his own jobs. */
import type { HandlerMap } from '../types.js';
import { requireUser } from '../types.js';

export const jobHandlers: HandlerMap<'jobs.get' | 'jobs.cancel' | 'jobs.list'> = {
  'jobs.get': ({ jobId }, ctx) => ctx.services.jobs.get(jobId, requireUser(ctx).id),
  'jobs.cancel': ({ jobId }, ctx) => ctx.services.jobs.cancel(jobId, requireUser(ctx).id),
  'jobs.list': (_i, ctx) => ctx.services.jobs.list(requireUser(ctx).id),
};
