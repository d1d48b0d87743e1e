/**
 * “较大数额罚款” (处罚法 art. 63(1)): from which amount the party must be told of the right to a
 * hearing. The figures and whether the figure itself counts are data
 * (resources/discretion/hearing-thresholds.json, with their source and whether they were checked
 * against the text); this is only the comparison. Pure.
 */

/**
 * `above`: only a fine exceeding the figure is 较大数额 (超过; 生态环境行政处罚办法 art. 89 as
 * reported for legal persons and other organisations: above 200,000 yuan).
 * `atLeast`: the figure itself counts (以上 includes the figure, 民法典 art. 1259).
 */
export type ThresholdRule = 'above' | 'atLeast';

export interface HearingThreshold {
  organisationYuan: number;
  citizenYuan: number;
  /** Absent in data written before the rule was data: `atLeast`. */
  organisationRule?: ThresholdRule;
  citizenRule?: ThresholdRule;
}

/** True when a fine of this amount is 较大数额 for this kind of party, so the hearing right must be told. */
export function isLargeFine(fine: number, partyKind: 'organisation' | 'individual', t: HearingThreshold): boolean {
  const [limit, rule] =
    partyKind === 'individual'
      ? [t.citizenYuan, t.citizenRule ?? 'atLeast']
      : [t.organisationYuan, t.organisationRule ?? 'atLeast'];
  return rule === 'above' ? fine > limit : fine >= limit;
}

/** “超过200,000元” or “5,000元以上”, for messages and the legality review. */
export function largeFineText(partyKind: 'organisation' | 'individual', t: HearingThreshold): string {
  const [limit, rule] =
    partyKind === 'individual'
      ? [t.citizenYuan, t.citizenRule ?? 'atLeast']
      : [t.organisationYuan, t.organisationRule ?? 'atLeast'];
  const yuan = `${limit.toLocaleString('en-US')}元`;
  return rule === 'above' ? `超过${yuan}` : `${yuan}以上`;
}
