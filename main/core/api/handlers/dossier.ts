/** 组卷: the transport side of `dossier.build` (the work: application/buildDossier.ts). */
import { buildDossier } from '#core/application/buildDossier.js';
import { arrangeDossier, dossierOrder } from '#core/application/arrangeDossier.js';
import type { HandlerMap } from '../types.js';
import { requireUser } from '../types.js';

export const dossierHandlers: HandlerMap<'dossier.build' | 'dossier.order' | 'dossier.arrange'> = {
  'dossier.build': (input, ctx) => buildDossier(ctx.services, requireUser(ctx), input),
  'dossier.order': (input, ctx) => dossierOrder(ctx.services, input),
  'dossier.arrange': (input, ctx) => arrangeDossier(ctx.services, requireUser(ctx), input),
};
