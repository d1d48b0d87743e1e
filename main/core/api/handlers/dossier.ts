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
    const volumes = built.map((v) => ({ volume: v.volume, pdfHash: services.blobs.put(v.pdf, 'application/pdf'), pages: v.pages, catalog: v.catalog }));
    const main = volumes[0]!; // the 正卷 is always bound
    const builtAt = services.clock.now().toISOString();
    services.cases.write(caseId, { id: user.id, name: user.name, device: services.device }, () => [
      // pdfHash/pages stay the 正卷's, as the projection has always read them; `volumes` names every volume.
      { type: 'dossier.built', payload: { pdfHash: main.pdfHash, pages: main.pages, builtAt, volumes: volumes.map(({ volume, pdfHash, pages }) => ({ volume, pdfHash, pages })) } },
    ]);
    return { pdfHash: main.pdfHash, pages: main.pages, catalog: main.catalog, volumes, builtAt };
  },
};
