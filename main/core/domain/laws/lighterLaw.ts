/**
 * 从旧兼从轻 (行政处罚法 art. 37): a penalty applies the law in force when the violation was
 * committed; but if, when the decision is made, that law has been amended or repealed and the new
 * provision punishes more lightly or no longer treats the conduct as illegal, the new one applies.
 *
 * "Lighter" is decided on data — the fine bands of the two provisions — never on a guess: when the
 * bands cannot be compared the old law is kept and the result asks for a person to check. Pure.
 */
import type { FineBand } from '#common/schemas/reference.js';
import { bandText as commonBandText } from '#common/fineBands.js';

export const lighterLawBasis = '《中华人民共和国行政处罚法》第三十七条';

export interface Provision {
  /** How the provision is cited, for the explanation: 《…》第九十九条. */
  citation: string;
  /** The text version it belongs to (its version date), to tell two versions of one article apart. */
  versionDate: string;
  text: string;
  /** The fine band the provision sets, if known. */
  band: FineBand | null;
}

export type LawChoiceRule =
  | 'unchanged' // the same provision applies on both dates
  | 'old-law' // changed, and the new one is not lighter: the law at the time of the violation
  | 'new-law-lighter' // the new provision punishes more lightly
  | 'not-illegal' // the new law no longer treats the conduct as illegal: no penalty
  | 'old-law-unverified'; // changed, but lightness could not be decided on the data

export interface LawChoice {
  rule: LawChoiceRule;
  /** The provision to apply; null only for 'not-illegal'. */
  chosen: Provision | null;
  /** Chinese explanation for the 调查报告 and the reviewer. */
  reason: string;
  needsReview: boolean;
  basis: string;
}

/** −1: a is lighter; 1: b is lighter; 0: the same; null: not comparable. */
export function compareBands(a: FineBand, b: FineBand): -1 | 0 | 1 | null {
  const pair =
    a.kind === 'range' && b.kind === 'range'
      ? [a.max, b.max, a.min, b.min]
      : a.kind === 'percent' && b.kind === 'percent' && a.of === b.of
        ? [a.maxPercent, b.maxPercent, a.minPercent, b.minPercent]
        : null;
  if (!pair) return null;
  const [aMax, bMax, aMin, bMin] = pair as [number, number, number, number];
  // A lower ceiling is lighter; with the same ceiling, a lower floor is.
  if (aMax !== bMax) return aMax < bMax ? -1 : 1;
  if (aMin !== bMin) return aMin < bMin ? -1 : 1;
  return 0;
}

function bandText(b: FineBand): string {
  if (b.kind === 'range') return `${b.min}元至${b.max}元`;
  if (b.kind === 'percent') return `${b.of}的${b.minPercent}%至${b.maxPercent}%`;
  return commonBandText(b); // the benchmark's other kinds (multiple, per day, fixed)
}

export interface LawChoiceInput {
  /** The provision in force when the violation was committed (or ended, if continuing). */
  atViolation: Provision;
  /** The provision in force when the decision is made; null with notIllegal when the conduct is no longer punished. */
  atDecision: Provision | null;
  /** The new law, by an explicit mapping, no longer treats the conduct as illegal. */
  notIllegal?: boolean;
}

export function chooseApplicableLaw({ atViolation: old, atDecision: current, notIllegal }: LawChoiceInput): LawChoice {
  const choice = (rule: LawChoiceRule, chosen: Provision | null, reason: string, needsReview = false): LawChoice => ({
    rule,
    chosen,
    reason,
    needsReview,
    basis: lighterLawBasis,
  });
  if (notIllegal) {
    return choice(
      'not-illegal',
      null,
      `作出处罚决定时，新的规定已不认为该行为违法，依照${lighterLawBasis}适用新的规定，不予处罚`,
    );
  }
  if (!current || (current.citation === old.citation && current.versionDate === old.versionDate)) {
    return choice('unchanged', old, `违法行为发生时至作出决定时，${old.citation}未修改，适用该规定`);
  }
  if (current.text === old.text && current.citation === old.citation) {
    return choice('unchanged', old, `${old.citation}在新版本中内容未变，适用违法行为发生时的规定`);
  }
  if (!old.band || !current.band) {
    return choice(
      'old-law-unverified',
      old,
      `${old.citation}已修改，但缺少可比较的罚款幅度数据，暂按违法行为发生时的规定适用，请人工核对新的规定（${current.citation}）是否处罚较轻`,
      true,
    );
  }
  const cmp = compareBands(current.band, old.band);
  if (cmp === null) {
    return choice(
      'old-law-unverified',
      old,
      `新旧规定的罚款幅度种类不同（${bandText(old.band)}；${bandText(current.band)}），无法自动比较轻重，暂按违法行为发生时的规定适用，请人工核对`,
      true,
    );
  }
  if (cmp < 0) {
    return choice(
      'new-law-lighter',
      current,
      `新的规定（${current.citation}，${bandText(current.band)}）较违法行为发生时的规定（${old.citation}，${bandText(old.band)}）处罚较轻，依照${lighterLawBasis}适用新的规定`,
    );
  }
  return choice(
    'old-law',
    old,
    `新的规定（${current.citation}，${bandText(current.band)}）不轻于违法行为发生时的规定（${old.citation}，${bandText(old.band)}），依照${lighterLawBasis}适用违法行为发生时的规定`,
  );
}
