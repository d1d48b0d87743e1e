/** drafts.*: a user's unsubmitted form values (application/saveDraft.ts, draftOf.ts, listDrafts.ts, discardDraft.ts). */
import { discardDraft } from '#core/application/discardDraft.js';
import { draftOf } from '#core/application/draftOf.js';
import { listDrafts } from '#core/application/listDrafts.js';
import { saveDraft } from '#core/application/saveDraft.js';
import type { HandlerMap } from '../types.js';
import { requireUser } from '../types.js';

export const draftHandlers: HandlerMap<'drafts.save' | 'drafts.get' | 'drafts.list' | 'drafts.discard'> = {
  'drafts.save': (input, ctx) => saveDraft(ctx.services, requireUser(ctx), input),
  'drafts.get': (input, ctx) => draftOf(ctx.services, requireUser(ctx), input),
  'drafts.list': (_input, ctx) => listDrafts(ctx.services, requireUser(ctx)),
  'drafts.discard': (input, ctx) => discardDraft(ctx.services, requireUser(ctx), input),
};
