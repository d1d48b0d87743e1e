/**
 * 管辖: a bureau punishes acts in its own county (行政处罚法第二十二条: 由违法行为发生地的行政机关管辖).
 * A party registered in another county may still have acted here, so opening such a case is not
 * refused outright: the clerk is warned with both counties named and must record why this bureau
 * has jurisdiction. Counties compare by GB/T 2260 code where both are known, else by name (demo and
 * hand-entered records carry only the name). Pure.
 */
export interface County {
  code: string;
  name: string;
}

export const jurisdictionArticle = '行政处罚法第二十二条';

/** True when the party is registered in a county other than the bureau's (unknown → not outside). */
export function outsideCounty(bureau: County | null, party: County): boolean {
  if (!bureau) return false;
  if (bureau.code && party.code) return bureau.code !== party.code;
  if (bureau.name && party.name) return bureau.name !== party.name;
  return false;
}

/** The warning the 立案 dialog shows and the core's refusal without a reason: both counties named. */
export function outsideCountyMessage(bureau: County, party: County): string {
  return `当事人登记在${party.name || party.code}，本局位于${bureau.name || bureau.code}。跨区县立案须记录本局管辖的理由（如违法行为发生地在本辖区，${jurisdictionArticle}）`;
}
