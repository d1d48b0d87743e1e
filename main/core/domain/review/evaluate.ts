/**
 * 案卷评查: scores a case's file against the criteria (data). Each area starts from its points; each
 * finding of a rule deducts the rule's figure, up to the rule's `max` (else the area's points), and an
 * area never goes below zero. Every deduction names its rule, what it checks, its article and the page.
 * Pure: the facts are gathered by the application (application/fileReview.ts).
 */
import type { ReviewCriteria, ReviewDeduction, ReviewResult } from '#common/schemas/fileReview.js';
import { detectors } from './detectors.js';
import type { ReviewFacts } from './facts.js';

const round = (n: number): number => Math.round(n * 100) / 100;

export function evaluateFile(criteria: ReviewCriteria, facts: ReviewFacts): ReviewResult {
  const deductions: ReviewDeduction[] = [];
  const areas = criteria.areas.map((area) => {
    let lost = 0;
    for (const rule of area.rules) {
      const detect = detectors[rule.id];
      if (!detect) throw new Error(`评查规则“${rule.id}”没有对应的检查程序`);
      const cap = Math.min(rule.max ?? area.points, area.points);
      let ruleLost = 0;
      detect(facts, rule).forEach((finding, i) => {
        const points = round(Math.max(0, Math.min(rule.deduction, cap - ruleLost, area.points - lost)));
        ruleLost += points;
        lost += points;
        deductions.push({
          id: `${rule.id}:${i + 1}`,
          rule: rule.id,
          area: area.id,
          checks: rule.checks,
          message: finding.message,
          points,
          basis: rule.basis,
          page: finding.page,
        });
      });
    }
    return { id: area.id, name: area.name, points: area.points, score: round(area.points - lost) };
  });
  return {
    criteriaVersion: criteria.version,
    ranOn: facts.today,
    dossierBuiltAt: facts.state.dossier?.builtAt ?? null,
    score: round(areas.reduce((n, a) => n + a.score, 0)),
    max: round(areas.reduce((n, a) => n + a.points, 0)),
    areas,
    deductions,
    weightsVerified: criteria.weights.verified,
  };
}
