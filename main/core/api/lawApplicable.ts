/**
 * laws.applicable: which provision a decision applies (从旧兼从轻, 处罚法 art. 37). The provision in
 * force on the violation date is compared with the one standing for it on the decision date —
 * found through resources/laws/article-map.json when the article was replaced or renumbered, else
 * the same article of the newer version — on their fine bands read from the loaded texts.
 */
import { AppError } from '../../../common/errors.js';
import type { LawApplicableOutput } from '../../../common/schemas/laws.js';
import { successorsOn } from '../domain/laws/articleMap.js';
import { singleFineBand } from '../domain/laws/fineFromText.js';
import { chooseApplicableLaw, lighterLawBasis, type Provision } from '../domain/laws/lighterLaw.js';
import type { LawData } from '../lawResources.js';
import type { LawLibrary } from '../store/lawLibrary.js';
import { resolveArticle, type Loaded } from './lawCitation.js';

export interface ApplicableQuery { law: string; article: string; violationOn: string; decisionOn: string }

function provision(r: Loaded): Provision {
  return { citation: r.citation, versionDate: r.version.versionDate, text: r.citedText, band: singleFineBand(r.citedText) ?? singleFineBand(r.articleText) };
}

export function applicableLaw(library: LawLibrary, data: LawData, q: ApplicableQuery): LawApplicableOutput {
  if (q.decisionOn < q.violationOn) throw new AppError('VALIDATION', '作出决定的日期不能早于违法行为发生的日期');
  const base = { basis: lighterLawBasis, mapping: null };
  const atViolation = resolveArticle(library, q, q.violationOn);
  if (atViolation.status !== 'loaded') {
    return { ...base, rule: 'not-loaded', chosen: null, atViolation, atDecision: null, needsReview: true,
      reason: `违法行为发生时的条文未载入，无法比较新旧规定：${atViolation.message}` };
  }
  const succession = successorsOn(data.articleMap, q, q.decisionOn);
  const step = succession.steps.at(-1);
  const mapping = step ? { relation: step.relation, effectiveFrom: step.effectiveFrom, verified: step.verified, note: step.note } : null;
  const unverifiedMap = step && !step.verified ? '（条文对应关系未经核实）' : '';
  if (succession.notIllegal) {
    const c = chooseApplicableLaw({ atViolation: provision(atViolation), atDecision: null, notIllegal: true });
    return { ...c, rule: c.rule, chosen: null, atViolation, atDecision: null, mapping, reason: c.reason + unverifiedMap, needsReview: c.needsReview || Boolean(unverifiedMap) };
  }
  const targets = succession.articles;
  if (targets.length !== 1) {
    return { ...base, mapping, rule: 'old-law-unverified', chosen: atViolation, atViolation, atDecision: null, needsReview: true,
      reason: `${atViolation.citation}已由多条新规定取代（${targets.map((t) => `${t.law}${t.article}`).join('、')}），请人工判断适用哪一条及是否处罚较轻；暂按违法行为发生时的规定适用` };
  }
  const atDecision = resolveArticle(library, targets[0]!, q.decisionOn);
  if (atDecision.status !== 'loaded') {
    return { ...base, mapping, rule: 'old-law-unverified', chosen: atViolation, atViolation, atDecision, needsReview: true,
      reason: `作出决定时的规定未载入（${atDecision.message}），暂按违法行为发生时的规定适用，请人工核对` };
  }
  const old = provision(atViolation);
  const current = provision(atDecision);
  const c = chooseApplicableLaw({ atViolation: old, atDecision: current });
  // The same number in a newer version may be another provision when the revision renumbered the law.
  const sameNumberGuess = !step && atDecision.version.versionDate !== atViolation.version.versionDate && atDecision.citedText !== atViolation.citedText
    ? '；新版本未登记条文对应关系，按相同条文序号比较，请核对序号是否变化' : '';
  const chosen = c.chosen === current ? atDecision : c.chosen === old ? atViolation : null;
  return {
    ...base, mapping, rule: c.rule, chosen, atViolation, atDecision,
    reason: c.reason + unverifiedMap + sameNumberGuess,
    needsReview: c.needsReview || Boolean(unverifiedMap) || Boolean(sameNumberGuess),
  };
}
