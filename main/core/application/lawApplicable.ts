/**
 * laws.applicable: which provision a decision applies (从旧兼从轻, 处罚法 art. 37, 法典 art. 1057). The
 * provision in force on the violation date is compared with the one standing for it on the decision
 * date — found through resources/laws/article-map.json when the article was replaced or renumbered
 * (a repealed sector law's article → the 生态环境法典's), else the same article of the newer
 * version — on their fine bands read from the loaded texts.
 *
 * Repeals are data (resources/laws/repeals.json): a repealed law is not in force from its repeal,
 * so an article cited for an act on or after that day is first followed through the map to the
 * provision in force on the day of the act; with no mapping, a person must choose it.
 */
import { AppError } from '#common/errors.js';
import type { ArticleMapEntry, ArticleResolution, LawApplicableOutput } from '#common/schemas/laws.js';
import { successorsOn, type ArticleKey } from '#core/domain/laws/articleMap.js';
import { singleFineBand } from '#core/domain/laws/fineFromText.js';
import { chooseApplicableLaw, lighterLawBasis, type Provision } from '#core/domain/laws/lighterLaw.js';
import type { LawData } from '#core/lawResources.js';
import type { LawLibrary } from '#core/store/lawLibrary.js';
import { resolveArticle, type Loaded } from './lawCitation.js';

export interface ApplicableQuery {
  law: string;
  article: string;
  violationOn: string;
  decisionOn: string;
}

type Mapping = LawApplicableOutput['mapping'];

function provision(r: Loaded): Provision {
  return {
    citation: r.citation,
    versionDate: r.version.versionDate,
    text: r.citedText,
    band: singleFineBand(r.citedText) ?? singleFineBand(r.articleText),
  };
}

const cited = (r: ArticleResolution): string => r.citation;

export function applicableLaw(library: LawLibrary, data: LawData, q: ApplicableQuery): LawApplicableOutput {
  if (q.decisionOn < q.violationOn) throw new AppError('VALIDATION', '作出决定的日期不能早于违法行为发生的日期');
  const base = { basis: lighterLawBasis, mapping: null };
  const resolve = (ref: ArticleKey, on: string): ArticleResolution => resolveArticle(library, ref, on, data.repeals);

  // The provision in force on the day of the act; a repealed one is followed through the map first.
  let from: ArticleKey = { law: q.law, article: q.article };
  let atViolation = resolve(from, q.violationOn);
  let note = '';
  let movedSteps: ArticleMapEntry[] = [];
  if (atViolation.status === 'not-loaded' && atViolation.reason === 'repealed') {
    const repealedCitation = atViolation;
    const moved = successorsOn(data.articleMap, from, q.violationOn);
    const target = moved.articles.length === 1 && moved.steps.length ? moved.articles[0]! : null;
    if (!target) {
      return {
        ...base,
        rule: 'not-loaded',
        chosen: null,
        atViolation,
        atDecision: null,
        needsReview: true,
        reason: `违法行为发生时，${repealedCitation.message}；新旧条文对应表中没有${moved.articles.length > 1 ? '唯一的' : ''}对应规定，请改引违法行为发生时有效的规定`,
      };
    }
    from = target;
    movedSteps = moved.steps;
    atViolation = resolve(from, q.violationOn);
    note = `所引${cited(repealedCitation)}在违法行为发生时已废止，按条文对应表改依${atViolation.citation}；`;
  }
  if (atViolation.status !== 'loaded') {
    return {
      ...base,
      rule: 'not-loaded',
      chosen: null,
      atViolation,
      atDecision: null,
      needsReview: true,
      reason: `${note}违法行为发生时的条文未载入，无法比较新旧规定：${atViolation.message}`,
    };
  }

  const succession = successorsOn(data.articleMap, from, q.decisionOn);
  const steps = [...movedSteps, ...succession.steps];
  const step = steps.at(-1);
  const mapping: Mapping = step
    ? { relation: step.relation, effectiveFrom: step.effectiveFrom, verified: step.verified, note: step.note }
    : null;
  const unverifiedMap = steps.some((s) => !s.verified) ? '（条文对应关系未经核实）' : '';
  const review = (needsReview: boolean): boolean => needsReview || Boolean(unverifiedMap);
  if (succession.notIllegal) {
    const c = chooseApplicableLaw({ atViolation: provision(atViolation), atDecision: null, notIllegal: true });
    return {
      ...c,
      rule: c.rule,
      chosen: null,
      atViolation,
      atDecision: null,
      mapping,
      reason: note + c.reason + unverifiedMap,
      needsReview: review(c.needsReview),
    };
  }
  const targets = succession.articles;
  if (targets.length !== 1) {
    return {
      ...base,
      mapping,
      rule: 'old-law-unverified',
      chosen: atViolation,
      atViolation,
      atDecision: null,
      needsReview: true,
      reason: `${note}${atViolation.citation}已由多条新规定取代（${targets.map((t) => `${t.law}${t.article}`).join('、')}），请人工判断适用哪一条及是否处罚较轻；暂按违法行为发生时的规定适用`,
    };
  }
  const atDecision = resolve(targets[0]!, q.decisionOn);
  if (atDecision.status !== 'loaded') {
    const why =
      atDecision.reason === 'repealed'
        ? `作出决定时${atDecision.message}，新旧条文对应表中没有其对应的新规定，请人工确定新的规定并比较处罚轻重`
        : `作出决定时的规定未载入（${atDecision.message}），请人工核对`;
    return {
      ...base,
      mapping,
      rule: 'old-law-unverified',
      chosen: atViolation,
      atViolation,
      atDecision,
      needsReview: true,
      reason: `${note}${why}；暂按违法行为发生时的规定适用`,
    };
  }
  const old = provision(atViolation);
  const current = provision(atDecision);
  const c = chooseApplicableLaw({ atViolation: old, atDecision: current });
  // The same number in a newer version may be another provision when the revision renumbered the law.
  const sameNumberGuess =
    !step &&
    atDecision.version.versionDate !== atViolation.version.versionDate &&
    atDecision.citedText !== atViolation.citedText
      ? '；新版本未登记条文对应关系，按相同条文序号比较，请核对序号是否变化'
      : '';
  const chosen = c.chosen === current ? atDecision : c.chosen === old ? atViolation : null;
  return {
    ...base,
    mapping,
    rule: c.rule,
    chosen,
    atViolation,
    atDecision,
    reason: note + c.reason + unverifiedMap + sameNumberGuess,
    needsReview: review(c.needsReview) || Boolean(sameNumberGuess),
  };
}
