/** The law library's operations: import, list, read, cite, search, 从旧兼从轻. */
import { AppError } from '#common/errors.js';
import { lawKey, parseArticleCitation } from '#core/domain/laws/citation.js';
import { lawOutline } from '#core/domain/laws/divisions.js';
import { repealOf, repealView } from '#core/domain/laws/repeals.js';
import { searchLaws } from '#core/store/lawSearch.js';
import { versionInfo } from '#core/store/lawLibrary.js';
import type { HandlerMap } from '../types.js';
import { requireUser } from '../types.js';
import type { Services } from '#core/services.js';
import { importLawFiles, readLawFolder } from '#core/application/importLaws.js';
import { resolveArticle } from '#core/application/lawCitation.js';
import { applicableLaw } from '#core/application/lawApplicable.js';
import { refuseUnlessCli } from '../localFiles.js';

type LawOps =
  | 'laws.import'
  | 'laws.list'
  | 'laws.get'
  | 'laws.article'
  | 'laws.cite'
  | 'laws.search'
  | 'laws.applicable';

function knownLaw(services: Services, law: string): { id: string; fullName: string } {
  const id = lawKey(law);
  const fullName = services.laws.fullName(id);
  if (!fullName) throw new AppError('NOT_FOUND', `法律法规库中没有《${law.replace(/[《》]/g, '')}》，请先导入`);
  return { id, fullName };
}

export const lawHandlers: HandlerMap<LawOps> = {
  // Answers at once with a job id; jobs.get follows the import and gives its results.
  'laws.import': (input, ctx) => {
    const { services } = ctx;
    if ('path' in input) refuseUnlessCli(ctx);
    const files = 'path' in input ? readLawFolder(input.path) : input.files;
    const effectiveFrom = 'files' in input ? input.effectiveFrom : undefined;
    const lawCtx = { library: services.laws, data: services.lawData, now: () => services.clock.now() };
    return services.jobs.start({
      op: 'laws.import',
      owner: requireUser(ctx).id,
      exclusive: 'laws',
      busyMessage: '另一次法律文本导入正在进行，请等待其完成后再导入',
      run: (ctl) => importLawFiles(lawCtx, files, effectiveFrom, ctl),
    });
  },

  'laws.list': (_i, { services }) =>
    services.laws.laws().map((l) => {
      const r = repealOf(services.lawData.repeals, l.id);
      return { ...l, repeal: r ? repealView(r) : null };
    }),

  'laws.get': ({ law, versionDate }, { services }) => {
    const { id, fullName } = knownLaw(services, law);
    const version = services.laws.version(id, versionDate);
    if (!version) throw new AppError('NOT_FOUND', `《${fullName}》没有${versionDate}的版本`);
    const articles = services.laws.articlesOf(id, version.version_date);
    const repeal = repealOf(services.lawData.repeals, id);
    return {
      id,
      fullName,
      version: versionInfo(version),
      history: JSON.parse(version.history) as Array<{ date: string; event: string }>,
      preamble: version.preamble,
      articles,
      outline: lawOutline(articles),
      repeal: repeal ? repealView(repeal) : null,
    };
  },

  'laws.article': ({ law, article, on }, { services }) => {
    if (!parseArticleCitation(article)) {
      throw new AppError(
        'VALIDATION',
        `无法识别条文序号“${article}”：应如“第九十九条”“第三十一条第一款”“第九十九条第二项”`,
      );
    }
    return resolveArticle(services.laws, { law, article }, on, services.lawData.repeals);
  },

  'laws.cite': ({ refs, on }, { services }) =>
    refs.map((r) => resolveArticle(services.laws, r, on, services.lawData.repeals)),

  'laws.search': ({ query, law, on, limit }, { services }) =>
    searchLaws(services.db, {
      query,
      limit,
      ...(law ? { lawId: knownLaw(services, law).id } : {}),
      ...(on ? { on } : {}),
    }),

  'laws.applicable': (input, { services }) => {
    if (!parseArticleCitation(input.article)) throw new AppError('VALIDATION', `无法识别条文序号“${input.article}”`);
    return applicableLaw(services.laws, services.lawData, input);
  },
};
