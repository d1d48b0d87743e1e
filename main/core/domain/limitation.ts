/**
 * 追责时效 (处罚法 art. 36): a violation not discovered within two years is no longer punished;
 * five years where it endangers citizens' life, health or financial security with harmful
 * consequences. The period runs from the day of the violation, or from its end if it continued.
 * Checked at 立案. Pure.
 */
import { addMonths } from './dates.js';

export interface LimitationInput {
  violationOn: string | null;
  continuing: boolean;
  discoveredOn: string;
  seriousHarm: boolean;
}

export function limitationProblem(i: LimitationInput): string | null {
  // A violation still going on has not started its period; an unknown date cannot be checked.
  if (!i.violationOn || i.continuing) return null;
  if (i.violationOn > i.discoveredOn) return `违法行为发生日期（${i.violationOn}）不能晚于发现日期（${i.discoveredOn}）`;
  const years = i.seriousHarm ? 5 : 2;
  const lapse = addMonths(i.violationOn, years * 12);
  if (i.discoveredOn > lapse) {
    return `违法行为发生于${i.violationOn}，至${i.discoveredOn}发现已超过${years}年的追责期限（${lapse}届满），依法不再给予行政处罚（行政处罚法第三十六条）`;
  }
  return null;
}
