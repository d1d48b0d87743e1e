/**
 * `dossier.build` (组卷): the case's finalised documents and evidence bound into volumes in the
 * standard order, with cover, 卷内目录, page numbers and a 备考表 that prints the event chain's head,
 * stored as PDFs and recorded in one event. After 归档 the file is not bound again, except with a 更正.
 */
import { AppError } from '#common/errors.js';
import type { OpOutput, OpParsedInput } from '#common/operations.js';
import { buildCaseDossier } from '#core/dossier/buildCaseDossier.js';
import type { DossierItem } from '#core/dossier/types.js';
import { reviewSheetPdf } from '#core/dossier/reviewSheet.js';
import type { CaseState } from '#common/schemas/cases.js';
import type { Services } from '#core/services.js';
import type { UserRow } from '#core/store/directory.js';
import { verifyChain } from '#core/store/eventLog.js';
import { saveSigned } from '#core/dossier/signing/signPdf.js';
import { archivedOn, refuseIfArchived } from './archived.js';
import { bureauSigningIdentity } from './signingCertificate.js';
import { today } from './caseView.js';

/** The last 案卷评查 is filed in the 副卷 as its 案卷评查表. */
async function reviewSheets(state: CaseState, bureauName: string): Promise<DossierItem[]> {
  if (!state.fileReview) return [];
  return [
    {
      number: '',
      author: bureauName,
      title: '案卷评查表',
      date: state.fileReview.result.ranOn,
      content: { kind: 'pdf', bytes: await reviewSheetPdf(state.number, state.fileReview) },
    },
  ];
}

export async function buildDossier(
  services: Services,
  user: UserRow,
  { caseId, retention: chosen, sign }: OpParsedInput<'dossier.build'>,
): Promise<OpOutput<'dossier.build'>> {
  const state = services.cases.get(caseId);
  if (state.documents.length === 0) throw new AppError('ACTION_NOT_ALLOWED', '案件尚无文书，无法组卷');
  // The archived file is what was bound: after 归档 it is not bound again (only a 更正 changes the case, and is then bound with it).
  if (
    archivedOn(state) &&
    !state.documents.some((d) => d.correctionReason && (!state.dossier || d.generatedAt > state.dossier.builtAt))
  ) {
    refuseIfArchived(state, '重新组卷');
  }
  // 保管期限: chosen now (one list: 永久, 30年, 10年), else the last binding's; 立卷人: who binds.
  const retention = chosen ?? state.dossier?.retention;
  // the chain head goes on the printed 备考表, an anchor outside the PC.
  const events = services.cases.log.forCase(caseId);
  const chainHead = { hash: events.at(-1)?.hash ?? '', count: events.length, brokenAt: verifyChain(events).brokenAt };
  // 签章: asked for, or by default whenever the bureau has a certificate; refused (nothing bound) if it cannot sign.
  const identity = sign === false ? null : await bureauSigningIdentity(services);
  if (sign === true && !identity)
    throw new AppError(
      'SETTINGS_REQUIRED',
      '本局尚未设置电子签章证书，不能签章；请在本局设置中设置证书，或不选“签章”组卷',
    );
  const signingTime = services.clock.now();
  const built = await buildCaseDossier(
    state,
    {
      blobs: services.blobs,
      pdf: services.pdf,
      manifest: services.manifest,
      bureauName: services.bureau().name,
      retention: retention ?? '',
      chainHead,
      // The reviewer's order within the rules and the drafts he left out (dossier.arrange).
      arrangement: state.dossierArrangement ?? null,
      sideSheets: await reviewSheets(state, services.bureau().name),
      ...(identity ? { save: (doc) => saveSigned(doc, identity, { signingTime, reason: '组卷签章' }) } : {}),
    },
    today(services),
    user.name,
  );
  const volumes = built.map((v) => ({
    volume: v.volume,
    pdfHash: services.blobs.put(v.pdf, 'application/pdf'),
    pages: v.pages,
    catalog: v.catalog,
    items: v.items,
    numberedPages: v.numberedPages,
  }));
  const main = volumes[0]!; // the 正卷 is always bound
  const builtAt = services.clock.now().toISOString();
  services.cases.write(caseId, { id: user.id, name: user.name, device: services.device }, () => [
    // pdfHash/pages stay the 正卷's, as the projection has always read them; `volumes` names every volume.
    {
      type: 'dossier.built',
      payload: {
        pdfHash: main.pdfHash,
        pages: main.pages,
        builtAt,
        preparedBy: user.name,
        ...(retention ? { retention } : {}),
        volumes: volumes.map(({ volume, pdfHash, pages, items, numberedPages }) => ({
          volume,
          pdfHash,
          pages,
          items,
          numberedPages,
        })),
      },
    },
  ]);
  return {
    pdfHash: main.pdfHash,
    pages: main.pages,
    catalog: main.catalog,
    volumes,
    builtAt,
    preparedBy: user.name,
    ...(retention ? { retention } : {}),
  };
}
