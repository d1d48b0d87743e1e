/**
 * The order of the case file before 组卷: `dossier.order` shows it (the rules' order, or the saved
 * arrangement applied to the case as it is now), `dossier.arrange` saves a reviewer's arrangement as a
 * `dossier.arranged` event — checked against the manifest's rules (common/dossierOrder.ts) inside the
 * write, so a refused arrangement saves nothing. `dossier.build` binds in that order.
 */
import { AppError } from '#common/errors.js';
import type { OpOutput, OpParsedInput } from '#common/operations.js';
import type { CaseState } from '#common/schemas/cases.js';
import { applyArrangement, arrangementRefusal } from '#common/dossierOrder.js';
import { dossierPlan } from '#core/dossier/plan.js';
import type { Services } from '#core/services.js';
import type { UserRow } from '#core/store/directory.js';
import { refuseIfArchived } from './archived.js';

const planOf = (services: Services, state: CaseState) =>
  dossierPlan(state, {
    blobs: services.blobs,
    pdf: services.pdf,
    manifest: services.manifest,
    bureauName: services.bureau().name,
  });

function orderView(services: Services, state: CaseState): OpOutput<'dossier.order'> {
  const saved = state.dossierArrangement;
  const { items, excluded } = applyArrangement(planOf(services, state), saved);
  return {
    items: items.map(({ id, title, volume, band, bandLabel, draft, follows }) => ({
      id,
      title,
      volume,
      band,
      bandLabel,
      draft,
      ...(follows ? { follows } : {}),
      excluded: excluded.has(id),
    })),
    arranged: saved ? { at: saved.at, byName: saved.byName } : null,
    version: state.version,
  };
}

export function dossierOrder(
  services: Services,
  { caseId }: OpParsedInput<'dossier.order'>,
): OpOutput<'dossier.order'> {
  return orderView(services, services.cases.get(caseId));
}

export function arrangeDossier(
  services: Services,
  user: UserRow,
  { caseId, volumes, excluded, expectedVersion }: OpParsedInput<'dossier.arrange'>,
): OpOutput<'dossier.arrange'> {
  refuseIfArchived(services.cases.get(caseId), '调整卷内顺序');
  const arrangement = { volumes: volumes.filter((v) => v.items.length > 0), excluded };
  const { state } = services.cases.write(
    caseId,
    { id: user.id, name: user.name, device: services.device },
    (current) => {
      if (!current) throw new AppError('NOT_FOUND', '案件不存在');
      const refusal = arrangementRefusal(planOf(services, current), arrangement);
      if (refusal) throw new AppError('VALIDATION', refusal);
      return [{ type: 'dossier.arranged', payload: arrangement }];
    },
    expectedVersion,
  );
  return orderView(services, state);
}
