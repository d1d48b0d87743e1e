/** One search box across the workstation's cases (application/searchCases.ts). */
import { searchCases } from '#core/application/searchCases.js';
import type { HandlerMap } from '../types.js';
import { requireUser } from '../types.js';

export const searchHandlers: HandlerMap<'search.query'> = {
  'search.query': (input, ctx) => searchCases(ctx.services, requireUser(ctx), input),
};
