/**
 * 追责时效: a violation not discovered within the period is no longer punished. The rules are data
 * (resources/laws/temporal-rules.json): 处罚法 art. 36 (two years; five where citizens' life, health
 * or financial security is harmed) and, from its commencement, 生态环境法典 art. 1054 (two years; five
 * where the act caused pollution or ecological harm). The period runs from the day of the violation,
 * or from its end if it continued. Checked at 立案. Pure.
 *
 * An act before the Code discovered after it: the periods of both rules are computed and the shorter
 * one applies, as 从旧兼从轻 would have it (our reading, marked unverified in the data).
 */
import type { LimitationRule } from '#common/schemas/legalBasis.js';
import { addMonths } from './dates.js';

export interface LimitationInput {
  violationOn: string | null;
  continuing: boolean;
  discoveredOn: string;
  seriousHarm: boolean;
  pollutionHarm?: boolean;
}

function ruleOn(rules: readonly LimitationRule[], date: string): LimitationRule | null {
  return (
    [...rules]
      .filter((r) => r.effectiveFrom <= date)
      .sort((a, b) => b.effectiveFrom.localeCompare(a.effectiveFrom))[0] ?? null
  );
}

function lapseOf(rule: LimitationRule, i: LimitationInput): { years: number; lapse: string } {
  const harmed = rule.harm === 'seriousHarm' ? i.seriousHarm : Boolean(i.pollutionHarm);
  const years = harmed ? rule.harmYears : rule.years;
  return { years, lapse: addMonths(i.violationOn!, years * 12) };
}

export function limitationProblem(i: LimitationInput, rules: readonly LimitationRule[]): string | null {
  // A violation still going on has not started its period; an unknown date cannot be checked.
  if (!i.violationOn || i.continuing) return null;
  if (i.violationOn > i.discoveredOn)
    return `违法行为发生日期（${i.violationOn}）不能晚于发现日期（${i.discoveredOn}）`;
  const atAct = ruleOn(rules, i.violationOn);
  const atDiscovery = ruleOn(rules, i.discoveredOn);
  const candidates = [atAct, atDiscovery].filter((r): r is LimitationRule => r !== null);
  if (!candidates.length) return null;
  const [rule, period] = candidates
    .map((r) => [r, lapseOf(r, i)] as const)
    .sort((a, b) => a[1].lapse.localeCompare(b[1].lapse))[0]!;
  if (i.discoveredOn > period.lapse) {
    return `违法行为发生于${i.violationOn}，至${i.discoveredOn}发现已超过${period.years}年的追责期限（${period.lapse}届满），依法不再给予行政处罚（${rule.law.replace(/[《》]|中华人民共和国/g, '')}${rule.article}）`;
  }
  return null;
}
