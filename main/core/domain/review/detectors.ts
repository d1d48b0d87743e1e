/**
 * One detector per rule id of the criteria (resources/review/criteria.*.json): the data says what is
 * checked, how many points and on which article; the detector finds the instances. A criteria file naming a
 * rule with no detector is refused when the core starts (`missingDetectors`).
 */
import type { ReviewRule } from '#common/schemas/fileReview.js';
import type { ReviewCriteria } from '#common/schemas/fileReview.js';
import * as caseRules from './caseRules.js';
import * as dossierRules from './dossierRules.js';
import type { Finding, ReviewFacts } from './facts.js';
import { legalityFindings, legalityRuleChecks } from './legalityRules.js';

export type Detector = (facts: ReviewFacts, rule: ReviewRule) => Finding[];

export const detectors: Record<string, Detector> = {
  ...Object.fromEntries(
    Object.keys(legalityRuleChecks).map((id): [string, Detector] => [id, (f) => legalityFindings(f, id)]),
  ),
  filingApproved: caseRules.filingApproved,
  factsStated: caseRules.factsStated,
  actDateKnown: caseRules.actDateKnown,
  inspectionRecord: caseRules.inspectionRecord,
  interviewRecord: caseRules.interviewRecord,
  evidenceCollected: caseRules.evidenceCollected,
  serviceReceipts: caseRules.serviceReceipts,
  deadlinesKept: caseRules.deadlinesKept,
  decisionSealed: caseRules.decisionSealed,
  requiredContents: caseRules.requiredContents,
  repealedArticle: caseRules.repealedArticle,
  dossierBound: dossierRules.dossierBound,
  retentionChosen: dossierRules.retentionChosen,
  catalogPages: dossierRules.catalogPages,
  coverCounts: dossierRules.coverCounts,
  remarksCounts: dossierRules.remarksCounts,
};

/** Rules of the criteria no detector knows (a typo, or a rule added to the data before its code). */
export function missingDetectors(criteria: ReviewCriteria): string[] {
  return criteria.areas.flatMap((a) => a.rules.map((r) => r.id)).filter((id) => !detectors[id]);
}
