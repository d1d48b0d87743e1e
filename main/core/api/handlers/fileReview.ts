/** 案卷评查: the transport side of `review.*` (the work: application/fileReview.ts). Case scope: dispatch. */
import { respondToReview, reviewScores, runReview } from '#core/application/fileReview.js';
import type { HandlerMap } from '../types.js';
import { requireUser } from '../types.js';

export const fileReviewHandlers: HandlerMap<'review.run' | 'review.respond' | 'review.scores'> = {
  'review.run': (input, ctx) => runReview(ctx.services, requireUser(ctx), input),
  'review.respond': (input, ctx) => respondToReview(ctx.services, requireUser(ctx), input),
  'review.scores': (_input, ctx) => reviewScores(ctx.services, requireUser(ctx)),
};
