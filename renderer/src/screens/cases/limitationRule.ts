/**
 * Which limitation rule an act falls under, from the time rules kept as data
 * (resources/laws/temporal-rules.json, the file the core reads): 处罚法 art. 36 for acts before the
 * 生态环境法典, its art. 1054 from its commencement. The 立案 form asks the question of each rule
 * that counts (seriousHarm, pollutionHarm) and shows its article. Pure.
 */
import rulesFile from '../../../../resources/laws/temporal-rules.json';
import { temporalRulesFile, type LimitationRule } from '#common/schemas/legalBasis';
import { chineseNumber } from './violationSearch';

const rules: LimitationRule[] = temporalRulesFile
  .parse(rulesFile)
  .limitation.slice()
  .sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom));

/** The rule in force on `date` (YYYY-MM-DD): the latest one that had commenced by then. */
export function limitationRuleOn(date: string, list: readonly LimitationRule[] = rules): LimitationRule {
  let found = list[0]!;
  for (const r of list) if (r.effectiveFrom <= date) found = r;
  return found;
}

/**
 * The rules whose question the 立案 form asks: the rule of the act's day and, for an act before the
 * Code discovered after it, the rule of the discovery day too (the core applies the shorter period).
 */
export function limitationRulesFor(
  actOn: string,
  discoveredOn: string,
  list: readonly LimitationRule[] = rules,
): LimitationRule[] {
  const atAct = limitationRuleOn(actOn, list);
  const atDiscovery = limitationRuleOn(discoveredOn >= actOn ? discoveredOn : actOn, list);
  return atAct.id === atDiscovery.id ? [atAct] : [atAct, atDiscovery];
}

/** 《中华人民共和国生态环境法典》 → 生态环境法典 */
export function shortLawName(law: string): string {
  return law
    .replace(/^《/, '')
    .replace(/》$/, '')
    .replace(/^中华人民共和国/, '');
}

/** 造成环境污染、生态破坏等危害后果（生态环境法典第一千零五十四条：时效五年） */
export function harmLabel(rule: LimitationRule): string {
  const article = rule.article.replace(/第[^第]*款$/, '');
  return `${rule.harmText}（${shortLawName(rule.law)}${article}：时效${chineseNumber(rule.harmYears)}年）`;
}
