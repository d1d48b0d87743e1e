/** Law texts through the laws.import use case, taken as a whole set: one text that does not parse refuses all. */
import { importLawFiles } from '#core/application/importLaws.js';
import { someNames, type ReferenceApplier } from './types.js';

export const lawsApplier: ReferenceApplier<'laws'> = {
  async apply(services, payload, version) {
    const ctx = { library: services.laws, data: services.lawData, now: () => services.clock.now() };
    const out = await importLawFiles(ctx, payload.files, payload.effectiveFrom, undefined, { wholeSet: true });
    const names = (status: 'added' | 'updated') =>
      out.results
        .filter((r) => r.status === status && r.law)
        .map((r) => `《${services.laws.fullName(r.law!) ?? r.law}》${r.versionDate ?? ''}`);
    const added = names('added');
    const updated = names('updated');
    if (!added.length && !updated.length) return [`法律法规 ${version} 版与本机相同，未作更改`];
    return [
      `法律法规：${[
        added.length ? `新增${added.length}个文本（${someNames(added)}）` : '',
        updated.length ? `更新${updated.length}个文本（${someNames(updated)}）` : '',
        out.unchanged ? `${out.unchanged}个未变` : '',
      ]
        .filter(Boolean)
        .join('，')}`,
    ];
  },
};
