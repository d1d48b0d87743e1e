/**
 * The comparison of old and new law as the 调查报告 and the 决定书 print it, in legal Chinese:
 * what each provision sets, the case's figures, which is lighter and the article that decides. Pure.
 */
import { yuanInText } from '#common/money.js';
import type { ProvisionView } from '#common/schemas/legalBasis.js';

function setsText(p: ProvisionView): string {
  const band = p.band.kind === 'none' ? '未规定罚款' : `规定处${p.bandText}的罚款${p.aggravated ? '（情节严重）' : ''}`;
  if (!p.yuan.ok || !p.yuan.basis) return band;
  return `${band}，按本案${p.yuan.basis}计算，即${yuanInText(p.yuan.min)}至${yuanInText(p.yuan.max)}`;
}

export interface StatementInput {
  actDateNote: string;
  old: ProvisionView;
  current: ProvisionView;
  newer: boolean;
  basis: string[];
}

export function comparisonStatement({ actDateNote, old, current, newer, basis }: StatementInput): string {
  const verdict = newer ? '新的规定处罚较轻' : '新的规定并不较轻';
  const applied = newer ? current : old;
  return (
    `${actDateNote}。违法行为发生时施行的${old.citation}${setsText(old)}；` +
    `作出处罚决定时施行的${current.citation}${setsText(current)}。` +
    `${verdict}，依照${basis.join('、')}的规定，本案适用${applied.citation}。`
  );
}
