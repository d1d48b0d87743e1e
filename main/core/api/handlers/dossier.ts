/** 组卷: the transport side of `dossier.build` (the work: application/buildDossier.ts). */
import { buildDossier } from '#core/application/buildDossier.js';
import type { HandlerMap } from '../types.js';
import { requireUser } from '../types.js';

export const dossierHandlers: HandlerMap<'dossier.build'> = {
  'dossier.build': (input, ctx) => buildDossier(ctx.services, requireUser(ctx), input),
};
