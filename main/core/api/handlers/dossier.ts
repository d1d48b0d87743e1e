import { AppError } from '../../../../common/errors.js';
import { buildCaseDossier } from '../../dossier/buildCaseDossier.js';
import { today } from '../caseView.js';
import type { HandlerMap } from '../types.js';
import { requireUser } from '../types.js';

export const dossierHandlers: HandlerMap<'dossier.build'> = {
  'dossier.build': async ({ caseId }, ctx) => {
    const { services } = ctx;
    const user = requireUser(ctx);
    const state = services.cases.get(caseId);
    if (state.documents.length === 0) throw new AppError('ACTION_NOT_ALLOWED', '案件尚无文书，无法组卷');
    const built = await buildCaseDossier(state, { blobs: services.blobs, pdf: services.pdf, manifest: services.manifest, bureauName: services.bureau().name }, today(services), user.name);
    const pdfHash = services.blobs.put(built.pdf, 'application/pdf');
    const builtAt = services.clock.now().toISOString();
    services.cases.write(caseId, { id: user.id, name: user.name, device: services.device }, () => [
      { type: 'dossier.built', payload: { pdfHash, pages: built.pages, builtAt } },
    ]);
    return { pdfHash, pages: built.pages, catalog: built.catalog, builtAt };
  },
};
